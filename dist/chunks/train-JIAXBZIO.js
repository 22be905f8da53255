import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  TrainOptions,
  trainStage
} from "./chunk-LD2MBMHJ.js";
import "./chunk-X4GL2GQ3.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-D2BBJTTY.js";
import "./chunk-6YFG4M26.js";
import "./chunk-TTCXCWX7.js";
import "./chunk-OL2W2XGG.js";
import "./chunk-STGVFYYW.js";
import "./chunk-OSESVZOG.js";
import "./chunk-5HHZK5FH.js";
import "./chunk-SLCZHEH5.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-AOUQ7DMG.js";
import "./chunk-LDGX6BNT.js";
import "./chunk-BQCSW3II.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-6WNLFSC7.js";
import "./chunk-4LOJ4AXN.js";
import "./chunk-QD46VIFS.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-U7TCVJVZ.js";
import "./chunk-LP2MTGO2.js";
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
  TrainOptions,
  trainStage
};
