import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readProvenance
} from "./chunk-XPRPM55S.js";
import "./chunk-OL2W2XGG.js";
import "./chunk-LDGX6BNT.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-U7TCVJVZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  readProvenance
};
