import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-ZRU6DXCT.js";
import "./chunk-CSXX26RX.js";
import "./chunk-IBAZGBED.js";
import "./chunk-SQ26S2CH.js";
import "./chunk-5KDZFAZ5.js";
import "./chunk-AV2R5YVD.js";
import "./chunk-LOXZ63ZR.js";
import "./chunk-HUH5TK2R.js";
import "./chunk-VHM7AP6H.js";
import "./chunk-T5BSSAHX.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-4CM3JFR7.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  cliOptions,
  parseCliOptions,
  stageCommand
};
