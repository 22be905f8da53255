import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RUN_CACHE_OPTIONS,
  evaluateCommand,
  gateCommand,
  publishCommand,
  runCacheChoices,
  trainCommand,
  validateCommand
} from "./chunk-SM2H3XVE.js";
import "./chunk-3SZESVYI.js";
import "./chunk-M2B5XMV7.js";
import "./chunk-ZIFCCQY3.js";
import "./chunk-THUPLUY7.js";
import "./chunk-ANTYHHFR.js";
import "./chunk-ERO4MCOP.js";
import "./chunk-BXP3T3LQ.js";
import "./chunk-N26MFBKU.js";
import "./chunk-Z3CAJF4B.js";
import "./chunk-GWPYMBGK.js";
import "./chunk-4Y6J3X4V.js";
import "./chunk-6RC3X4N6.js";
import "./chunk-KDNJFZE6.js";
import "./chunk-KIYRFXDI.js";
import "./chunk-OUO73NAH.js";
import "./chunk-XEH6HUDK.js";
import "./chunk-L5ZB5M6A.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  RUN_CACHE_OPTIONS,
  evaluateCommand,
  gateCommand,
  publishCommand,
  runCacheChoices,
  trainCommand,
  validateCommand
};
