import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-NGLH4TVJ.js";
import "./chunks/chunk-Y3TFGQZA.js";
import "./chunks/chunk-MZM2TBBQ.js";
import "./chunks/chunk-QWC3GWUO.js";
import "./chunks/chunk-UIE7HQFD.js";
import "./chunks/chunk-GKURBYGZ.js";
import "./chunks/chunk-I7YBYH2J.js";
import "./chunks/chunk-R5UJMX7C.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-OSH67I4H.js";
import "./chunks/chunk-OZSKINQ5.js";
import "./chunks/chunk-EYNKBRNV.js";
import "./chunks/chunk-PEZVGW4L.js";
import "./chunks/chunk-OWLD7TRJ.js";
import "./chunks/chunk-MMDMIJM2.js";
import "./chunks/chunk-I7GHSQM2.js";
import "./chunks/chunk-QNNQNI2B.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-YMVKMXCU.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:predict
await runStageAction("predict");
