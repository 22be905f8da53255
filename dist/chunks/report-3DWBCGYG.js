import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  gateSurfaces,
  githubFor,
  postSurfaces,
  reportArtifact,
  stageCheck,
  surfacesComment,
  surfacesMarker
} from "./chunk-ETJ5HDRZ.js";
import "./chunk-72OCKP5C.js";
import "./chunk-4SQXFUI5.js";
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
import "./chunk-XWUCKCS7.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
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
  gateSurfaces,
  githubFor,
  postSurfaces,
  reportArtifact,
  stageCheck,
  surfacesComment,
  surfacesMarker
};
