import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readProvenance
} from "./chunk-VEBUJGOM.js";
import "./chunk-JP3KC7H2.js";
import "./chunk-MY2F7FYT.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-KV6XCW5B.js";
import "./chunk-UH7DIMP2.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  readProvenance
};
