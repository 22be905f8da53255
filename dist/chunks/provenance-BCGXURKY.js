import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readProvenance
} from "./chunk-3723OVIZ.js";
import "./chunk-BLJMT2OI.js";
import "./chunk-O5MMVPE6.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-F6ELEE5K.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  readProvenance
};
