import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-JJDYZEC5.js";
import "./chunk-JTKWKQ54.js";
import "./chunk-2GCBI7ZE.js";
import "./chunk-DV5GF5RE.js";
import "./chunk-BDMVES2I.js";
import "./chunk-TWDVLQIM.js";
import "./chunk-CAL7RBE4.js";
import "./chunk-7VSPNE3W.js";
import "./chunk-JQZVZIOU.js";
import "./chunk-3LT7ALE5.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-ETIWM46I.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-4B6HXA7Q.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  cliOptions,
  parseCliOptions,
  stageCommand
};
