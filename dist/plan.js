import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-ULNJ6AAT.js";
import "./chunks/chunk-QLLY57GB.js";
import "./chunks/chunk-V56E3XQB.js";
import "./chunks/chunk-PVSTWRDO.js";
import "./chunks/chunk-TEWQFG7M.js";
import "./chunks/chunk-GKURBYGZ.js";
import "./chunks/chunk-I7YBYH2J.js";
import "./chunks/chunk-LIQVGXWF.js";
import "./chunks/chunk-KFUMKJDT.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-4OFSUGNQ.js";
import "./chunks/chunk-VJBMOATJ.js";
import "./chunks/chunk-MLIL7YFZ.js";
import "./chunks/chunk-EYNKBRNV.js";
import "./chunks/chunk-XJ2QCSOL.js";
import "./chunks/chunk-OSH67I4H.js";
import "./chunks/chunk-5AQJPSN5.js";
import "./chunks/chunk-PEZVGW4L.js";
import "./chunks/chunk-DWM4RAUV.js";
import "./chunks/chunk-H77FOSY6.js";
import "./chunks/chunk-KIGM2236.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-MFHSR2U5.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:plan
await runStageAction("plan");
