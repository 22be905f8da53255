import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-W32NSADS.js";
import "./chunks/chunk-JDLBZF4N.js";
import "./chunks/chunk-DV5GF5RE.js";
import "./chunks/chunk-BDMVES2I.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-SM6WLYSG.js";
import "./chunks/chunk-GGVQOWIP.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-JECAMJ4X.js";
import "./chunks/chunk-PCXDIADY.js";
import "./chunks/chunk-3LT7ALE5.js";
import "./chunks/chunk-A7OVTTTA.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:publish
await runStageAction("publish");
