import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  ATTACHMENT_FLAGS,
  pullCommand,
  resolveVersion
} from "./chunk-CRSRCQCL.js";
import "./chunk-JSI7632N.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-6FAQHDFV.js";
import "./chunk-644GJZK3.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-MTLTC6KQ.js";
import "./chunk-SAXW6LXP.js";
import "./chunk-MY5E4FEH.js";
import "./chunk-XD3V33XU.js";
import "./chunk-RKGNV63G.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-4PKATDEY.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
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
