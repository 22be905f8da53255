import {
  runEvaluateStage,
  runGateStage,
  runPublishStage,
  runTrainStage,
  runValidateStage,
} from "../../pipeline/stages.ts";
import { resolveTrainParams } from "../../train/train.ts";
import type { CommandSpec } from "../command.ts";
import { openProject, stageOutcome } from "../project.ts";

/** One command per stage; each runs that stage alone against the workspace's earlier results. */

export const validateCommand: CommandSpec = {
  name: "validate",
  summary: "Check the data against data.schema and print per-column counts and nulls",
  details: "Exit 1 when a rule with severity `error` is broken; 2 when the data cannot be read.",
  run: async (args, io) => stageOutcome(await runValidateStage(await openProject(args, io))),
};

export const trainCommand: CommandSpec = {
  name: "train",
  summary: "Run the training command with the resolved params",
  details: "Params reach the command as $MLOPS_PARAMS_FILE (JSON) and MLOPS_PARAM_<NAME> variables.",
  options: {
    set: {
      type: "string",
      multiple: true,
      valueName: "name=value",
      description: "Override a param (repeatable), e.g. --set learning_rate=0.05",
    },
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const params = await resolveTrainParams(context.loaded, (args.values.set as string[] | undefined) ?? []);
    return stageOutcome(await runTrainStage(context, { params }));
  },
};

export const evaluateCommand: CommandSpec = {
  name: "evaluate",
  summary: "Run the evaluation command and compute metrics from predictions and metrics files",
  run: async (args, io) => stageOutcome(await runEvaluateStage(await openProject(args, io))),
};

export const gateCommand: CommandSpec = {
  name: "gate",
  summary: "Compare the evaluated metrics with the baseline (the registry's champion) under gate.rules",
  details: "Exit 1 when a rule fails; 2 when the gate cannot be evaluated (missing metric, unreadable baseline).",
  run: async (args, io) => stageOutcome(await runGateStage(await openProject(args, io))),
};

export const publishCommand: CommandSpec = {
  name: "publish",
  summary: "Store the model as a new registry version; promote it when its gate passed",
  run: async (args, io) => stageOutcome(await runPublishStage(await openProject(args, io))),
};
