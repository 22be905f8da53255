import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-7TK2LATR.js";
import "./chunk-4MIAAEMY.js";
import "./chunk-XJGXFA4P.js";
import "./chunk-WLJHMHWJ.js";
import "./chunk-FG3EO4IX.js";
import "./chunk-WJKNLHYD.js";
import "./chunk-LOXZ63ZR.js";
import "./chunk-HUH5TK2R.js";
import "./chunk-VHM7AP6H.js";
import "./chunk-J7KJK3NR.js";
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
