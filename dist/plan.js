import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-T7K7ERFE.js";
import "./chunks/chunk-BCNLONRF.js";
import "./chunks/chunk-WARQSE6L.js";
import "./chunks/chunk-PV6OBCS4.js";
import "./chunks/chunk-CKQNB7V5.js";
import "./chunks/chunk-NDR5IGVA.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-FPYOTNJS.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-4HF3QBCP.js";
import "./chunks/chunk-GGC6PM5E.js";
import "./chunks/chunk-NFXRFKJG.js";
import "./chunks/chunk-JCTNFSN4.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-52T7AQV6.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:plan
await runStageAction("plan");
