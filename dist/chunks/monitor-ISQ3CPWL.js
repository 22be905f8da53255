import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  MonitorOptions,
  monitorStage,
  runMonitorStage
} from "./chunk-G52KLNYT.js";
import "./chunk-5KAV56WU.js";
import "./chunk-AMESC3JP.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-QOQVXUXU.js";
import "./chunk-LFMJASVH.js";
import "./chunk-HSM7PKST.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-LOUZLEY5.js";
import "./chunk-6H25RNYN.js";
import "./chunk-7QX6F57P.js";
import "./chunk-QYPTYXJE.js";
import "./chunk-STGVFYYW.js";
import "./chunk-B2PBEH22.js";
import "./chunk-EUDZWFHB.js";
import "./chunk-KF4UIJLA.js";
import "./chunk-IYKSYI5H.js";
import "./chunk-G6IL24PE.js";
import "./chunk-DUP63UZY.js";
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
import "./chunk-CVLWS2FK.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-RMKSVWVY.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-FK3UA7EA.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-QWC3GWUO.js";
import "./chunk-UIE7HQFD.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-R5UJMX7C.js";
import "./chunk-5PEOAABG.js";
import "./chunk-OSH67I4H.js";
import "./chunk-OZSKINQ5.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-OWLD7TRJ.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  MonitorOptions,
  monitorStage,
  runMonitorStage
};
