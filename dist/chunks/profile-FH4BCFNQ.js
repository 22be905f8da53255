import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  profileCommand,
  workersOf
} from "./chunk-SWKTGI34.js";
import "./chunk-I5JVBQHW.js";
import "./chunk-57DR65GN.js";
import "./chunk-GLLAQNCF.js";
import "./chunk-EOYDCAJC.js";
import "./chunk-4N4SLXSY.js";
import "./chunk-EU447EYR.js";
import "./chunk-CMNHLUPT.js";
import "./chunk-YZZ2M47K.js";
import "./chunk-KIYRFXDI.js";
import "./chunk-OUO73NAH.js";
import "./chunk-WEGPIWUD.js";
import "./chunk-XDWG76T6.js";
import "./chunk-ASW5YMHX.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  profileCommand,
  workersOf
};
