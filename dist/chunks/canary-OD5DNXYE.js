import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-OTP7CWXP.js";
import {
  openProject,
  stageOutcome
} from "./chunk-UHOCCZXB.js";
import {
  canaryStage
} from "./chunk-6FW24F6N.js";
import "./chunk-YG6NOZSE.js";
import "./chunk-RVN7SF5U.js";
import "./chunk-HJLSGWDV.js";
import "./chunk-UU4K6R26.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-TWTT4PQW.js";
import "./chunk-LFMJASVH.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-STGVFYYW.js";
import "./chunk-IQ2TRDZO.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-WI6PHDQ2.js";
import "./chunk-ZW72LFFF.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-Q2UDEBW6.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-QJBHOZOC.js";
import "./chunk-ZFWOX7ET.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-S4673Z2K.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z6UVMVVW.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-6FFNJH6A.js";
import "./chunk-YGUH5UYY.js";
import "./chunk-4F7JFGEA.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-YAAMRAA5.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-ZPCS6KAC.js";
import "./chunk-IVUJGG4J.js";
import "./chunk-EZK6EJQS.js";
import "./chunk-QKLWXX4C.js";
import "./chunk-5D2KL2UV.js";
import "./chunk-IRPQCUXK.js";
import "./chunk-M5RMI2LT.js";
import "./chunk-5PEOAABG.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-2E2J3IB3.js";
import "./chunk-QR6TB6JR.js";
import "./chunk-O3UAJ45K.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/canary.ts
var canaryCommand = {
  name: "canary",
  summary: "Judge the canary after its bake (deploy.canary): promote it, or roll it back",
  details: "Deploy the candidate first: mlops deploy <canary target> --version <version>. After deploy.canary.bake,\n`mlops canary` judges it by deploy.canary.rules; a failure (or no figures at all) rolls the canary back to the\nversion before and exits 1; --promote deploys a passing canary to deploy.canary.promote_to.",
  positionals: [],
  options: cliOptions(canaryStage.options),
  run: async (args, io) => {
    const options = await parseCliOptions(canaryStage.options, args, io);
    const context = await openProject(args, io);
    return stageOutcome(await canaryStage.run(context, options), args.text);
  }
};
export {
  canaryCommand
};
