import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  ATTACHMENT_FLAGS,
  pullCommand,
  resolveVersion
} from "./chunk-TMPO6WZ7.js";
import "./chunk-UHOCCZXB.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-4F7JFGEA.js";
import "./chunk-YAAMRAA5.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-IVUJGG4J.js";
import "./chunk-EZK6EJQS.js";
import "./chunk-QKLWXX4C.js";
import "./chunk-5D2KL2UV.js";
import "./chunk-IRPQCUXK.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-2E2J3IB3.js";
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
