import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-K3T2EOGT.js";
import "./chunks/chunk-N4VEWDFT.js";
import "./chunks/chunk-Z6SYVTXW.js";
import "./chunks/chunk-YJ7EOW4S.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-MGTE44PV.js";
import "./chunks/chunk-Q2ZKKZY2.js";
import "./chunks/chunk-XNASD4YB.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-YDKU3OPP.js";
import "./chunks/chunk-GMPRWTBY.js";
import "./chunks/chunk-BYDL72MP.js";
import "./chunks/chunk-4OIUJOC4.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:evaluate
await runStageAction("evaluate");
