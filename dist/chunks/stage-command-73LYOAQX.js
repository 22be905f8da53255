import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions,
  stageCommand
} from "./chunk-WH2Z5CRQ.js";
import "./chunk-2ZUJEJ7A.js";
import "./chunk-3ZKHDU3A.js";
import "./chunk-ATGVBO43.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-7EA7HH7O.js";
import "./chunk-TR5NNAJ3.js";
import "./chunk-C2JTYCOJ.js";
import "./chunk-UIE7HQFD.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-FG4LRIDF.js";
import "./chunk-4YXEL5JM.js";
import "./chunk-FW5EOKDB.js";
import "./chunk-Y34VYF2Z.js";
import "./chunk-QIGPZSLN.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-Q7PHAY3J.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-OWLD7TRJ.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  cliOptions,
  parseCliOptions,
  stageCommand
};
