import {
  runEvaluateStage,
  runGateStage,
  runPublishStage,
  runTrainStage,
  runValidateStage,
} from "../../pipeline/stages.ts";
import { resolveTrainParams } from "../../train/train.ts";
import { glob } from "tinyglobby";
import { UsageError } from "../../errors.ts";
import type { CommandSpec } from "../command.ts";
import { workersOf } from "./profile.ts";
import { openProject, stageOutcome } from "../project.ts";

/** One command per stage; each runs that stage alone against the workspace's earlier results. */

export const validateCommand: CommandSpec = {
  name: "validate",
  summary: "Check the data against data.schema, profile it, and measure drift against data.drift.reference",
  details:
    "Exit 1 when a rule with severity `error` is broken; 2 when the data cannot be read.\n" +
    "With --profiles, merges shard profiles (from `mlops profile --shard`) instead of reading data.train.",
  options: {
    profiles: {
      type: "string",
      multiple: true,
      valueName: "glob",
      description: "Shard profiles to merge instead of reading data.train (repeatable)",
    },
    workers: { type: "string", valueName: "n", description: "Threads to read with (default: every core)" },
  },
  run: async (args, io) => {
    const patterns = (args.values.profiles as string[] | undefined) ?? [];
    const profiles = (
      await Promise.all(patterns.map((p) => glob(p, { cwd: io.cwd, absolute: true, expandDirectories: false })))
    )
      .flat()
      .sort();
    if (patterns.length > 0 && profiles.length === 0)
      throw new UsageError(`no profile matches ${patterns.join(", ")}`, {
        hint: "write them with mlops profile --shard",
      });
    const context = await openProject(args, io);
    return stageOutcome(await runValidateStage(context, { profiles, ...workersOf(args.values.workers) }));
  },
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
