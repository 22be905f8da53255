import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  PredictOptions,
  predictStage,
  runPredictStage
} from "./chunk-Q7BBP72B.js";
import "./chunk-LFMJASVH.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-MCQ3S4MW.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-G6IL24PE.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-SUPM4SWD.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  PredictOptions,
  predictStage,
  runPredictStage
};
