import { stringify } from "yaml";
import { CHAMPION_BASELINE_COMMENT, registryUriComment } from "../config/init-comments.ts";

/**
 * The commented mlops.yml that `mlops init` writes. Every section the product has is present, with the optional
 * ones commented out, so a user discovers features by reading their own config. What init detected (commands,
 * outputs) or was told (registry, schedule) is filled in; the rest are placeholders the comments point at.
 * `mlops init` checks the text with the config loader before writing it.
 */
export interface TemplateInput {
  model: string;
  task: "classification" | "regression";
  /** null: nothing was found; a placeholder that fails with a clear message is written instead. */
  trainCommand: string | null;
  /** Where the command came from (shown as a comment), e.g. "Makefile target train". */
  trainFrom?: string | null;
  /** null: the training command is expected to write the predictions itself. */
  evaluateCommand: string | null;
  evaluateFrom?: string | null;
  /** train.params when a params file exists; else the line is a comment (a missing params file fails training). */
  params?: string | null;
  /** What training writes; default [model/]. */
  outputs?: string[] | null;
  /** train.inputs: what the run cache key hashes besides the files the command names (a DVC pipeline's deps). */
  inputs?: string[] | null;
  /** evaluate.metrics_file: the metrics files the evaluation writes (a DVC pipeline's metrics). */
  metricsFiles?: string[] | null;
  /** registry.uri: github://owner/repo, s3://bucket/prefix or a folder; null keeps the local default. */
  registry?: string | null;
  /** retrain.schedule (UTC): writes the retrain section and turns on drift against the champion. */
  schedule?: string | null;
  schemaUrl: string;
  /** The data section: what init found (./data.ts); absent, placeholders the comments point at. */
  data?: DataTemplate | null;
  /** evaluate.predictions.score_prefix, and why (./predictions.ts); absent, the plain path form. */
  scorePrefix?: { prefix: string; from: string } | null;
}

/** data.train, data.eval and data.target as init found them; null keeps a placeholder. */
export interface DataTemplate {
  train: string | null;
  eval: string | null;
  target: string | null;
  /** Comment lines above data.train: where each value came from. */
  notes: string[];
  /** data.train's first row looks like data: a commented `header: false` line says what it takes. */
  headerless: boolean;
}

const PLACEHOLDER_TRAIN = "echo 'set train.command in mlops.yml to your training command' >&2; exit 1";

/** A YAML scalar that reads back as `value`: plain where that is unambiguous, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  if (!plain.includes("\n") && !/^["'|>]/.test(plain)) return plain;
  return JSON.stringify(value);
}

const flowList = (items: string[]): string => `[${items.map(yamlScalar).join(", ")}]`;

/** Starter rules that make sense for the task: a floor, and no regression against the champion. */
function gateRules(task: TemplateInput["task"]): string {
  return task === "classification"
    ? "    - { metric: accuracy, min: 0.7 }\n    - { metric: accuracy, max_regression: 0.01 }"
    : "    - { metric: r2, min: 0.5 }\n    - { metric: r2, max_regression: 0.02 }";
}

/** `key: value` padded so the trailing comments line up. */
const line = (indent: number, key: string, value: string, comment?: string): string => {
  const text = `${" ".repeat(indent)}${key}: ${value}`;
  return comment ? `${text.padEnd(32)} # ${comment}` : text;
};

/** The predictions file the template names under evaluate. */
export const PREDICTIONS = "predictions.csv";

/**
 * What training writes. Without an evaluate command the training command writes the predictions too, and a run cache
 * hit skips it: listed as an output, the predictions are restored with the model instead of being missing or stale.
 */
function trainOutputs(input: TemplateInput): string[] {
  // Outputs init read from the project (a DVC pipeline's outs) are what it writes: kept as they are.
  if (input.outputs) return input.outputs;
  return input.evaluateCommand ? ["model/"] : ["model/", PREDICTIONS];
}

function trainSection(input: TemplateInput): string {
  const command = input.trainCommand
    ? [
        ...(input.trainFrom ? [`  # detected from ${input.trainFrom}`] : []),
        line(2, "command", yamlScalar(input.trainCommand)),
      ]
    : [
        "  # No training entry point found (a dvc.yaml stage or Makefile target named train, an npm script `train`,",
        "  # a train.py). Put your command here: it runs in this folder.",
        line(2, "command", yamlScalar(PLACEHOLDER_TRAIN)),
      ];
  return [
    "train:",
    ...command,
    input.params
      ? line(2, "params", yamlScalar(input.params), "exposed as $MLOPS_PARAMS_FILE and MLOPS_PARAM_<NAME>")
      : "  # params: params.yml            # exposed as $MLOPS_PARAMS_FILE and MLOPS_PARAM_<NAME>",
    line(2, "outputs", flowList(trainOutputs(input)), "restored on a cache hit, published to the registry"),
    input.inputs && input.inputs.length > 0
      ? line(2, "inputs", flowList(input.inputs), "what the run cache key hashes, besides files the command names")
      : "  # inputs: [src/**]             # code whose change invalidates the run cache",
    "  # runs_on: [self-hosted, gpu]  # runner labels for the training jobs",
  ].join("\n");
}

function evaluateSection(input: TemplateInput): string {
  const predictionsComment = `columns label, prediction${input.task === "classification" ? " (and score)" : ""} -> built-in metrics`;
  const command = input.evaluateCommand
    ? [
        ...(input.evaluateFrom ? [`  # detected from ${input.evaluateFrom}`] : []),
        line(2, "command", yamlScalar(input.evaluateCommand)),
      ]
    : ["  # command: python evaluate.py  # when predictions come from a separate step"];
  return [
    "evaluate:",
    ...command,
    ...(input.scorePrefix
      ? [
          `  # score_prefix: ${input.scorePrefix.from}.`,
          line(
            2,
            "predictions",
            `{ path: ${PREDICTIONS}, score_prefix: ${yamlScalar(input.scorePrefix.prefix)} }`,
            `columns label, prediction, ${input.scorePrefix.prefix}<class>`,
          ),
        ]
      : [line(2, "predictions", PREDICTIONS, predictionsComment)]),
    input.metricsFiles && input.metricsFiles.length > 0
      ? line(
          2,
          "metrics_file",
          input.metricsFiles.length === 1 ? yamlScalar(input.metricsFiles[0] ?? "") : flowList(input.metricsFiles),
          "metrics your code computes (JSON or YAML)",
        )
      : "  # metrics_file: metrics.json   # extra metrics your code computes",
  ].join("\n");
}

function registryLines(input: TemplateInput): string {
  if (!input.registry)
    return "# registry: { uri: github://owner/repo }   # or s3://bucket/prefix; default: a local folder, .mlops/registry";
  const value = yamlScalar(input.registry);
  const s3 = input.registry.startsWith("s3://");
  const github = input.registry.startsWith("github://");
  return [
    "registry:",
    line(2, "uri", value, registryUriComment(input.registry)),
    ...(s3 ? ["  # region: eu-west-1             # else AWS_REGION (the workflows set it from MLOPS_AWS_REGION)"] : []),
    // Said so that it stays true when `config set registry.uri` moves the registry to a bucket.
    ...(github ? ["  # a github:// registry holds files up to 2 GiB; larger ones need s3://bucket/prefix"] : []),
  ].join("\n");
}

function retrainLines(input: TemplateInput): string {
  if (!input.schedule)
    return '# retrain: { schedule: "17 3 * * 1", when: { drift: true, max_age_days: 30 } }   # then `npx mlops-kit init --workflows` adds its workflow';
  return [
    "retrain:",
    line(2, "schedule", JSON.stringify(input.schedule), "cron, UTC; GitHub runs it on the default branch"),
    "  # timezone: Europe/Berlin",
    "  when: { drift: true, new_data: true } # max_age_days: 30 retrains an old champion too",
  ].join("\n");
}

function dataSection(data: DataTemplate | null): string {
  const train = data?.train ?? null;
  const target = yamlScalar(data?.target ?? "label");
  const evalLine = data?.eval
    ? line(2, "eval", yamlScalar(data.eval))
    : train === null
      ? "  eval: data/eval.csv"
      : "  # eval: data/eval.csv            # held-out data with the target, validated like data.train";
  return [
    "data:",
    ...(data?.notes ?? []).map((note) => `  # ${note}`),
    line(2, "train", train === null ? "data/train.csv" : yamlScalar(train), "a path, a glob, or s3://bucket/key"),
    evalLine,
    line(2, "target", target),
    ...(data?.headerless
      ? ["  # header: false                # the first row is data: name every column in order under schema.columns"]
      : []),
    "  schema:",
    "    columns:",
    `      ${target}: { nullable: false }`,
    "    rows: { min: 1 }",
  ].join("\n");
}

export function configTemplate(input: TemplateInput): string {
  const drift = input.schedule
    ? "  drift: { reference: champion }  # compared with the champion's training data; retraining acts on it"
    : "  # drift: { reference: champion, method: auto }";
  return `# yaml-language-server: $schema=${input.schemaUrl}
# mlops-kit configuration. Reference: https://github.com/mlops-kit/mlops-kit/blob/main/docs/configuration.md
version: 1

model:
  name: ${input.model}
${line(2, "task", input.task, "classification or regression")}

${dataSection(input.data ?? null)}
${drift}

${trainSection(input)}

${evaluateSection(input)}

gate:
  baseline: champion             # ${CHAMPION_BASELINE_COMMENT}
  rules:
${gateRules(input.task)}

${registryLines(input)}
publish: { promote: champion }
${retrainLines(input)}
`;
}
