import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  profileCommand,
  workersOf
} from "./chunk-UCGVTY75.js";
import "./chunk-RBFKDDHF.js";
import "./chunk-PEXVDI25.js";
import "./chunk-ERO4MCOP.js";
import "./chunk-X3TVJ27S.js";
import "./chunk-N26MFBKU.js";
import "./chunk-Z3CAJF4B.js";
import "./chunk-2QGO5C5O.js";
import "./chunk-WFFAPYBO.js";
import "./chunk-KDNJFZE6.js";
import "./chunk-KIYRFXDI.js";
import "./chunk-OUO73NAH.js";
import "./chunk-XEH6HUDK.js";
import "./chunk-JSGJMFWU.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  profileCommand,
  workersOf
};
