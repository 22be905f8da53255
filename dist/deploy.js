import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-ETWXSKEN.js";
import "./chunks/chunk-MTLTC6KQ.js";
import "./chunks/chunk-SAXW6LXP.js";
import "./chunks/chunk-MY5E4FEH.js";
import "./chunks/chunk-XD3V33XU.js";
import "./chunks/chunk-RKGNV63G.js";
import "./chunks/chunk-QLJW4P75.js";
import "./chunks/chunk-HGWZYJ7P.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-SR67EPJB.js";
import "./chunks/chunk-2FCG3MIX.js";
import "./chunks/chunk-4PKATDEY.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-SPRMJNQQ.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:deploy
await runStageAction("deploy");
