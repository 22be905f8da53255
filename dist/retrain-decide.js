import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-6OCDEB6H.js";
import "./chunks/chunk-V5OAM2AA.js";
import "./chunks/chunk-XT344CAF.js";
import "./chunks/chunk-3Q3MFXCU.js";
import "./chunks/chunk-URRRPEK5.js";
import "./chunks/chunk-GKURBYGZ.js";
import "./chunks/chunk-I7YBYH2J.js";
import "./chunks/chunk-IQ2CYV3M.js";
import "./chunks/chunk-OWLD7TRJ.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-OSH67I4H.js";
import "./chunks/chunk-PILILSOP.js";
import "./chunks/chunk-EYNKBRNV.js";
import "./chunks/chunk-PEZVGW4L.js";
import "./chunks/chunk-MMDMIJM2.js";
import "./chunks/chunk-I7GHSQM2.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-UOD2W5KJ.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:retrain-decide
await runStageAction("retrain-decide");
