import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  PublishOptions,
  publishStage
} from "./chunk-3KFU4YSP.js";
import "./chunk-7PI7THP4.js";
import "./chunk-STGVFYYW.js";
import "./chunk-JAPZYDLZ.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-TP6QAOSM.js";
import "./chunk-UA6AZHDC.js";
import "./chunk-RI4HMFKQ.js";
import "./chunk-IZJA4EGE.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-VUPPZJN2.js";
import "./chunk-YKNPOAAY.js";
import "./chunk-XT2XCMED.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-TWDVLQIM.js";
import "./chunk-CAL7RBE4.js";
import "./chunk-5PEOAABG.js";
import "./chunk-7VSPNE3W.js";
import "./chunk-JQZVZIOU.js";
import "./chunk-3LT7ALE5.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-ETIWM46I.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-4B6HXA7Q.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  PublishOptions,
  publishStage
};
