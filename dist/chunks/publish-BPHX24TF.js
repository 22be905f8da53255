import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  PublishOptions,
  publishStage
} from "./chunk-SAAXSDHD.js";
import "./chunk-XHGWUMHY.js";
import "./chunk-STGVFYYW.js";
import "./chunk-Z564YQVB.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-ACTBT47L.js";
import "./chunk-CPOTIWQA.js";
import "./chunk-WHYDMZKM.js";
import "./chunk-PD5IEEOA.js";
import "./chunk-AIXW4J3F.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YAFPWT32.js";
import "./chunk-YKNPOAAY.js";
import "./chunk-XT2XCMED.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-XI2GTT5O.js";
import "./chunk-WUC2B7RK.js";
import "./chunk-5PEOAABG.js";
import "./chunk-5TYXP6DP.js";
import "./chunk-2WCYVFNO.js";
import "./chunk-TQCPCROT.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  PublishOptions,
  publishStage
};
