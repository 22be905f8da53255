import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-QM36PLQL.js";
import "./chunk-VWXZD7J2.js";
import "./chunk-76645BFE.js";
import "./chunk-F5YTNMV7.js";
import "./chunk-7MAEBHVU.js";
import "./chunk-L2YJUVNN.js";
import "./chunk-KF23DLSX.js";
import "./chunk-RLKKEF27.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-7NUQWXYT.js";
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
