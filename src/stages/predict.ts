import * as z from "zod";
import type { StageContext } from "../context/context.ts";
import { ExitCode, UsageError } from "../errors.ts";
import { predictBatch, type PredictResult } from "../predict/predict.ts";
import { predictSection } from "../predict/section.ts";
import { saveStageRun, type StageRun } from "../pipeline/stages.ts";
import { openRegistry } from "../registry/open.ts";
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
  /** The scoring record is appended to the registry. */
  registryToken: registryTokenOption("write"),
});

export type PredictStageOptions = z.output<typeof PredictOptions>;

export async function runPredictStage(
  context: StageContext,
  options: PredictStageOptions,
): Promise<StageRun<PredictResult>> {
  if (options.finish && options.shard) {
    throw new UsageError("--finish completes the whole result; it takes no --shard", {
      hint: "run the legs with --shard i/n, then one job with --finish",
    });
  }
  const withToken = withRegistryToken(context, options.registryToken);
  const result = await predictBatch(withToken, await openRegistry(withToken), {
    ref: options.version?.trim() || null,
    shard: options.shard ?? null,
    finish: options.finish,
    force: options.force,
  });
  const exit = result.verdict === "pass" ? ExitCode.ok : ExitCode.checkFailed;
  return saveStageRun(context, "predict", result, predictSection(result), exit);
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
      version: { description: "The version that scored.", value: ({ result }) => result.version },
      location: {
        description: "Where the predictions are (a folder or an s3:// URI).",
        value: ({ result }) => result.location,
      },
      state: {
        description: "complete, already (scored before), partial (a matrix leg's parts) or failed.",
        value: ({ result }) => result.state,
      },
      rows: {
        description: "Rows of the complete result; empty when this run did not complete it.",
        value: ({ result }) => (result.rows === null ? "" : result.rows),
      },
      "input-fingerprint": {
        description: "The input's fingerprint (16 hex digits), part of the location.",
        value: ({ result }) => result.input.fingerprint,
      },
    },
    failureMessage: ({ result }) => `batch scoring failed: ${result.failure ?? "see the job summary"}`,
  },
});
