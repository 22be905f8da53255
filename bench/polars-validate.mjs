// Polars, a peer the validate benchmark compares with, run by bench/validate.bench.ts with nodejs-polars installed on
// demand under bench/.data/polars (never a dependency of mlops-kit). The same work as `mlops validate` as far as
// nodejs-polars has it: the CSV read once (every core), then describe() (per column: mean, std, min, max, median),
// the null count of every column, an exact unique check on `id` (nUnique against the height) and the rows that repeat
// another row exactly (isDuplicated). It has no approximate distinct count, histogram or top values, which validate
// also computes: if anything, the comparison flatters polars.
// Prints one JSON line: the rows, the number of columns, the mean of `score` (for the bench to compare with validate's),
// the repeated ids and the duplicate rows.
import { createRequire } from "node:module";
import path from "node:path";

const [installDir, file] = process.argv.slice(2);
if (!installDir || !file) throw new Error("usage: polars-validate.mjs <install dir> <csv file>");
const require = createRequire(path.join(installDir, "package.json"));
const pl = require("nodejs-polars");

// The null spellings bench/generate.ts writes: an empty field (income, balance) and `NaN` (score). Dates are parsed, as
// validate and DuckDB do, with the format given, the peer's best shot: on the 100 MB file the reader's own date
// inference (tryParseDates) added about 0.75 s to a 0.2 s read, parsing with the format about 0.1 s.
const data = pl
  .readCSV(file, { nullValues: ["", "NaN"] })
  .withColumns(pl.col("created_at").str.strptime(pl.Datetime("ms"), "%Y-%m-%dT%H:%M:%SZ"));
const description = data.describe();
const nulls = data.nullCount();
const repeatedIds = data.height - data.getColumn("id").nUnique();
// isDuplicated marks every copy, the first one too; validate counts the rows that repeat an earlier one. Both are 0
// when no row repeats, which is what the bench checks.
const duplicateRows = data.isDuplicated().cast(pl.UInt32).sum();
process.stdout.write(
  `${JSON.stringify({
    rows: data.height,
    columns: nulls.width,
    scoreMean: description.getColumn("score").get(0),
    repeatedIds,
    duplicateRows,
  })}\n`,
);
