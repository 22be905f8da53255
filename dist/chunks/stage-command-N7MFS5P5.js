import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-QVQ37GKY.js";
import "./chunk-6QQS3UNP.js";
import "./chunk-JDLBZF4N.js";
import "./chunk-DV5GF5RE.js";
import "./chunk-BDMVES2I.js";
import "./chunk-SM6WLYSG.js";
import "./chunk-GGVQOWIP.js";
import "./chunk-JECAMJ4X.js";
import "./chunk-PCXDIADY.js";
import "./chunk-3LT7ALE5.js";
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
