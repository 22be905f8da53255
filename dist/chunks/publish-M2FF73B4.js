import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  PublishOptions,
  publishStage
} from "./chunk-SZBP27HV.js";
import "./chunk-STGVFYYW.js";
import "./chunk-VZSVCSW7.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-I556RKLB.js";
import "./chunk-RC5AQHHO.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-XOBCU77W.js";
import "./chunk-T5Z4ADF5.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-YAFPWT32.js";
import "./chunk-JND7PGBH.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-T3NUJ3NB.js";
import "./chunk-HOITJURD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-XZ24LNF3.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-MT5ZBAUE.js";
import "./chunk-5PEOAABG.js";
import "./chunk-BU477L3W.js";
import "./chunk-UFBCENFA.js";
import "./chunk-NFXRFKJG.js";
import "./chunk-YPTDUKOQ.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  PublishOptions,
  publishStage
};
