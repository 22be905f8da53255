// DuckDB, a peer the validate benchmark compares with, run by bench/validate.bench.ts with @duckdb/node-api installed
// on demand under bench/.data/duckdb (never a dependency of mlops-kit). Two queries, chosen by the third argument:
// - `summarize`: SUMMARIZE over the CSV (per column: min, max, approx_unique, avg, std, q25, q50, q75, count,
//   null_percentage), DuckDB's own profile;
// - `checks`: the same work as `mlops validate` as far as SQL says it: the CSV loaded once into a temporary table,
//   SUMMARIZE of it, an exact unique check on `id` (COUNT(DISTINCT id) against COUNT(*)) and the rows that repeat an
//   earlier row exactly (COUNT(*) against the count of DISTINCT rows), all in this one process.
// Prints one JSON line: the rows, the number of columns, the mean of `score` (for the bench to compare with validate's:
// a null spelling read as a value would move it) and, for `checks`, the repeated ids and duplicate rows.
import { createRequire } from "node:module";
import path from "node:path";

const [installDir, file, mode = "summarize"] = process.argv.slice(2);
if (!installDir || !file || (mode !== "summarize" && mode !== "checks")) {
  throw new Error("usage: duckdb-summarize.mjs <install dir> <csv file> [summarize|checks]");
}
const require = createRequire(path.join(installDir, "package.json"));
const { DuckDBInstance } = require("@duckdb/node-api");
const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
const rowsOf = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS();

// The null spellings bench/generate.ts writes: an empty field (income, balance) and `NaN` (score). Without `nullstr`
// DuckDB reads NaN as a double NaN, and SUMMARIZE's STDDEV_SAMP then fails ("out of range") and the process exits 1.
const csv = `read_csv('${file.replace(/'/g, "''")}', nullstr = ['', 'NaN'])`;
let summary;
const result = {};
if (mode === "summarize") {
  summary = await rowsOf(`SUMMARIZE SELECT * FROM ${csv}`);
} else {
  await connection.run(`CREATE TEMPORARY TABLE data AS SELECT * FROM ${csv}`);
  summary = await rowsOf("SUMMARIZE data");
  const [ids] = await rowsOf("SELECT COUNT(*) - COUNT(DISTINCT id) AS repeated FROM data");
  const [copies] = await rowsOf(
    "SELECT (SELECT COUNT(*) FROM data) - (SELECT COUNT(*) FROM (SELECT DISTINCT * FROM data)) AS repeated",
  );
  result.repeatedIds = Number(ids.repeated);
  result.duplicateRows = Number(copies.repeated);
}
const score = summary.find((row) => row.column_name === "score");
process.stdout.write(
  `${JSON.stringify({ rows: Number(summary[0]?.count), columns: summary.length, scoreMean: Number(score?.avg), ...result })}\n`,
);
