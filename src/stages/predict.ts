import * as z from "../zod.ts";
import type { StageContext } from "../context/context.ts";
import { ExitCode, UsageError } from "../errors.ts";
import { predictBatch, type PredictResult } from "../predict/predict.ts";
import { type PredictPlan, planScoring } from "../predict/resolve.ts";
import { predictSection } from "../predict/section.ts";
import { saveStageRun, type StageRun } from "../pipeline/stage-run.ts";
import { openRegistry } from "../registry/open.ts";
import type { Section } from "../report/blocks.ts";
import { defineStage } from "./definition.ts";
import { registryTokenOption, withRegistryToken } from "./github-token.ts";
import { flagOption, shardOption, textOption } from "./options.ts";

/** `mlops predict` and actions/predict: batch scoring with the version an alias points at (src/predict/). */

export const PredictOptions = z.object({
  version: textOption({
    cli: {
      flag: "version",
      valueName: "ref",
      description: "The version to score with: an id, a number or an alias (default predict.alias)",
    },
    action: {
      input: "version",
      description:
        "The version to score with: an id, a number (7, v7) or an alias. Default: predict.alias. The legs of a matrix and its finish job pass the version the first job resolved.",
    },
  }),
  alias: textOption({
    cli: {
      flag: "alias",
      valueName: "alias",
      description: "The alias a pinned --version was resolved from (kept in the scoring record)",
    },
    action: {
      input: "alias",
      description:
        "The alias the plan job resolved the version from (its `alias` output), kept in the scoring record of a matrix's legs and finish job, which score with the pinned version.",
    },
  }),
  shard: shardOption({
    cli: { flag: "shard", valueName: "i/n", description: "Score only the i-th of n blocks of the input's files" },
    action: {
      input: "shard",
      description:
        "i/n: score only the i-th of n blocks of the input's files (a matrix leg); the finish job marks the result complete.",
    },
  }),
  finish: flagOption({
    cli: { flag: "finish", description: "Only check that every part is there and mark the result complete" },
    action: {
      input: "finish",
      description:
        "true to only check that every part is there, mark the result complete and record it (the matrix's last job).",
    },
  }),
  force: flagOption({
    cli: { flag: "force", description: "Score again what this version scored already for this input" },
    action: { input: "force", description: "true to score again what this version scored already for this input." },
  }),
  plan: flagOption({
    cli: {
      flag: "plan",
      description: "Only resolve the version to score with (--version or predict.alias) and score nothing",
    },
    action: {
      input: "plan",
      description:
        "true to only resolve the version (version, else predict.alias) into the version output, scoring nothing: the first job of a matrix, which pins the version every leg and the finish job pass.",
    },
  }),
  /** The scoring record is appended to the registry. */
  registryToken: registryTokenOption("write"),
});

export type PredictStageOptions = z.output<typeof PredictOptions>;

export type PredictStageResult = PredictResult | PredictPlan;

export async function runPredictStage(
  context: StageContext,
  options: PredictStageOptions,
): Promise<StageRun<PredictStageResult>> {
  if (options.finish && options.shard) {
    throw new UsageError("--finish completes the whole result; it takes no --shard", {
      hint: "run the legs with --shard i/n, then one job with --finish",
    });
  }
  if (options.plan && (options.finish || options.shard || options.force)) {
    throw new UsageError("--plan only resolves the version; it takes no --shard, --finish or --force", {
      hint: "run `mlops predict --plan` first, then the legs and the finish job with the --version it printed",
    });
  }
  const withToken = withRegistryToken(context, options.registryToken);
  if (options.plan) {
    const plan = await planScoring(withToken, await openRegistry(withToken), options.version?.trim() || null);
    return saveStageRun(context, "predict", plan, planSection(plan), ExitCode.ok);
  }
  const result = await predictBatch(withToken, await openRegistry(withToken), {
    ref: options.version?.trim() || null,
    alias: options.alias?.trim() || null,
    shard: options.shard ?? null,
    finish: options.finish,
    force: options.force,
  });
  const exit = result.verdict === "pass" ? ExitCode.ok : ExitCode.checkFailed;
  return saveStageRun(context, "predict", result, predictSection(result), exit);
}

function planSection(plan: PredictPlan): Section {
  const named = plan.alias ? `${plan.alias} → ${plan.version}` : plan.version;
  return {
    title: "Batch scoring: the version",
    status: "pass",
    headline: `${plan.model} ${named}: every leg and the finish job score with ${plan.version}`,
    blocks: [],
  };
}

export const predictStage = defineStage({
  name: "predict",
  options: PredictOptions,
  run: runPredictStage,
  command: null,
  action: {
    description:
      "Batch scoring: pull and verify the version an alias points at, check the input against data.schema, run the predict command on each input file, write the predictions to a location named by the version and the input, and record which version scored what in the registry.",
    icon: "layers",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description:
          "pass (scored, or scored already), fail (the input broke a rule, the command failed or wrote the wrong rows, a part is missing); error when it could not run.",
        value: ({ result }) => result.verdict,
      },
      version: {
        description: "The version that scored (with plan: the one to score with).",
        value: ({ result }) => result.version,
      },
      location: {
        description: "Where the predictions are (a folder or an s3:// URI); empty with plan.",
        value: ({ result }) => (result.state === "planned" ? "" : result.location),
      },
      state: {
        description:
          "complete, already (scored before), partial (a matrix leg's parts), failed, or planned (plan: resolved only).",
        value: ({ result }) => result.state,
      },
      rows: {
        description: "Rows of the complete result; empty when this run did not complete it.",
        value: ({ result }) => (result.state === "planned" || result.rows === null ? "" : result.rows),
      },
      alias: {
        description: "The alias the version was resolved from; empty when a version was named directly.",
        value: ({ result }) => result.alias ?? "",
      },
      "input-fingerprint": {
        description: "The input's fingerprint (16 hex digits), part of the location; empty with plan.",
        value: ({ result }) => (result.state === "planned" ? "" : result.input.fingerprint),
      },
    },
    failureMessage: ({ result }) =>
      `batch scoring failed: ${(result.state !== "planned" && result.failure) || "see the job summary"}`,
  },
});
