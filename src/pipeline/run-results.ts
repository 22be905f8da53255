import path from "node:path";
import * as z from "../zod.ts";
import type { Workspace } from "../context/workspace.ts";
import type { EvaluateResult } from "../evaluate/evaluate.ts";
import { InputError, UsageError } from "../errors.ts";
import { READ_LIMITS, readTextIfExists } from "../files/read-limited.ts";
import type { GateResult } from "../gate/gate.ts";
import { parseGateResult } from "../github/artifact.ts";
import { plainText } from "../report/table.ts";
import type { RunResults } from "./run-report.ts";

/**
 * The workspace's results read back for the run's HTML report, as untrusted as a report artifact: on a fork's pull
 * request the job that wrote them ran the pull request's code. gate.json goes through the artifact's own strict
 * parser (github/artifact.ts); validate.json and evaluate.json through the schemas below, which check every field the
 * report shows (types, finite numbers, bounded strings and lists) and drop the rest.
 */

const MAX_TEXT = 4_000;
const MAX_ITEMS = 20_000;

const Text = z.string().check(z.maxLength(MAX_TEXT));
const Finite = z.number().check(z.refine(Number.isFinite, { error: "expected a finite number" }));
const Count = z.number().check(z.int(), z.gte(0));
const List = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.maxLength(MAX_ITEMS));
const Numbers = z.record(Text, Finite);
const Strings = z.record(Text, Text);

const Git = z.optional(
  z.nullable(z.object({ commit: z.string().check(z.regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/)), dirty: z.boolean() })),
);
const Chain = z.object({ id: Text, git: Git });

const Scalar = z.nullable(z.union([Finite, Text]));

const Column = z.object({
  name: Text,
  type: z.enum(["integer", "number", "string", "boolean", "category", "datetime"]),
  declared: z.boolean(),
  count: Count,
  nulls: Count,
  distinct: z.nullable(z.object({ value: Count, exact: z.boolean() })),
  min: Scalar,
  max: Scalar,
  mean: Scalar,
  std: z.nullable(Finite),
  quantiles: List(z.object({ q: Finite, value: z.union([Finite, Text]) })),
  top: List(z.object({ value: Text, count: Count })),
});

const Finding = z.object({
  dataset: Text,
  column: z.nullable(Text),
  rule: Text,
  severity: z.enum(["error", "warn"]),
  message: Text,
  observed: Text,
  count: Count,
  rows: List(Count),
});

const ColumnDrift = z.object({
  column: Text,
  kind: z.enum(["numeric", "categorical"]),
  method: z.enum(["psi", "ks", "chi2", "jensen_shannon", "wasserstein"]),
  chosenBy: z.enum(["auto", "config"]),
  value: Finite,
  measure: Text,
  unit: Text,
  threshold: Finite,
  driftWhen: z.enum(["below", "at or above"]),
  drifted: z.boolean(),
  sources: z.object({ reference: Text, current: Text }),
  approximation: z.nullable(Text),
  warnings: List(Text),
  // The kit keeps at most 12 bins (10 deciles, or the 12 most common categories).
  bins: z.array(z.object({ label: Text, reference: Finite, current: Finite })).check(z.maxLength(100)),
});

const Drift = z.nullable(
  z.object({
    comparison: z.enum(["drift", "skew"]),
    dataset: Text,
    reference: Text,
    columns: List(ColumnDrift),
    skipped: List(z.object({ column: Text, reason: Text })),
    drifted: Count,
    share: Finite,
    maxDriftedShare: Finite,
    datasetDrift: z.boolean(),
    severity: z.enum(["error", "warn"]),
  }),
);

const ValidateSchema = z.object({
  stage: z.literal("validate"),
  verdict: z.enum(["pass", "fail", "skipped"]),
  datasets: List(
    z.object({
      name: Text,
      files: List(Text),
      rows: Count,
      columns: List(Column),
      findings: List(Finding),
      notes: List(Text),
    }),
  ),
  errors: Count,
  warnings: Count,
  drift: Drift,
  evalDrift: Drift,
  skew: Drift,
  driftNote: z.nullable(Text),
  chain: z.optional(Chain),
});

const Confusion = z.nullable(
  z.object({
    labels: z.array(Text).check(z.maxLength(100)),
    matrix: z.array(z.array(Count).check(z.maxLength(100))).check(z.maxLength(100)),
  }),
);

const EvaluateSchema = z.object({
  stage: z.literal("evaluate"),
  status: z.enum(["ok", "failed", "skipped"]),
  metrics: Numbers,
  undefinedMetrics: z.optional(Strings),
  sources: Strings,
  slices: List(
    z.object({ column: Text, value: Text, rows: Count, metrics: Numbers, undefinedMetrics: z.optional(Strings) }),
  ),
  rows: Count,
  confusion: Confusion,
  predictions: z.nullable(z.object({ path: Text })),
  warnings: List(Text),
  failure: z.nullable(z.string().check(z.maxLength(64_000))),
  chain: Chain,
});

async function readResult(
  workspace: Workspace,
  stage: string,
  cwd: string,
): Promise<{ text: string; shown: string } | null> {
  const file = workspace.resultFile(stage);
  const shown = path.relative(cwd, file) || file;
  const text = await readTextIfExists(file, { shown, what: `${stage} result`, limit: READ_LIMITS.stageResult });
  return text === undefined ? null : { text, shown };
}

function parseResult<T extends z.ZodMiniType>(schema: T, text: string, shown: string, stage: string): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} is not valid JSON: ${plainText((error as Error).message)}`, {
      hint: `run \`mlops ${stage}\` again`,
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? issue.path.join(".") : "(top level)";
    throw new InputError(
      `${shown} is not a valid ${stage} result: ${plainText(`${at}: ${issue?.message ?? "invalid"}`)}`,
      {
        hint: `it must be the ${stage}.json \`mlops ${stage}\` wrote, unchanged; run \`mlops ${stage}\` again`,
      },
    );
  }
  return parsed.data;
}

/**
 * Reads the run's results from the workspace (files named relative to `cwd` in messages); a UsageError (exit 2) when
 * none of validate, evaluate and gate ran there. The parsed validate and evaluate results hold only the fields the
 * report reads (the schemas above), which is all their sections touch: they are typed as the stages' results for
 * those sections' sake.
 */
export async function readRunResults(workspace: Workspace, cwd: string): Promise<RunResults> {
  const [validate, evaluate, gate] = await Promise.all(
    ["validate", "evaluate", "gate"].map((stage) => readResult(workspace, stage, cwd)),
  );
  if (!validate && !evaluate && !gate) {
    throw new UsageError(`there is nothing to report: no validate, evaluate or gate result in ${workspace.outDir}`, {
      hint: "run `mlops run` (or the stages: `mlops validate`, `mlops evaluate`, `mlops gate`) first",
    });
  }
  return {
    validate: validate
      ? (parseResult(ValidateSchema, validate.text, validate.shown, "validate") as unknown as RunResults["validate"])
      : null,
    evaluate: evaluate
      ? (parseResult(EvaluateSchema, evaluate.text, evaluate.shown, "evaluate") as unknown as EvaluateResult)
      : null,
    gate: gate ? (parseGateResult(gate.text, gate.shown) satisfies GateResult) : null,
  };
}
