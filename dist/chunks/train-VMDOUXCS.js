import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  TrainOptions,
  trainStage
} from "./chunk-423U6D7F.js";
import "./chunk-STGVFYYW.js";
import "./chunk-QQZAVGDK.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-ARGQ3DHZ.js";
import "./chunk-AWMY4GYI.js";
import "./chunk-BWN3BJMR.js";
import "./chunk-5CKVLCEB.js";
import "./chunk-KAPEWGXR.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YAFPWT32.js";
import "./chunk-NCHGCW3K.js";
import "./chunk-XT2XCMED.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-Q2ZKKZY2.js";
import "./chunk-XNASD4YB.js";
import "./chunk-5PEOAABG.js";
import "./chunk-YDKU3OPP.js";
import "./chunk-GMPRWTBY.js";
import "./chunk-BYDL72MP.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  TrainOptions,
  trainStage
};
