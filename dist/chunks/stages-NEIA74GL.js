import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  ALLOW_DIRTY_OPTION,
  RUN_CACHE_OPTIONS,
  evaluateCommand,
  gateCommand,
  publishCommand,
  runCacheChoices,
  trainCommand,
  validateCommand
} from "./chunk-WNHWN3VN.js";
import "./chunk-NR5YT5SO.js";
import "./chunk-7EEWXJSF.js";
import "./chunk-WLMFWUHR.js";
import "./chunk-THUPLUY7.js";
import "./chunk-VLN4SQWY.js";
import "./chunk-HLKXQ7X2.js";
import "./chunk-EOYDCAJC.js";
import "./chunk-TLX656CK.js";
import "./chunk-NNNSQAJN.js";
import "./chunk-EU447EYR.js";
import "./chunk-AOOPNKUY.js";
import "./chunk-VRNFBWJ4.js";
import "./chunk-TFWDSRPY.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-OUO73NAH.js";
import "./chunk-WEGPIWUD.js";
import "./chunk-XDWG76T6.js";
import "./chunk-657YCYD7.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  ALLOW_DIRTY_OPTION,
  RUN_CACHE_OPTIONS,
  evaluateCommand,
  gateCommand,
  publishCommand,
  runCacheChoices,
  trainCommand,
  validateCommand
};
