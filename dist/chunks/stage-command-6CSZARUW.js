import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-HPEITET7.js";
import "./chunk-SPTQT36L.js";
import "./chunk-BCNLONRF.js";
import "./chunk-WARQSE6L.js";
import "./chunk-PV6OBCS4.js";
import "./chunk-CKQNB7V5.js";
import "./chunk-NDR5IGVA.js";
import "./chunk-FPYOTNJS.js";
import "./chunk-4HF3QBCP.js";
import "./chunk-GGC6PM5E.js";
import "./chunk-NFXRFKJG.js";
import "./chunk-JCTNFSN4.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  cliOptions,
  parseCliOptions,
  stageCommand
};
