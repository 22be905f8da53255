import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  TrainOptions,
  trainStage
} from "./chunk-QZ5T2WYL.js";
import "./chunk-STGVFYYW.js";
import "./chunk-M7LKG4AE.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-ITTVULS4.js";
import "./chunk-OLXPNLO3.js";
import "./chunk-KDNWJBBO.js";
import "./chunk-HSWREA4M.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-VUPPZJN2.js";
import "./chunk-YKNPOAAY.js";
import "./chunk-XT2XCMED.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-SM6WLYSG.js";
import "./chunk-GGVQOWIP.js";
import "./chunk-5PEOAABG.js";
import "./chunk-JECAMJ4X.js";
import "./chunk-PCXDIADY.js";
import "./chunk-3LT7ALE5.js";
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
