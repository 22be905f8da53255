/**
 * The commented mlops.yml that `mlops init` writes. Every section the product has is present, with the optional
 * ones commented out, so a user discovers features by reading their own config.
 */
export interface TemplateInput {
  model: string;
  task: "classification" | "regression";
  trainCommand: string;
  evaluateCommand: string;
  schemaUrl: string;
}

/** Starter rules that make sense for the task: a floor, and no regression against the champion. */
function gateRules(task: TemplateInput["task"]): string {
  return task === "classification"
    ? "    - { metric: accuracy, min: 0.7 }\n    - { metric: accuracy, max_regression: 0.01 }"
    : "    - { metric: r2, min: 0.5 }\n    - { metric: r2, max_regression: 0.02 }";
}

export function configTemplate(input: TemplateInput): string {
  return `# yaml-language-server: $schema=${input.schemaUrl}
# mlops-kit configuration. Reference: https://github.com/mlops-kit/mlops-kit#config-reference
version: 1

model:
  name: ${input.model}
  task: ${input.task}            # or regression

data:
  train: data/train.csv          # a path, a glob, or s3://bucket/key
  eval: data/eval.csv
  target: label
  schema:
    columns:
      label: { nullable: false }
    rows: { min: 1 }
  # drift: { reference: champion, method: auto }

train:
  command: ${input.trainCommand}
  params: params.yml             # exposed as $MLOPS_PARAMS_FILE and MLOPS_PARAM_<NAME>
  outputs: [model/]              # restored on a cache hit, published to the registry
  # inputs: [src/**]             # code whose change invalidates the run cache

evaluate:
  command: ${input.evaluateCommand}
  predictions: predictions.csv   # columns label, prediction${input.task === "classification" ? " (and score)" : ""} -> built-in metrics
  # metrics_file: metrics.json   # extra metrics your code computes

gate:
  baseline: champion             # the registry's current champion
  rules:
${gateRules(input.task)}

# registry: { uri: s3://my-bucket/models }   # default: a local folder, .mlops/registry
publish: { promote: champion }
# retrain: { schedule: "17 3 * * 1", when: { drift: true, max_age_days: 30 } }
`;
}
