import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-MBZSH65G.js";
import "./chunk-5FPRU5MK.js";
import "./chunk-HHOTU3KG.js";
import "./chunk-DUP63UZY.js";
import "./chunk-N2H5XJWD.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-SGRZVHZW.js";
import "./chunk-MY2F7FYT.js";
import "./chunk-OS4GCB6S.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-QR6TB6JR.js";
import "./chunk-O3UAJ45K.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-6FFNJH6A.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-XWUCKCS7.js";
import "./chunk-KV6XCW5B.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-UH7DIMP2.js";
import "./chunk-VLGHGLBD.js";
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
