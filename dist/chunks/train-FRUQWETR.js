import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  TrainOptions,
  trainStage
} from "./chunk-PB4NFTLO.js";
import "./chunk-STGVFYYW.js";
import "./chunk-LCF4KHGW.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-HU44FS6O.js";
import "./chunk-ORZCP3P7.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-MKYPGRGL.js";
import "./chunk-662KQWOY.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-YAFPWT32.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-PITFFGBR.js";
import "./chunk-LNMAVXP6.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-XZ24LNF3.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-M3RV46UZ.js";
import "./chunk-5PEOAABG.js";
import "./chunk-BU477L3W.js";
import "./chunk-UFBCENFA.js";
import "./chunk-NFXRFKJG.js";
import "./chunk-HG6HQFAC.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  TrainOptions,
  trainStage
};
