import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-RLN5GXCG.js";
import "./chunk-6NDJIHZQ.js";
import "./chunk-RB725NT4.js";
import "./chunk-MYZY5FAT.js";
import "./chunk-UPNE7KZ7.js";
import "./chunk-MT5ZBAUE.js";
import "./chunk-BU477L3W.js";
import "./chunk-UFBCENFA.js";
import "./chunk-NFXRFKJG.js";
import "./chunk-YPTDUKOQ.js";
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
