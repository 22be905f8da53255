import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-P3FSFVCK.js";
import "./chunks/chunk-RB725NT4.js";
import "./chunks/chunk-MYZY5FAT.js";
import "./chunks/chunk-UPNE7KZ7.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-MT5ZBAUE.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-BU477L3W.js";
import "./chunks/chunk-UFBCENFA.js";
import "./chunks/chunk-NFXRFKJG.js";
import "./chunks/chunk-YPTDUKOQ.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-OPN7A6Q3.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:publish
await runStageAction("publish");
