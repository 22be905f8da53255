import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-U2GDIU3L.js";
import "./chunk-A5IYUJTQ.js";
import "./chunk-LHJQEIMP.js";
import "./chunk-67GI2UR2.js";
import "./chunk-7SO6OUQX.js";
import "./chunk-XI2GTT5O.js";
import "./chunk-WUC2B7RK.js";
import "./chunk-5TYXP6DP.js";
import "./chunk-2WCYVFNO.js";
import "./chunk-TQCPCROT.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  cliOptions,
  parseCliOptions,
  stageCommand
};
