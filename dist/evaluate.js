import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-OLRAUP4P.js";
import "./chunks/chunk-XJGXFA4P.js";
import "./chunks/chunk-WLJHMHWJ.js";
import "./chunks/chunk-FG3EO4IX.js";
import "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-WJKNLHYD.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-LOXZ63ZR.js";
import "./chunks/chunk-HUH5TK2R.js";
import "./chunks/chunk-VHM7AP6H.js";
import "./chunks/chunk-J7KJK3NR.js";
import "./chunks/chunk-R3DC5XD5.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-4CM3JFR7.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:evaluate
await runStageAction("evaluate");
