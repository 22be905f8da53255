import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DeployOptions,
  deployStage,
  runDeployStage
} from "./chunk-OEEM4N7H.js";
import "./chunk-5IGDXZ5U.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-KCZDMEGW.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-72OCKP5C.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-ZHLGKUP6.js";
import "./chunk-SJPAMYWF.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-UCX6PYTZ.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-KFUMKJDT.js";
import "./chunk-5PEOAABG.js";
import "./chunk-MLIL7YFZ.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-DWM4RAUV.js";
import "./chunk-H77FOSY6.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  DeployOptions,
  deployStage,
  runDeployStage
};
