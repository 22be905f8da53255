import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-56SHVLCM.js";
import "./chunk-MNID5HVO.js";
import "./chunk-N4VEWDFT.js";
import "./chunk-Z6SYVTXW.js";
import "./chunk-YJ7EOW4S.js";
import "./chunk-MGTE44PV.js";
import "./chunk-Q2ZKKZY2.js";
import "./chunk-XNASD4YB.js";
import "./chunk-YDKU3OPP.js";
import "./chunk-GMPRWTBY.js";
import "./chunk-BYDL72MP.js";
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
