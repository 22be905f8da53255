import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-LPHVY62U.js";
import "./chunks/chunk-24EJ3LBH.js";
import "./chunks/chunk-TVNR2A7S.js";
import "./chunks/chunk-5X552U2Y.js";
import "./chunks/chunk-NHBFATN6.js";
import "./chunks/chunk-GKURBYGZ.js";
import "./chunks/chunk-I7YBYH2J.js";
import "./chunks/chunk-66BKCZAQ.js";
import "./chunks/chunk-OWLD7TRJ.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-OSH67I4H.js";
import "./chunks/chunk-6AWZHACU.js";
import "./chunks/chunk-EYNKBRNV.js";
import "./chunks/chunk-PEZVGW4L.js";
import "./chunks/chunk-MMDMIJM2.js";
import "./chunks/chunk-I7GHSQM2.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-YCZICFDD.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:train
await runStageAction("train");
