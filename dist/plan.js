import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-FZ6LMVJW.js";
import "./chunks/chunk-6C4C5WGL.js";
import "./chunks/chunk-R7LNCZXB.js";
import "./chunks/chunk-4BXQZKPC.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-RHPFG3UY.js";
import "./chunks/chunk-WUC2B7RK.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-5TYXP6DP.js";
import "./chunks/chunk-2WCYVFNO.js";
import "./chunks/chunk-GDLHBLAJ.js";
import "./chunks/chunk-UHRKJEM7.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:plan
await runStageAction("plan");
