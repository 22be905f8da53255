import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  PublishOptions,
  publishStage
} from "./chunk-2DGF325E.js";
import "./chunk-STGVFYYW.js";
import "./chunk-GM3DQO2S.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-UWNI5IZX.js";
import "./chunk-YIBY5GJK.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-CFS6OHL3.js";
import "./chunk-ZHURFC42.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-5UXVYUWZ.js";
import "./chunk-7ZIPCBYU.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-SOCIR2FV.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-I4JPAUMH.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-FPYOTNJS.js";
import "./chunk-5PEOAABG.js";
import "./chunk-4HF3QBCP.js";
import "./chunk-GGC6PM5E.js";
import "./chunk-NFXRFKJG.js";
import "./chunk-JCTNFSN4.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  PublishOptions,
  publishStage
};
