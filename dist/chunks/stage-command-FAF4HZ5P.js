import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-C3F55KKJ.js";
import "./chunk-5WWSYWT6.js";
import "./chunk-6C4C5WGL.js";
import "./chunk-R7LNCZXB.js";
import "./chunk-4BXQZKPC.js";
import "./chunk-RHPFG3UY.js";
import "./chunk-WUC2B7RK.js";
import "./chunk-5TYXP6DP.js";
import "./chunk-2WCYVFNO.js";
import "./chunk-GDLHBLAJ.js";
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
