import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-R46CZWA4.js";
import "./chunks/chunk-IBAZGBED.js";
import "./chunks/chunk-SQ26S2CH.js";
import "./chunks/chunk-5KDZFAZ5.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-AV2R5YVD.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-LOXZ63ZR.js";
import "./chunks/chunk-HUH5TK2R.js";
import "./chunks/chunk-VHM7AP6H.js";
import "./chunks/chunk-T5BSSAHX.js";
import "./chunks/chunk-7C6EM2SQ.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-4CM3JFR7.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:plan
await runStageAction("plan");
