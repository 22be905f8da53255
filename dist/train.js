import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-FD4W2UYA.js";
import "./chunks/chunk-2GCBI7ZE.js";
import "./chunks/chunk-DV5GF5RE.js";
import "./chunks/chunk-BDMVES2I.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-TWDVLQIM.js";
import "./chunks/chunk-CAL7RBE4.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-7VSPNE3W.js";
import "./chunks/chunk-JQZVZIOU.js";
import "./chunks/chunk-3LT7ALE5.js";
import "./chunks/chunk-CA6DMIUA.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-ETIWM46I.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-4B6HXA7Q.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:train
await runStageAction("train");
