import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  TrainOptions,
  trainStage
} from "./chunk-67CXDQDO.js";
import "./chunk-STGVFYYW.js";
import "./chunk-WF4U3YPG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-FFLTA4KC.js";
import "./chunk-7YUCBSB4.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-R4PV4LV6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-57U7UU7W.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-6FAQHDFV.js";
import "./chunk-644GJZK3.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-4VACLY5R.js";
import "./chunk-EZCE2A4A.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-QLJW4P75.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-5PEOAABG.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-4PKATDEY.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  TrainOptions,
  trainStage
};
