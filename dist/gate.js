import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-4EHSHJMR.js";
import "./chunks/chunk-QLLY57GB.js";
import "./chunks/chunk-54UONJ7L.js";
import "./chunks/chunk-C2JTYCOJ.js";
import "./chunks/chunk-UIE7HQFD.js";
import "./chunks/chunk-GKURBYGZ.js";
import "./chunks/chunk-I7YBYH2J.js";
import "./chunks/chunk-G3LAO6XE.js";
import "./chunks/chunk-4YXEL5JM.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-FW5EOKDB.js";
import "./chunks/chunk-Y34VYF2Z.js";
import "./chunks/chunk-QIGPZSLN.js";
import "./chunks/chunk-EYNKBRNV.js";
import "./chunks/chunk-XJ2QCSOL.js";
import "./chunks/chunk-OSH67I4H.js";
import "./chunks/chunk-5AQJPSN5.js";
import "./chunks/chunk-PEZVGW4L.js";
import "./chunks/chunk-OWLD7TRJ.js";
import "./chunks/chunk-MMDMIJM2.js";
import "./chunks/chunk-I7GHSQM2.js";
import "./chunks/chunk-QNNQNI2B.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-GOQHNGYT.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:gate
await runStageAction("gate");
