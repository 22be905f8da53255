// Trains a logistic regression that predicts a penguin's sex (P(FEMALE)) by full-batch gradient descent. Weights start
// at zero and rows are visited in file order, so the same data and params always give the same model, bit for bit.
//
//   node train.mjs --data data/train.csv --out model/
//
// Params come from the JSON file named by MLOPS_PARAMS_FILE (mlops-kit writes it from params.yml); without that
// variable, from params.json beside this script.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError, parseRequiredOptions, readJsonFile, runScript } from "./cli.mjs";
import { readCsvRecords } from "./csv.mjs";
import {
  CATEGORICAL_FEATURES,
  NEGATIVE_CLASS,
  NUMERIC_FEATURES,
  POSITIVE_CLASS,
  TARGET_COLUMN,
  encodeRecord,
  encodedColumnNames,
  fitEncodings,
  logOdds,
  requireColumns,
  sigmoid,
  targetOf,
} from "./model.mjs";

const USAGE = "node train.mjs --data <train.csv> --out <model dir>";
const KNOWN_FEATURES = [...NUMERIC_FEATURES, ...CATEGORICAL_FEATURES];
const KNOWN_PARAMS = ["learning_rate", "epochs", "l2", "features"];

/** @typedef {{ learning_rate: number, epochs: number, l2: number, features: string[] }} Params */

await runScript("train.mjs", async () => {
  const options = parseRequiredOptions(["data", "out"], USAGE);
  const paramsFromKit = process.env.MLOPS_PARAMS_FILE;
  const paramsPath = paramsFromKit || fileURLToPath(new URL("./params.json", import.meta.url));
  const paramsSource = paramsFromKit ? "params file (MLOPS_PARAMS_FILE)" : "params file (MLOPS_PARAMS_FILE is unset)";
  const params = validateParams(await readJsonFile(paramsPath, paramsSource), `${paramsSource} ${paramsPath}`);

  const { columns, records } = await readCsvRecords(options.data, "--data file");
  requireColumns(columns, [...params.features, TARGET_COLUMN], options.data);
  if (records.length === 0) throw new InputError(`--data file ${options.data} has a header but no rows`);

  const encodings = fitEncodings(params.features, records);
  const inputs = records.map((record, index) => encodeRecord(encodings, record, index));
  const targets = records.map(targetOf);
  const epochDigits = String(params.epochs).length;
  const { weights, bias, logLoss } = fitLogisticRegression(inputs, targets, params, (epoch, epochLogLoss) =>
    console.log(
      `epoch ${String(epoch).padStart(epochDigits)}/${params.epochs}  train log_loss ${epochLogLoss.toFixed(6)}`,
    ),
  );

  await mkdir(options.out, { recursive: true });
  const model = {
    kind: "logistic-regression",
    target: TARGET_COLUMN,
    positive_class: POSITIVE_CLASS,
    negative_class: NEGATIVE_CLASS,
    features: encodings,
    columns: encodedColumnNames(encodings),
    weights,
    bias,
    params,
    training_rows: records.length,
  };
  await writeJson(join(options.out, "model.json"), model);
  await writeJson(join(options.out, "metrics.json"), { training: { log_loss: logLoss, epochs: params.epochs } });
  console.log(
    `trained on ${records.length} rows, ${model.columns.length} inputs, ${params.epochs} epochs: ` +
      `train log_loss ${logLoss.toFixed(6)}; wrote model.json and metrics.json to ${options.out}`,
  );
});

/**
 * Checks every param and reports all problems at once, so one run is enough to fix a params file.
 * @param {unknown} raw
 * @param {string} source names the params file in error messages
 * @returns {Params}
 */
function validateParams(raw, source) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(`${source} must hold a JSON object`);
  }
  const params = /** @type {Record<string, unknown>} */ (raw);
  const problems = Object.keys(params)
    .filter((key) => !KNOWN_PARAMS.includes(key))
    .map((key) => `unknown param "${key}" (known: ${KNOWN_PARAMS.join(", ")})`);
  const { learning_rate, epochs, l2, features } = params;
  const shown = (/** @type {unknown} */ value) => (value === undefined ? "nothing" : JSON.stringify(value));

  if (typeof learning_rate !== "number" || !(learning_rate > 0) || !Number.isFinite(learning_rate)) {
    problems.push(`learning_rate must be a number > 0, got ${shown(learning_rate)}`);
  }
  if (typeof epochs !== "number" || !Number.isInteger(epochs) || epochs < 1) {
    problems.push(`epochs must be a positive integer, got ${shown(epochs)}`);
  }
  if (typeof l2 !== "number" || !(l2 >= 0) || !Number.isFinite(l2)) {
    problems.push(`l2 must be a number >= 0, got ${shown(l2)}`);
  }
  if (!Array.isArray(features) || features.length === 0) {
    problems.push(`features must be a non-empty list of column names, got ${shown(features)}`);
  } else {
    for (const feature of features) {
      if (!KNOWN_FEATURES.includes(feature)) {
        problems.push(`unknown feature ${shown(feature)} (known: ${KNOWN_FEATURES.join(", ")})`);
      }
    }
    const repeated = features.filter((feature, index) => features.indexOf(feature) !== index);
    if (repeated.length > 0) problems.push(`features lists ${repeated.map(shown).join(", ")} more than once`);
  }
  if (problems.length > 0) throw new InputError(`invalid params in ${source}:\n  ${problems.join("\n  ")}`);
  return /** @type {Params} */ (params);
}

/**
 * Minimises mean log loss + (l2 / 2) * |weights|^2 by full-batch gradient descent. The bias is not penalised: it
 * only sets the base rate of the positive class.
 * @param {number[][]} inputs
 * @param {(0 | 1)[]} targets
 * @param {Params} params
 * @param {(epoch: number, logLoss: number) => void} onProgress called about every 10% of the epochs
 */
function fitLogisticRegression(inputs, targets, { learning_rate, epochs, l2 }, onProgress) {
  const rowCount = inputs.length;
  const width = inputs[0]?.length ?? 0;
  const weights = new Array(width).fill(0);
  let bias = 0;
  const progressEvery = Math.ceil(epochs / 10);

  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    const weightGradient = new Array(width).fill(0);
    let biasGradient = 0;
    for (let i = 0; i < rowCount; i += 1) {
      const row = /** @type {number[]} */ (inputs[i]);
      const residual = sigmoid(logOdds(weights, bias, row)) - /** @type {number} */ (targets[i]);
      for (let j = 0; j < width; j += 1) weightGradient[j] += residual * /** @type {number} */ (row[j]);
      biasGradient += residual;
    }
    for (let j = 0; j < width; j += 1) weights[j] -= learning_rate * (weightGradient[j] / rowCount + l2 * weights[j]);
    bias -= (learning_rate * biasGradient) / rowCount;
    if (epoch % progressEvery === 0) onProgress(epoch, meanLogLoss(weights, bias, inputs, targets));
  }
  return { weights, bias, logLoss: meanLogLoss(weights, bias, inputs, targets) };
}

/**
 * Mean log loss, computed from the log-odds z as softplus(z) - y * z so that confident predictions cannot produce
 * log(0) and no clipping is needed.
 * @param {number[]} weights
 * @param {number} bias
 * @param {number[][]} inputs
 * @param {(0 | 1)[]} targets
 */
function meanLogLoss(weights, bias, inputs, targets) {
  let total = 0;
  inputs.forEach((row, i) => {
    const z = logOdds(weights, bias, row);
    total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - /** @type {number} */ (targets[i]) * z;
  });
  return total / inputs.length;
}

/**
 * @param {string} path
 * @param {unknown} value
 */
async function writeJson(path, value) {
  await writeFile(path, JSON.stringify(value, null, 2) + "\n");
}
