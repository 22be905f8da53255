// The feature encoding and scoring that train.mjs and predict.mjs must agree on. Keeping them in one place is what
// stops training/serving skew: predict cannot encode a row differently from how the weights were learned.
import { InputError } from "./cli.mjs";

export const TARGET_COLUMN = "sex";
export const POSITIVE_CLASS = "FEMALE";
export const NEGATIVE_CLASS = "MALE";
export const NUMERIC_FEATURES = ["beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g"];
export const CATEGORICAL_FEATURES = ["species", "island"];

/**
 * How one input column becomes model inputs, with the statistics learned from the training rows.
 * @typedef {{ name: string, kind: "numeric", mean: number, std: number }} NumericEncoding
 * @typedef {{ name: string, kind: "categorical", categories: string[] }} CategoricalEncoding
 * @typedef {NumericEncoding | CategoricalEncoding} FeatureEncoding
 */

/**
 * Learns each feature's encoding from the training rows: numeric columns get their mean and standard deviation
 * (missing values skipped), categorical ones the sorted set of values seen.
 * @param {string[]} featureNames
 * @param {Record<string, string>[]} records
 * @returns {FeatureEncoding[]}
 */
export function fitEncodings(featureNames, records) {
  return featureNames.map((name) => {
    if (CATEGORICAL_FEATURES.includes(name)) {
      const seen = new Set(records.map((record) => record[name] ?? ""));
      seen.delete(""); // a missing category is not a category
      // Code-unit order, not localeCompare, so the column order cannot depend on the machine's locale.
      return { name, kind: "categorical", categories: [...seen].sort() };
    }
    const values = records.map((record, index) => parseNumber(record, name, index)).filter((value) => value !== null);
    if (values.length === 0) throw new InputError(`feature ${name} has no values in the training data`);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    // A constant column carries no signal; dividing by 1 instead of 0 keeps it harmless rather than NaN.
    return { name, kind: "numeric", mean, std: Math.sqrt(variance) || 1 };
  });
}

/**
 * Names of the model's input columns, in weight order, e.g. `body_mass_g` or `species=Gentoo`.
 * @param {FeatureEncoding[]} encodings
 */
export function encodedColumnNames(encodings) {
  return encodings.flatMap((encoding) =>
    encoding.kind === "numeric"
      ? [encoding.name]
      : encoding.categories.map((category) => `${encoding.name}=${category}`),
  );
}

/**
 * Turns one row into the model's input vector. A missing number is imputed with the training mean, which
 * standardizes to 0; a missing or unseen category sets none of its one-hot columns.
 * @param {FeatureEncoding[]} encodings
 * @param {Record<string, string>} record
 * @param {number} rowIndex 0-based, for error messages
 * @returns {number[]}
 */
export function encodeRecord(encodings, record, rowIndex) {
  return encodings.flatMap((encoding) => {
    if (encoding.kind === "categorical") {
      return encoding.categories.map((category) => (record[encoding.name] === category ? 1 : 0));
    }
    const value = parseNumber(record, encoding.name, rowIndex);
    return [value === null ? 0 : (value - encoding.mean) / encoding.std];
  });
}

/**
 * The log-odds of the positive class.
 * @param {number[]} weights
 * @param {number} bias
 * @param {number[]} inputs
 */
export function logOdds(weights, bias, inputs) {
  let z = bias;
  for (let j = 0; j < inputs.length; j += 1)
    z += /** @type {number} */ (weights[j]) * /** @type {number} */ (inputs[j]);
  return z;
}

/**
 * Logistic function, written so that neither branch can overflow `Math.exp`.
 * @param {number} z
 */
export function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * 1 for the positive class, 0 for the negative one; anything else is an error because the target must be known.
 * @param {Record<string, string>} record
 * @param {number} rowIndex 0-based
 * @returns {0 | 1}
 */
export function targetOf(record, rowIndex) {
  const label = record[TARGET_COLUMN];
  if (label === POSITIVE_CLASS) return 1;
  if (label === NEGATIVE_CLASS) return 0;
  throw new InputError(
    `data row ${rowIndex + 1}: ${TARGET_COLUMN} is ${JSON.stringify(label ?? "")}, expected ${POSITIVE_CLASS} or ${NEGATIVE_CLASS}`,
  );
}

/**
 * Fails early, naming the columns a data file lacks, instead of failing on the first row that needs them.
 * @param {string[]} columns the file's header
 * @param {string[]} required
 * @param {string} path
 */
export function requireColumns(columns, required, path) {
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new InputError(`${path} lacks column(s) ${missing.join(", ")}; its header is ${columns.join(",")}`);
  }
}

/**
 * @param {Record<string, string>} record
 * @param {string} column
 * @param {number} rowIndex 0-based
 * @returns {number | null} null when the field is empty
 */
function parseNumber(record, column, rowIndex) {
  const text = (record[column] ?? "").trim();
  if (text === "") return null;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new InputError(`data row ${rowIndex + 1}: ${column} is ${JSON.stringify(text)}, expected a number or empty`);
  }
  return value;
}

/** @typedef {{ features: FeatureEncoding[], weights: number[], bias: number }} Model */

/**
 * Checks just enough of model.json that a wrong or truncated file fails here with a clear message rather than as
 * NaN scores.
 * @param {unknown} raw
 * @param {string} path
 * @returns {Model}
 */
export function checkModel(raw, path) {
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

/** P(FEMALE) at or above this predicts FEMALE. */
const DECISION_THRESHOLD = 0.5;

/**
 * One record's prediction and score (P(FEMALE), unrounded so metrics computed from it match the model exactly).
 * @param {Model} model
 * @param {Record<string, string>} record
 * @param {number} rowIndex
 */
export function predictRecord(model, record, rowIndex) {
  const score = sigmoid(logOdds(model.weights, model.bias, encodeRecord(model.features, record, rowIndex)));
  return { prediction: score >= DECISION_THRESHOLD ? POSITIVE_CLASS : NEGATIVE_CLASS, score };
}
