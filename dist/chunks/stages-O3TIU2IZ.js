import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RUN_CACHE_OPTIONS,
  evaluateCommand,
  gateCommand,
  publishCommand,
  runCacheChoices,
  trainCommand,
  validateCommand
} from "./chunk-3BB34ZZ4.js";
import "./chunk-GISDNMNY.js";
import "./chunk-KECVUD6L.js";
import "./chunk-UJ7QNZKI.js";
import "./chunk-THUPLUY7.js";
import "./chunk-YCG64R6H.js";
import "./chunk-ERO4MCOP.js";
import "./chunk-4F2BXEAP.js";
import "./chunk-N26MFBKU.js";
import "./chunk-Z3CAJF4B.js";
import "./chunk-UFJC2KPC.js";
import "./chunk-IFCYOS42.js";
import "./chunk-LRSAP6TR.js";
import "./chunk-KDNJFZE6.js";
import "./chunk-KIYRFXDI.js";
import "./chunk-OUO73NAH.js";
import "./chunk-XEH6HUDK.js";
import "./chunk-XF3Z56KS.js";
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
