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
  predictStage,
  requirePredict,
  scoringHistorySection
} from "./chunk-Q7BBP72B.js";
import "./chunk-LFMJASVH.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-MCQ3S4MW.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-G6IL24PE.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
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
import {
  renderText
} from "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-SUPM4SWD.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/predict.ts
var predictCommand = {
  name: "predict",
  summary: "Score predict.input with the version predict.alias points at; `predict history` lists what scored what",
  details: "Pulls and verifies the version, checks the input against data.schema's feature rules, runs predict.command on\neach input file (MLOPS_INPUT, MLOPS_OUTPUT, MLOPS_MODEL_DIR ...), uploads each file's predictions as one part of\nthe result at predict.output/predict.layout, marks it complete (_SUCCESS) and records it in the registry.\nThe same version on the same input is not scored twice (--force scores again); a rerun keeps finished parts.\nExit 1 when the input broke a rule, the command failed or wrote the wrong rows, or a part is missing.\nA matrix (mlops-predict.yml): --plan once (it prints the version), --shard i/n in each leg with that --version,\nthen one job with --finish and the same --version.\n`mlops predict history` lists the registry's scoring records (which version scored which input, where to).",
  positionals: [{ name: "view", required: false, description: "history: list the scoring records" }],
  options: cliOptions(predictStage.options),
  run: async (args, io) => {
    const [view] = args.positionals;
    if (view !== void 0 && view !== "history") {
      throw new UsageError(`unknown predict view "${view}"`, {
        hint: "use `mlops predict` or `mlops predict history`"
      });
    }
    const options = await parseCliOptions(predictStage.options, args, io);
    const context = await openProject(args, io);
    if (view !== "history") return stageOutcome(await predictStage.run(context, options), args.text);
    const { config } = context.loaded;
    requirePredict(config);
    const registry = await openRegistry(context);
    const records = await registry.scoringLog(config.model.name);
    return {
      exitCode: ExitCode.ok,
      result: { model: config.model.name, registry: registry.location, records },
      text: renderText(scoringHistorySection(config.model.name, records), args.text)
    };
  }
};
export {
  predictCommand
};
