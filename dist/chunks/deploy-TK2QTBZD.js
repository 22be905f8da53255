import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-XVFAPK37.js";
import {
  openProject,
  stageOutcome
} from "./chunk-KATF5WDH.js";
import {
  deployStage
} from "./chunk-MLSW5F4M.js";
import "./chunk-JTG2R54U.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-KCZDMEGW.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-72OCKP5C.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-SUPM4SWD.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
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
