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
  deployStage
} from "./chunk-HJLSGWDV.js";
import "./chunk-UU4K6R26.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-TWTT4PQW.js";
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
import {
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/deploy.ts
var deployCommand = {
  name: "deploy",
  summary: "Deploy a version to a target (deploy.targets): run its deploy command, then move its alias",
  details: "Pulls and verifies the version, runs the target's command with MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS,\nMLOPS_TARGET, MLOPS_ENVIRONMENT, MLOPS_MODEL_DIR and MLOPS_MANIFEST, and moves the target's alias only when it\nsucceeded, recording who approved it. In GitHub Actions (GITHUB_TOKEN set) it also records a GitHub deployment\nwith its statuses and checks the run's approval for the target's Environment. Exit 1 when the command failed.",
  positionals: [{ name: "target", required: true, description: "the target's name, or the alias it serves" }],
  options: cliOptions(deployStage.options),
  run: async (args, io) => {
    const [target] = args.positionals;
    if (!target) throw new UsageError("deploy needs a target", { hint: "mlops deploy <target> --version <version>" });
    const options = await parseCliOptions(deployStage.options, args, io);
    const context = await openProject(args, io);
    return stageOutcome(await deployStage.run(context, { ...options, target }), args.text);
  }
};
export {
  deployCommand
};
