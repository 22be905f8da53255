import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runStageAction
} from "./chunks/chunk-35CII7S2.js";
import "./chunks/chunk-IVUJGG4J.js";
import "./chunks/chunk-EZK6EJQS.js";
import "./chunks/chunk-QKLWXX4C.js";
import "./chunks/chunk-5D2KL2UV.js";
import "./chunks/chunk-IRPQCUXK.js";
import "./chunks/chunk-TRBHS2SB.js";
import "./chunks/chunk-M5RMI2LT.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-HGWZYJ7P.js";
import "./chunks/chunk-SR67EPJB.js";
import "./chunks/chunk-2FCG3MIX.js";
import "./chunks/chunk-2E2J3IB3.js";
import "./chunks/chunk-GRKPW6EC.js";
import "./chunks/chunk-QR6TB6JR.js";
import "./chunks/chunk-O3UAJ45K.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-VLGHGLBD.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-K2EJYN74.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// stage-action:validate
await runStageAction("validate");
