// Batch scoring (mlops predict): scores one input file with the pulled model and writes a prediction log the monitor
// reads as it is (monitor.logs in mlops.yml), one row per input row, in input order.
//
//   mlops predict runs it as predict.command, with MLOPS_MODEL_DIR, MLOPS_INPUT, MLOPS_OUTPUT, MLOPS_SCORED_AT,
//   MLOPS_INPUT_FINGERPRINT and MLOPS_PART set.
//
// Columns: timestamp (when the batch was scored), request_id (unique per input row: fingerprint, part, row), the
// features, prediction, score, and latency_ms left empty: a batch has no per-request latency. The label, when the
// input has one, is left out: labels reach the monitor through monitor.labels.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { InputError, readJsonFile, runScript } from "./cli.mjs";
import { formatCsv, readCsvRecords } from "./csv.mjs";
import { CATEGORICAL_FEATURES, NUMERIC_FEATURES, checkModel, predictRecord, requireColumns } from "./model.mjs";

const FEATURES = [...CATEGORICAL_FEATURES, ...NUMERIC_FEATURES];

await runScript("score.mjs", async () => {
  const env = requiredEnv(["MLOPS_MODEL_DIR", "MLOPS_INPUT", "MLOPS_OUTPUT", "MLOPS_SCORED_AT"]);
  const modelPath = join(env.MLOPS_MODEL_DIR, "model", "model.json");
  const model = checkModel(await readJsonFile(modelPath, "model file"), modelPath);
  const { columns, records } = await readCsvRecords(env.MLOPS_INPUT, "input file");
  requireColumns(columns, FEATURES, env.MLOPS_INPUT);
  const batch = `${process.env.MLOPS_INPUT_FINGERPRINT ?? "batch"}-${process.env.MLOPS_PART ?? "1"}`;
  const rows = records.map((record, index) => {
    const { prediction, score } = predictRecord(model, record, index);
    return [env.MLOPS_SCORED_AT, `${batch}-${index + 1}`, ...FEATURES.map((f) => record[f]), prediction, score, ""];
  });
  await mkdir(dirname(env.MLOPS_OUTPUT), { recursive: true });
  const header = ["timestamp", "request_id", ...FEATURES, "prediction", "score", "latency_ms"];
  await writeFile(env.MLOPS_OUTPUT, formatCsv(header, rows));
  console.log(`scored ${rows.length} penguins into ${env.MLOPS_OUTPUT}`);
});

/**
 * @template {string} Name
 * @param {readonly Name[]} names
 * @returns {Record<Name, string>}
 */
function requiredEnv(names) {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) throw new InputError(`${missing.join(", ")} not set: run this through \`mlops predict\``);
  return /** @type {Record<Name, string>} */ (Object.fromEntries(names.map((name) => [name, process.env[name]])));
}
