import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCsv, type IdOrder } from "./generate.ts";
import { median, spread } from "./figures.ts";
import {
  BenchFailure,
  ensurePeerPackage,
  peerResult,
  tail,
  timedNode,
  type Measured,
  type PeerPackage,
} from "./peers.ts";

/**
 * `npm run bench:validate` (issues 3 and 22): `mlops validate` (schema checks and the full profile, on every core)
 * over a mixed-type CSV made deterministically (bench/generate.ts), against peers on the same file in the same run:
 * - `mlops validate`: the built CLI (dist/cli.js, rebuilt first) with the schema below: per column count, nulls,
 *   distinct (exact to 2048, then HyperLogLog), min, max, mean, std, 7 quantiles (KLL), histogram, top values; every
 *   rule; an exact unique check on `id` and the duplicate-row check (`duplicate_rows` defaults to warn).
 * - `mlops validate, shuffled ids`: the same on a copy whose ids are a seeded permutation (nothing else differs).
 * - `DuckDB SUMMARIZE` (@duckdb/node-api, bench/duckdb-summarize.mjs `summarize`): min, max, approx_unique, avg, std,
 *   q25, q50, q75, count and null_percentage per column, straight from the CSV.
 * - `DuckDB like for like` (the same script, `checks`): the CSV loaded once into a table, SUMMARIZE of it, an exact
 *   unique check on `id` and the count of rows that repeat an earlier row, in one process: the DuckDB ratio that counts.
 * - `polars like for like` (nodejs-polars, bench/polars-validate.mjs): the CSV read once (created_at parsed with its
 *   format), describe() (mean, std, min, max, median), null counts, nUnique on `id` and isDuplicated(); no distinct
 *   counts, histograms or top values.
 * Every side is a child `node` timed from spawn to exit, with its peak RSS (bench/rss.mjs). The peers are installed on
 * demand, pinned, into bench/.data/duckdb and bench/.data/polars (never dependencies; nodejs-polars 0.25 and later need
 * Node >= 22 and install without their native part on Node 20). Each round runs every side once, in reverse order
 * every other round; the table gives medians with the range (min-max) and the ratio of medians against validate
 * (MB is 2^20 bytes throughout).
 *
 * A side that fails fails the bench (exit 1) with its stderr's tail: a peer's nonzero exit or missing result line,
 * validate exiting other than 0 or finding anything (the data meets the schema: unique ids, no repeated rows, every
 * value in bounds), or sides that disagree on the rows, the mean of `score` or the repeated ids and rows. Missed
 * targets are reported, not failed on. Targets (issue 22): on the 1 GB file at least 600 MB/s (median) with peak RSS
 * at most 256 MB; on 100 MB at least 1.3x polars; shuffled ids at least 80% of the sorted speed.
 *
 * Options: `--sizes 100mb,1gb` (the default; either alone), `--runs <n>` rounds (default 5), `--clean` deletes the
 * 1 GB files afterwards. The data stays in bench/.data (gitignored).
 */

const here = import.meta.dirname;
const repo = path.resolve(here, "..");
const dataDir = path.join(here, ".data");
const cli = path.join(repo, "dist/cli.js");
const MB = 1024 * 1024;
/** The sizes `--sizes` names, with the label the report gives them. */
const SIZES: Record<string, { bytes: number; label: string }> = {
  "100mb": { bytes: 100 * MB, label: "100 MB" },
  "1gb": { bytes: 1024 * MB, label: "1 GB" },
};

const DUCKDB: PeerPackage = {
  label: "DuckDB",
  name: "@duckdb/node-api",
  version: "1.5.6-r.1",
  dir: path.join(dataDir, "duckdb"),
  hint: "its native part is the optional package @duckdb/node-bindings-<platform>",
};
const POLARS: PeerPackage = {
  label: "polars",
  name: "nodejs-polars",
  version: "0.24.1",
  dir: path.join(dataDir, "polars"),
  hint: "its native part is the optional package nodejs-polars-<platform>",
};

const SCHEMA = `  schema:
    columns:
      id: { type: integer, nullable: false, unique: true }
      customer_id: { type: integer, min: 1 }
      age: { type: integer, min: 18, max: 90 }
      visits: { type: integer, min: 0 }
      income: { type: number, min: 0, max_null_fraction: 0.1 }
      score: { type: number, min: 0, max: 1 }
      latitude: { type: number, min: -90, max: 90 }
      balance: { type: number }
      segment: { type: category, values: [${Array.from({ length: 20 }, (_, i) => `seg_${String(i + 1).padStart(2, "0")}`).join(", ")}] }
      created_at: { type: datetime, min: "2024-01-01" }
      active: { type: boolean, nullable: false }
      comment: { type: string, nullable: false }
    rows: { min: 1 }
`;

/** What every side reports, for the sides to be checked against each other. */
interface Outcome {
  rows: number;
  scoreMean: number;
  repeatedIds?: number;
  duplicateRows?: number;
}

interface Side {
  name: string;
  file: string;
  bytes: number;
  args: string[];
  read: (run: Measured) => Outcome;
  runs: Measured[];
}

interface ValidateOutput {
  verdict: string;
  errors: number;
  warnings: number;
  datasets: { rows: number; findings: unknown[]; columns: { name: string; mean: unknown }[] }[];
}

function readValidate(run: Measured): Outcome {
  // Exit 1 means a check failed; on this data none may: it would be a finding that is not there.
  if (run.status !== 0) throw new BenchFailure(`mlops validate exited ${run.status}:\n${tail(run.stderr)}`);
  let output: ValidateOutput;
  try {
    output = JSON.parse(run.stdout) as ValidateOutput;
  } catch {
    throw new BenchFailure(`mlops validate --json printed no JSON: ${JSON.stringify(run.stdout.slice(0, 200))}`);
  }
  const dataset = output.datasets[0];
  if (output.verdict !== "pass" || output.errors + output.warnings > 0 || !dataset || dataset.findings.length > 0) {
    throw new BenchFailure(`mlops validate found problems the data does not have: ${run.stdout.slice(0, 2000)}`);
  }
  return { rows: dataset.rows, scoreMean: Number(dataset.columns.find((c) => c.name === "score")?.mean) };
}

async function dataset(size: string, ids: IdOrder): Promise<{ file: string; bytes: number }> {
  const name = `validate-${size}${ids === "shuffled" ? "-shuffled" : ""}.csv`;
  const file = path.join(dataDir, name);
  const bytes = SIZES[size]!.bytes;
  if (!existsSync(file) || Math.abs(statSync(file).size - bytes) > 4 * MB) {
    const free = statfsSync(dataDir);
    if (free.bavail * free.bsize < bytes * 1.5) {
      throw new BenchFailure(`${name}: less than ${((bytes * 1.5) / MB).toFixed(0)} MB free in ${dataDir}`);
    }
    console.log(`generating ${name} ...`);
    await generateCsv(file, bytes, { ids });
  }
  const config = `${file}.yml`;
  writeFileSync(
    config,
    `version: 1\nmodel: { name: bench }\ndata:\n  train: ${name}\n${SCHEMA}publish: { promote: false, files: [${name}] }\n`,
  );
  return { file, bytes: statSync(file).size };
}

async function sidesFor(size: string): Promise<Side[]> {
  const sorted = await dataset(size, "ascending");
  const shuffled = await dataset(size, "shuffled");
  const ours = (file: string): string[] => [cli, "validate", "--config", `${file}.yml`, "--json"];
  const duckdb = (mode: string): string[] => [path.join(here, "duckdb-summarize.mjs"), DUCKDB.dir, sorted.file, mode];
  const polars = [path.join(here, "polars-validate.mjs"), POLARS.dir, sorted.file];
  const peer = (args: string[]) => (run: Measured) => peerResult<Outcome>(run, args);
  return [
    { name: "mlops validate", ...sorted, args: ours(sorted.file), read: readValidate, runs: [] },
    { name: "mlops validate, shuffled ids", ...shuffled, args: ours(shuffled.file), read: readValidate, runs: [] },
    { name: "DuckDB SUMMARIZE", ...sorted, args: duckdb("summarize"), read: peer(duckdb("summarize")), runs: [] },
    { name: "DuckDB like for like", ...sorted, args: duckdb("checks"), read: peer(duckdb("checks")), runs: [] },
    { name: "polars like for like", ...sorted, args: polars, read: peer(polars), runs: [] },
  ];
}

/** Every side must see the same data as the first: the same rows, the same mean score, no repeated ids or rows. */
function checkAgainst(first: Outcome, side: string, outcome: Outcome): void {
  const problems: string[] = [];
  if (outcome.rows !== first.rows) problems.push(`${outcome.rows} rows, not ${first.rows}`);
  if (!(Math.abs(outcome.scoreMean - first.scoreMean) <= 1e-9 * Math.abs(first.scoreMean))) {
    problems.push(`a mean score of ${outcome.scoreMean}, not ${first.scoreMean}`);
  }
  if ((outcome.repeatedIds ?? 0) !== 0) problems.push(`${outcome.repeatedIds} repeated ids, not 0`);
  if ((outcome.duplicateRows ?? 0) !== 0) problems.push(`${outcome.duplicateRows} duplicate rows, not 0`);
  if (problems.length > 0) throw new BenchFailure(`${side} disagrees with the others: ${problems.join(", ")}`);
}

function warmPageCache(file: string): void {
  const fd = openSync(file, "r");
  const buffer = Buffer.allocUnsafe(4 * MB);
  try {
    for (let at = 0, n = 0; (n = readSync(fd, buffer, 0, buffer.length, at)) > 0; at += n);
  } finally {
    closeSync(fd);
  }
}

const mbps = (side: Side): number[] => side.runs.map((run) => side.bytes / MB / run.seconds);

/** Runs every side `runs` times, round-robin, reversed every other round; returns the rows of validate's first run. */
function measure(sides: Side[], runs: number): number {
  let first: Outcome | undefined;
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const run = timedNode(side.args, dataDir);
      const outcome = side.read(run);
      first ??= outcome;
      checkAgainst(first, side.name, outcome);
      side.runs.push(run);
    }
    console.log(
      `round ${round + 1}/${runs}: ${order.map((s) => `${s.name} ${s.runs.at(-1)!.seconds.toFixed(2)} s`).join(", ")}`,
    );
  }
  return first?.rows ?? 0;
}

function printTable(sides: Side[]): void {
  const ours = median(mbps(sides[0]!));
  const headers = ["side", "MB/s: median (range)", "seconds", "peak RSS", "validate / side"];
  const rows = sides.map((side, i) => [
    side.name,
    spread(mbps(side), 0),
    spread(
      side.runs.map((r) => r.seconds),
      2,
    ),
    spread(
      side.runs.map((r) => r.maxRssMb),
      0,
      " MB",
    ),
    i === 0 ? "" : `${(ours / median(mbps(side))).toFixed(2)}x`,
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`${line(headers)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}`);
}

interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

function targetsOf(measured: Map<string, Side[]>): Target[] {
  const byName = (size: string, name: string): Side | undefined => measured.get(size)?.find((s) => s.name === name);
  const big = byName("1gb", "mlops validate");
  const small = byName("100mb", "mlops validate");
  const polars = byName("100mb", "polars like for like");
  const targets: Target[] = [
    {
      target: "1 GB: mlops validate >= 600 MB/s (median)",
      measured: big ? `${spread(mbps(big), 0)} MB/s` : "not measured (--sizes 1gb)",
      met: big ? median(mbps(big)) >= 600 : null,
    },
    {
      target: "1 GB: peak RSS <= 256 MB (every run)",
      measured: big
        ? `${spread(
            big.runs.map((r) => r.maxRssMb),
            0,
          )} MB`
        : "not measured (--sizes 1gb)",
      met: big ? Math.max(...big.runs.map((r) => r.maxRssMb)) <= 256 : null,
    },
    {
      target: "100 MB: >= 1.3x polars (ratio of medians)",
      measured: small && polars ? `${(median(mbps(small)) / median(mbps(polars))).toFixed(2)}x` : "not measured",
      met: small && polars ? median(mbps(small)) / median(mbps(polars)) >= 1.3 : null,
    },
  ];
  for (const [size, sides] of measured) {
    const sorted = median(mbps(sides[0]!));
    const shuffled = median(mbps(sides[1]!));
    targets.push({
      target: `${SIZES[size]!.label}: shuffled ids >= 80% of the sorted speed (ratio of medians)`,
      measured: `${((shuffled / sorted) * 100).toFixed(0)}%`,
      met: shuffled / sorted >= 0.8,
    });
  }
  return targets;
}

const load = (): string =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "100mb,1gb" },
      runs: { type: "string", default: "5" },
      clean: { type: "boolean", default: false },
    },
  });
  const sizes = values.sizes.split(",").map((s) => s.trim().toLowerCase());
  const unknown = sizes.filter((s) => !(s in SIZES));
  const runs = Number(values.runs);
  if (unknown.length > 0 || !Number.isInteger(runs) || runs < 1) {
    throw new BenchFailure(`usage: validate.bench.ts [--sizes 100mb,1gb] [--runs <n>] [--clean]`);
  }
  mkdirSync(dataDir, { recursive: true });
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, ${load()}`);
  const build = spawnSync(process.execPath, ["build.mjs"], { cwd: repo, stdio: "inherit" });
  if (build.status !== 0) throw new BenchFailure("build failed");
  ensurePeerPackage(DUCKDB, repo);
  ensurePeerPackage(POLARS, repo);
  const measured = new Map<string, Side[]>();
  for (const size of sizes) {
    const sides = await sidesFor(size);
    // Every side reads its file from the page cache: the first one timed must not pay for the disk alone.
    for (const file of new Set(sides.map((s) => s.file))) warmPageCache(file);
    console.log(`\n${path.basename(sides[0]!.file)}: ${runs} rounds`);
    const rows = measure(sides, runs);
    console.log(
      `\n${path.basename(sides[0]!.file)}: ${(sides[0]!.bytes / MB).toFixed(0)} MB, ${rows.toLocaleString("en-US")} rows, all counted by every side with one mean score; no repeated id or row found (validate, DuckDB like for like, polars); medians of ${runs} runs`,
    );
    printTable(sides);
    measured.set(size, sides);
  }
  // Other jobs on the machine widen the ranges: the load at the end says how busy it was while the sides ran.
  console.log(`\nat the end: ${load()}`);
  for (const t of targetsOf(measured)) {
    console.log(`${t.met === null ? "n/a   " : t.met ? "met   " : "MISSED"}  ${t.target}: ${t.measured}`);
  }
  if (values.clean) {
    for (const name of ["validate-1gb.csv", "validate-1gb-shuffled.csv"])
      rmSync(path.join(dataDir, name), { force: true });
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchFailure)) throw error;
  console.error(`\nFAILED  ${error.message}`);
  process.exitCode = 1;
}
