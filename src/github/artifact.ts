import * as z from "zod";
import { NAME_PATTERN } from "../config/schema/common.ts";
import { InputError } from "../errors.ts";
import { relativePathProblem } from "../files/safe-path.ts";
import { GATE_RESULT_FORMAT, type GateResult } from "../gate/gate.ts";
import { MAX_SECTION_BYTES } from "../gate/user-sections.ts";
import { MAX_USER_SECTIONS } from "../config/schema/report.ts";
import { plainText } from "../report/table.ts";
import { GateChartsSchema } from "./artifact-charts.ts";

/**
 * The gate's result read back as the report artifact (docs/reports.md). On a fork's pull request it
 * was written by a job that ran the pull request's code, so it is untrusted input: parsed strictly (unknown keys,
 * wrong types, non-finite numbers, oversized strings and lists are refused), and only ever rendered through the
 * escaping renderers, never pasted.
 */

/** Generous bounds that no honest report reaches, and that keep a hostile one from exhausting the renderer. */
const MAX_TEXT = 2_000;
const MAX_ITEMS = 20_000;

const Text = z.string().max(MAX_TEXT);
const Finite = z.number().refine(Number.isFinite, { error: "expected a finite number" });
const MaybeNumber = Finite.nullable();
const Level = z.number().gt(0).lt(1);

const Significance = z.union([
  z.strictObject({
    test: z.literal("bootstrap"),
    level: Level,
    status: z.literal("applied"),
    low: Finite,
    high: Finite,
    resamples: z.number().int().positive(),
    seed: z.number().int(),
    undefinedResamples: z.number().int().min(0),
  }),
  z.strictObject({
    test: z.literal("mcnemar"),
    level: Level,
    status: z.literal("applied"),
    pValue: z.number().min(0).max(1),
    candidateOnly: z.number().int().min(0),
    baselineOnly: z.number().int().min(0),
  }),
  z.strictObject({
    test: z.enum(["bootstrap", "mcnemar"]),
    level: Level,
    status: z.literal("unavailable"),
    reason: Text,
  }),
]);

const Outcome = z.strictObject({
  rule: z.number().int().min(0).max(MAX_ITEMS),
  metric: Text,
  slice: z.strictObject({ column: Text, value: Text }).nullable(),
  kind: z.enum(["value", "change"]),
  direction: z.enum(["higher", "lower"]),
  candidate: MaybeNumber,
  baseline: MaybeNumber,
  delta: MaybeNumber,
  relative: z.boolean(),
  requirement: Text,
  verdict: z.enum(["pass", "fail", "warn", "skipped", "error"]),
  reason: Text,
  significance: Significance.nullable(),
});

/** A git commit id: 40 hex digits (SHA-1), or 64 in SHA-256 repositories. */
const Sha = z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, { error: "expected a 40-digit commit sha" });

const Digest = z.strictObject({
  path: Text,
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "expected a sha256" }),
});

/** The chain link (src/pipeline/chain.ts): which train run, model and evaluation the verdict is of. */
const Chain = z.strictObject({
  id: Text,
  trainRun: Text.nullable(),
  model: z.array(Digest).max(MAX_ITEMS),
  evaluation: Text.nullable(),
  git: z
    .strictObject({
      commit: Sha,
      dirty: z.boolean(),
      diff: Text.nullable(),
      changed: z.array(Text).max(100),
      changedCount: z.number().int().min(0),
    })
    .nullable(),
  data: Text.nullable(),
});

export const GateResultSchema = z.strictObject({
  stage: z.literal("gate"),
  format: z.literal(GATE_RESULT_FORMAT),
  verdict: z.enum(["pass", "fail", "error", "skipped"]),
  model: z.string().regex(NAME_PATTERN, { error: "expected a model name" }),
  baseline: z.strictObject({ description: Text, version: Text.nullable() }).nullable(),
  candidate: Text,
  source: z.strictObject({
    repository: Text.nullable(),
    workflow: Text.nullable(),
    job: Text.nullable(),
    runUrl: Text.nullable(),
    pullRequest: z
      .strictObject({ number: z.number().int().positive(), headSha: Sha, headRef: Text, baseRef: Text })
      .nullable(),
    commit: Sha.nullable(),
  }),
  outcomes: z.array(Outcome).max(MAX_ITEMS),
  comparison: z
    .array(
      z.strictObject({
        metric: Text,
        direction: z.enum(["higher", "lower"]).nullable(),
        baseline: MaybeNumber,
        candidate: MaybeNumber,
        delta: MaybeNumber,
        change: z.enum(["better", "worse", "same", "changed"]).nullable(),
      }),
    )
    .max(MAX_ITEMS),
  pairing: z.strictObject({ status: z.enum(["paired", "unpaired", "not-needed"]), detail: Text }),
  notes: z.array(Text).max(100),
  rules: z
    .array(
      z.strictObject({
        metric: Text,
        line: z.number().int().positive().nullable(),
        description: Text.nullable(),
      }),
    )
    .max(MAX_ITEMS),
  configFile: Text.refine((value) => relativePathProblem(value) === undefined, {
    error: "expected a path inside the repository",
  }),
  evaluation: z.strictObject({
    rows: z.number().int().min(0),
    confusion: z
      .strictObject({
        labels: z.array(Text).max(100),
        matrix: z.array(z.array(z.number().min(0).refine(Number.isFinite)).max(100)).max(100),
      })
      .nullable(),
  }),
  charts: GateChartsSchema.optional(),
  chain: Chain,
  // Absent when none are configured (and in a report of an earlier release). The text has at most as many characters
  // as the bytes read of the file.
  sections: z
    .array(
      z.strictObject({
        title: Text,
        path: Text,
        text: z.string().max(MAX_SECTION_BYTES).nullable(),
        problem: Text.nullable(),
        cutFrom: z.number().int().min(0).nullable(),
      }),
    )
    .max(MAX_USER_SECTIONS)
    .optional(),
}) satisfies z.ZodType<GateResult>;

/** Parses a report artifact; anything that is not exactly a gate result is an InputError naming the first problem. */
export function parseGateResult(text: string, shown: string): GateResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text around the error: plain text, like the schema's issues below.
    throw new InputError(`${shown} is not valid JSON: ${plainText((error as Error).message)}`, {
      hint: "pass the gate.json the gate stage wrote (the `report` output of actions/gate)",
    });
  }
  const parsed = GateResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? issue.path.join(".") : "(top level)";
    // The issue can quote a key the artifact chose: it reaches the log and an annotation as plain text.
    throw new InputError(`${shown} is not a valid gate report: ${plainText(`${at}: ${issue?.message ?? "invalid"}`)}`, {
      hint: "it must be the gate.json the gate stage wrote, unchanged",
    });
  }
  const result = parsed.data;
  for (const outcome of result.outcomes) {
    if (outcome.rule >= result.rules.length)
      throw new InputError(
        `${shown} is not a valid gate report: an outcome refers to rule ${outcome.rule}, which it does not list`,
      );
  }
  return result;
}
