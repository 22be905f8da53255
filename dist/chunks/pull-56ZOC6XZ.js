import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  ATTACHMENT_FLAGS,
  pullCommand,
  resolveVersion
} from "./chunk-GQ626XUH.js";
import "./chunk-TDINFY3R.js";
import "./chunk-23P2C5JV.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-QYPTYXJE.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-CVLWS2FK.js";
import "./chunk-RMKSVWVY.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-Y3TFGQZA.js";
import "./chunk-MZM2TBBQ.js";
import "./chunk-QWC3GWUO.js";
import "./chunk-UIE7HQFD.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-R5UJMX7C.js";
import "./chunk-OSH67I4H.js";
import "./chunk-OZSKINQ5.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
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
