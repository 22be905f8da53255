import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  PublishOptions,
  publishStage
} from "./chunk-3MPNFN3R.js";
import "./chunk-TJEAFMF2.js";
import "./chunk-STGVFYYW.js";
import "./chunk-MTUX3RSV.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-6F3ASPSV.js";
import "./chunk-OIWBWK55.js";
import "./chunk-FNZKOFGU.js";
import "./chunk-2ATYKCL4.js";
import "./chunk-AEXEOC6T.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YAFPWT32.js";
import "./chunk-NCHGCW3K.js";
import "./chunk-XT2XCMED.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-RHPFG3UY.js";
import "./chunk-WUC2B7RK.js";
import "./chunk-5PEOAABG.js";
import "./chunk-5TYXP6DP.js";
import "./chunk-2WCYVFNO.js";
import "./chunk-GDLHBLAJ.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  PublishOptions,
  publishStage
};
