import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runEvaluateStage,
  runGateStage,
  runPipeline,
  runPublishStage,
  runTrainStage,
  runValidateStage
} from "./chunk-JVSKKL3U.js";
import "./chunk-WXVUEIVD.js";
import "./chunk-5I3LMDH3.js";
import "./chunk-IKP5MKZU.js";
import "./chunk-QJXKZEE6.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-MCQ3S4MW.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-G6IL24PE.js";
import "./chunk-SLSOLTLA.js";
import "./chunk-IY6KPMTB.js";
import "./chunk-VAXOH5AZ.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-533AISZH.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-U3OKT6DL.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  runEvaluateStage,
  runGateStage,
  runPipeline,
  runPublishStage,
  runTrainStage,
  runValidateStage
};
