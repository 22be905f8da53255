import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CanaryOptions,
  canaryStage,
  runCanaryStage
} from "./chunk-AHWTRFXE.js";
import "./chunk-3RGW2AJF.js";
import "./chunk-DWPZQDRP.js";
import "./chunk-IPVDM6LT.js";
import "./chunk-VPJ4WE6Z.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-KCZDMEGW.js";
import "./chunk-LFMJASVH.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-LXALDITC.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-KF4UIJLA.js";
import "./chunk-IYKSYI5H.js";
import "./chunk-G6IL24PE.js";
import "./chunk-72OCKP5C.js";
import "./chunk-XD7OFUJ2.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-D2J2C4KY.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-CWEMXLOL.js";
import "./chunk-LT4EMV27.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-NQ3LR2LP.js";
import "./chunk-WLGYNUVA.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-FK3UA7EA.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-C2JTYCOJ.js";
import "./chunk-UIE7HQFD.js";
import "./chunk-4YXEL5JM.js";
import "./chunk-5PEOAABG.js";
import "./chunk-Y34VYF2Z.js";
import "./chunk-QIGPZSLN.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-OWLD7TRJ.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";
export {
  CanaryOptions,
  canaryStage,
  runCanaryStage
};
