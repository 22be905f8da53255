import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DeployOptions,
  deployStage,
  runDeployStage
} from "./chunk-HD3GLBOU.js";
import "./chunk-JB5EQVJU.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-ERGWGN54.js";
import "./chunk-STGVFYYW.js";
import "./chunk-NBLV4ZZI.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-SD7ANGFV.js";
import "./chunk-P5X7DLMZ.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-MSDEDR7I.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-OKFHUT4H.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LJLWCHSW.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-YISZAGCY.js";
import "./chunk-2UURXLUM.js";
import "./chunk-6P7FNPQ6.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-5XAJ7V2L.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-RLKKEF27.js";
import "./chunk-5PEOAABG.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-7NUQWXYT.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  DeployOptions,
  deployStage,
  runDeployStage
};
