import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-ZJZGF3JN.js";
import "./chunk-EAWHHVBL.js";
import "./chunk-CC2XK25Z.js";
import "./chunk-DUP63UZY.js";
import "./chunk-SLCZHEH5.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-AOUQ7DMG.js";
import "./chunk-LDGX6BNT.js";
import "./chunk-BQCSW3II.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-QR6TB6JR.js";
import "./chunk-O3UAJ45K.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-6FFNJH6A.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-XWUCKCS7.js";
import "./chunk-U7TCVJVZ.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-5PEOAABG.js";
import "./chunk-OSH67I4H.js";
import "./chunk-PILILSOP.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  postFromJob
};
