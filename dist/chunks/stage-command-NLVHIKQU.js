import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-PEF23NMX.js";
import "./chunk-DX46VYVK.js";
import "./chunk-AIXR5GSA.js";
import "./chunk-2ET27MDC.js";
import "./chunk-TWCTD6BE.js";
import "./chunk-M3RV46UZ.js";
import "./chunk-BU477L3W.js";
import "./chunk-UFBCENFA.js";
import "./chunk-NFXRFKJG.js";
import "./chunk-HG6HQFAC.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  cliOptions,
  parseCliOptions,
  stageCommand
};
