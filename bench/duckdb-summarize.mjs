// DuckDB's SUMMARIZE over a CSV, the peer the validate benchmark compares with. Run by bench/validate.bench.ts with
// @duckdb/node-api installed on demand under bench/.data/duckdb (never a dependency of mlops-kit).
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";

const [installDir, file] = process.argv.slice(2);
const require = createRequire(path.join(installDir, "package.json"));
const { DuckDBInstance } = require("@duckdb/node-api");
const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
const started = performance.now();
const reader = await connection.runAndReadAll(`SUMMARIZE SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, columns: reader.getRowObjects().length })}\n`);
