import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-UYUEXVQI.js";
import "./chunk-OI3KVBAD.js";
import "./chunk-DUP63UZY.js";
import "./chunk-XRX52EOP.js";
import "./chunk-EF4P2YL2.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-QKI4W7V3.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-IMIDEYOI.js";
import "./chunk-CWKVTY4K.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-QR6TB6JR.js";
import "./chunk-O3UAJ45K.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-6FFNJH6A.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-XWUCKCS7.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-5PEOAABG.js";
import "./chunk-OSH67I4H.js";
import "./chunk-OZSKINQ5.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  postFromJob
};
