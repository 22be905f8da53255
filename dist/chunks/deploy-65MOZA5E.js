import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DeployOptions,
  deployStage,
  runDeployStage
} from "./chunk-MLSW5F4M.js";
import "./chunk-JTG2R54U.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-KCZDMEGW.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-72OCKP5C.js";
import "./chunk-LFNSLPCM.js";
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
  DeployOptions,
  deployStage,
  runDeployStage
};
