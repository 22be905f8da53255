import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-PFJ4A3BW.js";
import {
  deployStage
} from "./chunk-6VFGJE5Y.js";
import "./chunk-CTQMQ3LG.js";
import "./chunk-WE5QLUEO.js";
import {
  openProject,
  stageOutcome
} from "./chunk-JSI7632N.js";
import "./chunk-ERGWGN54.js";
import "./chunk-STGVFYYW.js";
import "./chunk-WF4U3YPG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-FFLTA4KC.js";
import "./chunk-7YUCBSB4.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-MSDEDR7I.js";
import "./chunk-R4PV4LV6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-57U7UU7W.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-NMKC7P75.js";
import "./chunk-6FAQHDFV.js";
import "./chunk-644GJZK3.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-4VACLY5R.js";
import "./chunk-EZCE2A4A.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-MTLTC6KQ.js";
import "./chunk-SAXW6LXP.js";
import "./chunk-MY5E4FEH.js";
import "./chunk-XD3V33XU.js";
import "./chunk-RKGNV63G.js";
import "./chunk-QLJW4P75.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-5PEOAABG.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-4PKATDEY.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-BIQWF3VO.js";
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
