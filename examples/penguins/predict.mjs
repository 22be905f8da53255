// Scores a CSV of penguins with a model from train.mjs, one output row per input row, in input order.
//
//   node predict.mjs --model model/ --data data/eval.csv --out predictions.csv
//
// Output columns: label (the true sex, empty if the data has none), prediction (at P(FEMALE) >= 0.5), score
// (P(FEMALE), unrounded so metrics computed from it match the model exactly), and species and island so that
// metrics can be sliced by them.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { InputError, parseRequiredOptions, readJsonFile, runScript } from "./cli.mjs";
import { formatCsv, readCsvRecords } from "./csv.mjs";
import {
  NEGATIVE_CLASS,
  POSITIVE_CLASS,
  TARGET_COLUMN,
  encodeRecord,
  encodedColumnNames,
  logOdds,
  requireColumns,
  sigmoid,
} from "./model.mjs";

const USAGE = "node predict.mjs --model <model dir> --data <data.csv> --out <predictions.csv>";
const DECISION_THRESHOLD = 0.5;

/** @typedef {{ features: import("./model.mjs").FeatureEncoding[], weights: number[], bias: number }} Model */

await runScript("predict.mjs", async () => {
  const options = parseRequiredOptions(["model", "data", "out"], USAGE);
  const modelPath = join(options.model, "model.json");
  const model = checkModel(await readJsonFile(modelPath, "model file"), modelPath);
  const { columns, records } = await readCsvRecords(options.data, "--data file");
  requireColumns(
    columns,
    model.features.map((feature) => feature.name),
    options.data,
  );

  const predictions = records.map((record, index) => {
    const score = sigmoid(logOdds(model.weights, model.bias, encodeRecord(model.features, record, index)));
    const prediction = score >= DECISION_THRESHOLD ? POSITIVE_CLASS : NEGATIVE_CLASS;
    return [record[TARGET_COLUMN], prediction, score, record.species, record.island];
  });

  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, formatCsv(["label", "prediction", "score", "species", "island"], predictions));
  console.log(`wrote ${predictions.length} predictions to ${options.out}`);
});

/**
 * Checks just enough of model.json that a wrong or truncated file fails here with a clear message rather than as
 * NaN scores.
 * @param {unknown} raw
 * @param {string} path
 * @returns {Model}
 */
function checkModel(raw, path) {
  const model = /** @type {Partial<Model> | null} */ (raw);
  const valid =
    typeof model === "object" &&
    model !== null &&
    Array.isArray(model.features) &&
    Array.isArray(model.weights) &&
    model.weights.every(Number.isFinite) &&
    Number.isFinite(model.bias) &&
    encodedColumnNames(model.features).length === model.weights.length;
  if (!valid) throw new InputError(`${path} is not a model written by train.mjs`);
  return /** @type {Model} */ (model);
}
