import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  deployStage
} from "./chunk-HD3GLBOU.js";
import "./chunk-JB5EQVJU.js";
import {
  cliOptions,
  parseCliOptions
} from "./chunk-QM36PLQL.js";
import {
  openProject,
  stageOutcome
} from "./chunk-VWXZD7J2.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-ERGWGN54.js";
import "./chunk-STGVFYYW.js";
import "./chunk-NBLV4ZZI.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-SD7ANGFV.js";
import "./chunk-P5X7DLMZ.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-MSDEDR7I.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-OKFHUT4H.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LJLWCHSW.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-YISZAGCY.js";
import "./chunk-2UURXLUM.js";
import "./chunk-6P7FNPQ6.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-5XAJ7V2L.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-76645BFE.js";
import "./chunk-F5YTNMV7.js";
import "./chunk-7MAEBHVU.js";
import "./chunk-L2YJUVNN.js";
import "./chunk-KF23DLSX.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-RLKKEF27.js";
import "./chunk-5PEOAABG.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-7NUQWXYT.js";
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
