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
  predictStage,
  requirePredict,
  scoringHistorySection
} from "./chunk-A35AH6RG.js";
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
import "./chunk-ZFWOX7ET.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-S4673Z2K.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z6UVMVVW.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-YGUH5UYY.js";
import {
  openRegistry
} from "./chunk-4F7JFGEA.js";
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
import {
  renderText
} from "./chunk-2FCG3MIX.js";
import "./chunk-2E2J3IB3.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
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
