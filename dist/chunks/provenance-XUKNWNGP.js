import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readProvenance
} from "./chunk-EEV3A2B6.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  readProvenance
};
