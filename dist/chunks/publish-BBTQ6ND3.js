import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  PublishOptions,
  publishStage
} from "./chunk-T23NZ3ES.js";
import "./chunk-7XFGUTN2.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-HPHYFDVI.js";
import "./chunk-EYWAISUJ.js";
import "./chunk-7QX6F57P.js";
import "./chunk-JP3KC7H2.js";
import "./chunk-STGVFYYW.js";
import "./chunk-B2PBEH22.js";
import "./chunk-EUDZWFHB.js";
import "./chunk-N2H5XJWD.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-SGRZVHZW.js";
import "./chunk-MY2F7FYT.js";
import "./chunk-OS4GCB6S.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-FK3UA7EA.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-L66B3B5Q.js";
import "./chunk-LRWYTBIP.js";
import "./chunk-QD46VIFS.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-KV6XCW5B.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-UH7DIMP2.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-IQ2CYV3M.js";
import "./chunk-OWLD7TRJ.js";
import "./chunk-5PEOAABG.js";
import "./chunk-OSH67I4H.js";
import "./chunk-PILILSOP.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  PublishOptions,
  publishStage
};
