import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-7WE6HXKX.js";
import "./chunks/chunk-AIXR5GSA.js";
import "./chunks/chunk-2ET27MDC.js";
import "./chunks/chunk-TWCTD6BE.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-M3RV46UZ.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-BU477L3W.js";
import "./chunks/chunk-UFBCENFA.js";
import "./chunks/chunk-NFXRFKJG.js";
import "./chunks/chunk-HG6HQFAC.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-O4CUUK5N.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:retrain-decide
await runStageAction("retrain-decide");
