// Scores a CSV of penguins with a model from train.mjs, one output row per input row, in input order.
//
//   node predict.mjs --model model/ --data data/eval.csv --out predictions.csv
//
// Output columns: label (the true sex, empty if the data has none), prediction (at P(FEMALE) >= 0.5), score
// (P(FEMALE), unrounded so metrics computed from it match the model exactly), and species and island so that
// metrics can be sliced by them.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseRequiredOptions, readJsonFile, runScript } from "./cli.mjs";
import { formatCsv, readCsvRecords } from "./csv.mjs";
import { TARGET_COLUMN, checkModel, predictRecord, requireColumns } from "./model.mjs";

const USAGE = "node predict.mjs --model <model dir> --data <data.csv> --out <predictions.csv>";

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
    const { prediction, score } = predictRecord(model, record, index);
    return [record[TARGET_COLUMN], prediction, score, record.species, record.island];
  });

  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, formatCsv(["label", "prediction", "score", "species", "island"], predictions));
  console.log(`wrote ${predictions.length} predictions to ${options.out}`);
});
