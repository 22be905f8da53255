import * as z from "../zod.ts";
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

const Text = z.string().check(z.maxLength(MAX_TEXT));
const Finite = z.number().check(z.refine(Number.isFinite, { error: "expected a finite number" }));
const MaybeNumber = z.nullable(Finite);
const Level = z.number().check(z.gt(0), z.lt(1));

const Significance = z.union([
  z.strictObject({
    test: z.literal("bootstrap"),
    level: Level,
    status: z.literal("applied"),
    low: Finite,
    high: Finite,
    resamples: z.number().check(z.int(), z.positive()),
    seed: z.number().check(z.int()),
    undefinedResamples: z.number().check(z.int(), z.gte(0)),
  }),
  z.strictObject({
    test: z.literal("mcnemar"),
    level: Level,
    status: z.literal("applied"),
    pValue: z.number().check(z.gte(0), z.lte(1)),
    candidateOnly: z.number().check(z.int(), z.gte(0)),
    baselineOnly: z.number().check(z.int(), z.gte(0)),
  }),
  z.strictObject({
    test: z.enum(["bootstrap", "mcnemar"]),
    level: Level,
    status: z.literal("unavailable"),
    reason: Text,
  }),
]);

const Outcome = z.strictObject({
  rule: z.number().check(z.int(), z.gte(0), z.lte(MAX_ITEMS)),
  metric: Text,
  slice: z.nullable(z.strictObject({ column: Text, value: Text })),
  kind: z.enum(["value", "change"]),
  direction: z.enum(["higher", "lower"]),
  candidate: MaybeNumber,
  baseline: MaybeNumber,
  delta: MaybeNumber,
  relative: z.boolean(),
  requirement: Text,
  verdict: z.enum(["pass", "fail", "warn", "skipped", "error"]),
  reason: Text,
  significance: z.nullable(Significance),
});

/** A git commit id: 40 hex digits (SHA-1), or 64 in SHA-256 repositories. */
const Sha = z.string().check(z.regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, { error: "expected a 40-digit commit sha" }));

const Digest = z.strictObject({
  path: Text,
  size: z.number().check(z.int(), z.gte(0)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "expected a sha256" })),
});

/** The chain link (src/pipeline/chain.ts): which train run, model and evaluation the verdict is of. */
const Chain = z.strictObject({
  id: Text,
  trainRun: z.nullable(Text),
  model: z.array(Digest).check(z.maxLength(MAX_ITEMS)),
  evaluation: z.nullable(Text),
  git: z.nullable(
    z.strictObject({
      commit: Sha,
      dirty: z.boolean(),
      diff: z.nullable(Text),
      changed: z.array(Text).check(z.maxLength(100)),
      changedCount: z.number().check(z.int(), z.gte(0)),
    }),
  ),
  // The --set overrides the model was trained with; only the candidate line (text, bounded above) shows them.
  overrides: z.optional(z.array(z.strictObject({ name: Text, value: z.unknown() })).check(z.maxLength(1_000))),
  data: z.nullable(Text),
});

export const GateResultSchema = z.strictObject({
  stage: z.literal("gate"),
  format: z.literal(GATE_RESULT_FORMAT),
  verdict: z.enum(["pass", "fail", "error", "skipped"]),
  model: z.string().check(z.regex(NAME_PATTERN, { error: "expected a model name" })),
  baseline: z.nullable(z.strictObject({ description: Text, version: z.nullable(Text) })),
  candidate: Text,
  source: z.strictObject({
    repository: z.nullable(Text),
    workflow: z.nullable(Text),
    job: z.nullable(Text),
    runUrl: z.nullable(Text),
    pullRequest: z.nullable(
      z.strictObject({ number: z.number().check(z.int(), z.positive()), headSha: Sha, headRef: Text, baseRef: Text }),
    ),
    commit: z.nullable(Sha),
  }),
  outcomes: z.array(Outcome).check(z.maxLength(MAX_ITEMS)),
  comparison: z
    .array(
      z.strictObject({
        metric: Text,
        direction: z.nullable(z.enum(["higher", "lower"])),
        baseline: MaybeNumber,
        candidate: MaybeNumber,
        delta: MaybeNumber,
        change: z.nullable(z.enum(["better", "worse", "same", "changed"])),
      }),
    )
    .check(z.maxLength(MAX_ITEMS)),
  pairing: z.strictObject({ status: z.enum(["paired", "unpaired", "not-needed"]), detail: Text }),
  notes: z.array(Text).check(z.maxLength(100)),
  rules: z
    .array(
      z.strictObject({
        metric: Text,
        line: z.nullable(z.number().check(z.int(), z.positive())),
        description: z.nullable(Text),
      }),
    )
    .check(z.maxLength(MAX_ITEMS)),
  configFile: Text.check(
    z.refine((value) => relativePathProblem(value) === undefined, {
      error: "expected a path inside the repository",
    }),
  ),
  evaluation: z.strictObject({
    rows: z.number().check(z.int(), z.gte(0)),
    confusion: z.nullable(
      z.strictObject({
        labels: z.array(Text).check(z.maxLength(100)),
        matrix: z
          .array(z.array(z.number().check(z.gte(0), z.refine(Number.isFinite))).check(z.maxLength(100)))
          .check(z.maxLength(100)),
      }),
    ),
  }),
  charts: z.optional(GateChartsSchema),
  chain: Chain,
  // Absent when none are configured (and in a report of an earlier release). The text has at most as many characters
  // as the bytes read of the file.
  sections: z.optional(
    z
      .array(
        z.strictObject({
          title: Text,
          path: Text,
          text: z.nullable(z.string().check(z.maxLength(MAX_SECTION_BYTES))),
          problem: z.nullable(Text),
          cutFrom: z.nullable(z.number().check(z.int(), z.gte(0))),
        }),
      )
      .check(z.maxLength(MAX_USER_SECTIONS)),
  ),
}) satisfies z.ZodMiniType<GateResult>;

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
