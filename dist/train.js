import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-LDGZNJNN.js";
import "./chunks/chunk-76645BFE.js";
import "./chunks/chunk-F5YTNMV7.js";
import "./chunks/chunk-7MAEBHVU.js";
import "./chunks/chunk-L2YJUVNN.js";
import "./chunks/chunk-KF23DLSX.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RLKKEF27.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-HGWZYJ7P.js";
import "./chunks/chunk-SR67EPJB.js";
import "./chunks/chunk-2FCG3MIX.js";
import "./chunks/chunk-7NUQWXYT.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-3MPTLVIB.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:train
await runStageAction("train");
