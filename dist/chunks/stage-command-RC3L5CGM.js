import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-PFJ4A3BW.js";
import "./chunk-JSI7632N.js";
import "./chunk-MTLTC6KQ.js";
import "./chunk-SAXW6LXP.js";
import "./chunk-MY5E4FEH.js";
import "./chunk-XD3V33XU.js";
import "./chunk-RKGNV63G.js";
import "./chunk-QLJW4P75.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-4PKATDEY.js";
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
