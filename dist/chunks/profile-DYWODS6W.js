import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  profileCommand,
  workersOf
} from "./chunk-3OEO465C.js";
import "./chunk-Y3GPDDWD.js";
import "./chunk-NP4RXV4C.js";
import "./chunk-JHNWJVJL.js";
import "./chunk-EOYDCAJC.js";
import "./chunk-RQYHD5ZC.js";
import "./chunk-EU447EYR.js";
import "./chunk-ZWFYJDSY.js";
import "./chunk-WJGGL23E.js";
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
