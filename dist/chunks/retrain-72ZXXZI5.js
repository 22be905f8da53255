import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RetrainConcludeOptions,
  RetrainDecideOptions,
  retrainConcludeStage,
  retrainDecideStage
} from "./chunk-5VWIP3AC.js";
import "./chunk-YTNHUGDU.js";
import "./chunk-LKUNVXOL.js";
import "./chunk-STGVFYYW.js";
import "./chunk-6AH6QH2C.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-DEDNORQK.js";
import "./chunk-IQ22BR3C.js";
import "./chunk-4C2OY57I.js";
import "./chunk-BFTSGGB3.js";
import "./chunk-AVFIZRT7.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YK36XQET.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-QB3VBLED.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-AV2R5YVD.js";
import "./chunk-5PEOAABG.js";
import "./chunk-LOXZ63ZR.js";
import "./chunk-HUH5TK2R.js";
import "./chunk-VHM7AP6H.js";
import "./chunk-T5BSSAHX.js";
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
