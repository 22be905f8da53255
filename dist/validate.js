import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-2AQQCETI.js";
import "./chunks/chunk-QLLY57GB.js";
import "./chunks/chunk-QEZGSB67.js";
import "./chunks/chunk-35MZIMAV.js";
import "./chunks/chunk-TEWQFG7M.js";
import "./chunks/chunk-GKURBYGZ.js";
import "./chunks/chunk-I7YBYH2J.js";
import "./chunks/chunk-RRG6TSJC.js";
import "./chunks/chunk-EYMTTHNR.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-WYGES5K7.js";
import "./chunks/chunk-VJBMOATJ.js";
import "./chunks/chunk-LNIKRDBK.js";
import "./chunks/chunk-EYNKBRNV.js";
import "./chunks/chunk-XJ2QCSOL.js";
import "./chunks/chunk-OSH67I4H.js";
import "./chunks/chunk-5AQJPSN5.js";
import "./chunks/chunk-PEZVGW4L.js";
import "./chunks/chunk-SUPM4SWD.js";
import "./chunks/chunk-MOKAEFJD.js";
import "./chunks/chunk-KIGM2236.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-YTT2LBXM.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:validate
await runStageAction("validate");
