import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readSync, statfsSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCsv } from "./generate.ts";

/**
 * `npm run bench:validate`: `mlops validate` (schema checks + full profile, on every core) over a ~100 MB and a ~1 GB
 * mixed-type CSV made deterministically (bench/generate.ts), against DuckDB's SUMMARIZE on the same files in the same
 * run. Prints MB/s, peak RSS and the ratio. Targets (issue 3): >= 250 MB/s on the 1 GB file on 2 cores, about 2.5x
 * DuckDB's SUMMARIZE; peak RSS <= 256 MB, the same for both sizes. The data stays in bench/.data (gitignored);
 * `--clean` deletes the 1 GB file afterwards.
 */

const here = import.meta.dirname;
const repo = path.resolve(here, "..");
const dataDir = path.join(here, ".data");
const duckdbDir = path.join(dataDir, "duckdb");
const DUCKDB_VERSION = "1.5.6-r.1";
const MB = 1024 * 1024;
const sizes = [
  { name: "validate-100mb.csv", bytes: 100 * MB },
  { name: "validate-1gb.csv", bytes: 1024 * MB },
];

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

interface Run {
  seconds: number;
  maxRssMb: number;
  output: string;
}

function timed(args: string[], cwd: string): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", path.join(here, "rss.mjs"), ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * MB,
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(result.stderr)?.[1];
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  return { seconds, maxRssMb: Number(rss ?? 0) / 1024, output: result.stdout };
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

function ensureDuckdb(): boolean {
  if (existsSync(path.join(duckdbDir, "node_modules/@duckdb/node-api"))) return true;
  mkdirSync(duckdbDir, { recursive: true });
  writeFileSync(path.join(duckdbDir, "package.json"), '{ "private": true }\n');
  console.log(
    `installing @duckdb/node-api@${DUCKDB_VERSION} into ${path.relative(repo, duckdbDir)} (not a dependency)...`,
  );
  const install = spawnSync(
    "npm",
    ["install", "--no-save", "--no-audit", "--no-fund", `@duckdb/node-api@${DUCKDB_VERSION}`],
    {
      cwd: duckdbDir,
      stdio: "inherit",
    },
  );
  return install.status === 0;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const build = spawnSync(process.execPath, ["build.mjs"], { cwd: repo, stdio: "inherit" });
  if (build.status !== 0) throw new Error("build failed");
  const duckdb = ensureDuckdb();
  const rows: string[][] = [];
  for (const size of sizes) {
    const file = path.join(dataDir, size.name);
    if (!existsSync(file) || Math.abs(statSync(file).size - size.bytes) > 4 * MB) {
      const free = statfsSync(dataDir);
      if (free.bavail * free.bsize < size.bytes * 1.5) {
        console.log(`skipping ${size.name}: less than ${((size.bytes * 1.5) / MB).toFixed(0)} MB free`);
        continue;
      }
      console.log(`generating ${size.name} ...`);
      await generateCsv(file, size.bytes);
    }
    const bytes = statSync(file).size;
    const config = path.join(dataDir, `${size.name}.yml`);
    writeFileSync(
      config,
      `version: 1\nmodel: { name: bench }\ndata:\n  train: ${size.name}\n${SCHEMA}publish: { promote: false, files: [${size.name}] }\n`,
    );
    // Both tools read the file from the page cache: the first one timed must not pay for the disk alone.
    warmPageCache(file);
    const ours = timed([path.join(repo, "dist/cli.js"), "validate", "--config", config, "--json"], dataDir);
    const result = JSON.parse(ours.output) as { verdict: string; errors: number; datasets: { rows: number }[] };
    const mbps = bytes / MB / ours.seconds;
    let peer = "—";
    let ratio = "—";
    let peerRss = "—";
    if (duckdb) {
      const run = timed([path.join(here, "duckdb-summarize.mjs"), duckdbDir, file], dataDir);
      const peerMbps = bytes / MB / run.seconds;
      peer = `${peerMbps.toFixed(0)} MB/s (${run.seconds.toFixed(2)} s)`;
      peerRss = `${run.maxRssMb.toFixed(0)} MB`;
      ratio = `${(mbps / peerMbps).toFixed(2)}x`;
    }
    rows.push([
      size.name,
      `${(bytes / MB).toFixed(0)} MB, ${result.datasets[0]?.rows ?? "?"} rows`,
      `${mbps.toFixed(0)} MB/s (${ours.seconds.toFixed(2)} s)`,
      `${ours.maxRssMb.toFixed(0)} MB`,
      `${result.verdict}, ${result.errors} errors`,
      peer,
      peerRss,
      ratio,
    ]);
  }
  const headers = ["file", "size", "mlops validate", "peak RSS", "verdict", "DuckDB SUMMARIZE", "DuckDB RSS", "ratio"];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`\n${line(headers)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}`);
  console.log(
    "\ntargets: >= 250 MB/s on the 1 GB file (2 cores), about 2.5x DuckDB's SUMMARIZE; peak RSS <= 256 MB for both sizes",
  );
  if (process.argv.includes("--clean")) {
    const big = path.join(dataDir, "validate-1gb.csv");
    if (existsSync(big)) (await import("node:fs")).rmSync(big);
  }
}

await main();
