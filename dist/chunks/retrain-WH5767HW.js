import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RetrainConcludeOptions,
  RetrainDecideOptions,
  retrainConcludeStage,
  retrainDecideStage
} from "./chunk-XXXQJI4X.js";
import "./chunk-U7SYKCYX.js";
import "./chunk-NXYBXVJN.js";
import "./chunk-STGVFYYW.js";
import "./chunk-PIT4DTHT.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-JGFDWJOA.js";
import "./chunk-2U4EQ4RK.js";
import "./chunk-IXWDEHJR.js";
import "./chunk-BFTSGGB3.js";
import "./chunk-KQORXAGW.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YK36XQET.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-QB3VBLED.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-WJKNLHYD.js";
import "./chunk-5PEOAABG.js";
import "./chunk-LOXZ63ZR.js";
import "./chunk-HUH5TK2R.js";
import "./chunk-VHM7AP6H.js";
import "./chunk-J7KJK3NR.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-4CM3JFR7.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  RetrainConcludeOptions,
  RetrainDecideOptions,
  retrainConcludeStage,
  retrainDecideStage
};
