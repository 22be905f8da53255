import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  ATTACHMENT_FLAGS,
  pullCommand,
  resolveVersion
} from "./chunk-6JXCZ4UO.js";
import "./chunk-KATF5WDH.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
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
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  ATTACHMENT_FLAGS,
  pullCommand,
  resolveVersion
};
