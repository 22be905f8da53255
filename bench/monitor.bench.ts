import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { copyFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DAYS, FIRST_DAY, generateMonitorProject } from "./monitor-world.ts";
import { median, spread } from "./figures.ts";

/**
 * `npm run bench:monitor` (issue 18): `mlops monitor` over 10 million logged predictions in 30 daily CSV files (12
 * features, daily label files; bench/monitor-world.ts), against `mlops validate` profiling the same log files as its
 * training data, interleaved in the same run. Each round times a full monitor run (a fresh monitoring log), an
 * incremental run that adds day 31, the peer, and a full run over 2.5 million rows (for the memory's flatness).
 * Targets: the monitor's throughput at least the peer's; peak RSS under 256 MB at both sizes and about the same
 * (within 20%); the incremental run under 5% of the full run. Exits 1 when a target is missed or a run fails.
 * The projects stay in bench/.data (gitignored). `--runs <n>` (default 5) rounds.
 */

const here = import.meta.dirname;
const repo = path.resolve(here, "..");
const cli = path.join(repo, "dist/cli.js");
const MB = 1024 * 1024;
const DAY = 86_400_000;
/** Both kinds of run use the same time: day 32, 01:00 UTC, so adding day 31's log is the only change. */
const NOW = new Date(FIRST_DAY + (DAYS + 1) * DAY + 3_600_000).toISOString();

interface Run {
  seconds: number;
  maxRssMb: number;
  output: string;
}

function timed(args: string[], cwd: string): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", path.join(here, "rss.mjs"), cli, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * MB,
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(result.stderr)?.[1];
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`mlops ${args.join(" ")} in ${cwd} exited ${result.status}:\n${result.stderr}`);
  return { seconds, maxRssMb: Number(rss ?? 0) / 1024, output: result.stdout };
}

function warmPageCache(files: readonly string[]): void {
  const buffer = Buffer.allocUnsafe(4 * MB);
  for (const file of files) {
    const fd = openSync(file, "r");
    try {
      for (let at = 0, n = 0; (n = readSync(fd, buffer, 0, buffer.length, at)) > 0; at += n);
    } finally {
      closeSync(fd);
    }
  }
}

interface Project {
  dir: string;
  rows: number;
  logs: string[];
  bytes: number;
}

async function project(name: string, rows: number): Promise<Project> {
  const dir = path.join(here, ".data", name);
  const done = path.join(dir, ".generated");
  if (!existsSync(done)) {
    console.log(`generating ${path.relative(repo, dir)} (${rows.toLocaleString("en")} rows) ...`);
    await generateMonitorProject(dir, rows, cli);
    await writeFile(done, `${rows}\n`);
  }
  await removeDay31(dir);
  const logs = readdirSync(path.join(dir, "logs"))
    .sort()
    .map((file) => path.join(dir, "logs", file));
  return { dir, rows, logs, bytes: logs.reduce((sum, file) => sum + statSync(file).size, 0) };
}

const day31 = (dir: string): string => path.join(dir, "logs", "2026-03-31.csv");
const removeDay31 = (dir: string): Promise<void> => rm(day31(dir), { force: true });

interface MonitorJson {
  verdict: string;
  windows: { window: { key: string }; rows: number }[];
}

/** A full run from a fresh monitoring log; checks it measured every window with every row. */
async function fullRun(p: Project, failures: string[]): Promise<Run> {
  await removeDay31(p.dir);
  await rm(path.join(p.dir, "registry/scorer/monitor"), { recursive: true, force: true });
  const run = timed(["monitor", "--json", "--now", NOW], p.dir);
  const result = JSON.parse(run.output) as MonitorJson;
  // The run's time is past day 31's end, whose log comes only in the incremental run: that window is recorded with
  // 0 rows, as an outage would be, and measured again once its log arrives.
  const measured = result.windows.filter((w) => w.rows > 0);
  const rows = measured.reduce((sum, w) => sum + w.rows, 0);
  const empty = result.windows.filter((w) => w.rows === 0).map((w) => w.window.key);
  if (measured.length !== DAYS || rows !== Math.round(p.rows / DAYS) * DAYS || empty.join() !== "2026-03-31")
    failures.push(
      `full run over ${p.rows} rows measured ${measured.length} windows with ${rows} rows (empty: ${empty.join(", ")})`,
    );
  return run;
}

/** After a full run: day 31's log arrives, and the run computes its window alone. */
async function incrementalRun(p: Project, failures: string[]): Promise<Run> {
  await copyFile(path.join(p.dir, "day-31.csv"), day31(p.dir));
  try {
    const run = timed(["monitor", "--json", "--now", NOW], p.dir);
    const result = JSON.parse(run.output) as MonitorJson;
    const keys = result.windows.map((w) => w.window.key).join(", ");
    if (keys !== "2026-03-31") failures.push(`the incremental run computed windows ${keys}, not 2026-03-31 alone`);
    return run;
  } finally {
    await removeDay31(p.dir);
  }
}

function validateRun(p: Project, failures: string[]): Run {
  const run = timed(["validate", "--config", "validate.yml", "--json"], p.dir);
  const result = JSON.parse(run.output) as { datasets: { rows: number }[] };
  const rows = result.datasets[0]?.rows;
  if (rows !== Math.round(p.rows / DAYS) * DAYS) failures.push(`the peer (mlops validate) read ${rows} rows`);
  return run;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
  const runs = Math.max(1, Number(values.runs));
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const build = spawnSync(process.execPath, ["build.mjs"], { cwd: repo, stdio: "inherit" });
  if (build.status !== 0) throw new Error("build failed");
  const big = await project("monitor-10m", 10_000_000);
  const small = await project("monitor-2.5m", 2_500_000);
  warmPageCache([...big.logs, ...small.logs]);
  const failures: string[] = [];
  const full: Run[] = [];
  const incremental: Run[] = [];
  const peer: Run[] = [];
  const smallFull: Run[] = [];
  for (let round = 1; round <= runs; round++) {
    full.push(await fullRun(big, failures));
    incremental.push(await incrementalRun(big, failures));
    peer.push(validateRun(big, failures));
    smallFull.push(await fullRun(small, failures));
    console.log(
      `round ${round}/${runs}: monitor ${full.at(-1)?.seconds.toFixed(2)} s, incremental ${incremental.at(-1)?.seconds.toFixed(2)} s, validate ${peer.at(-1)?.seconds.toFixed(2)} s, monitor (2.5M) ${smallFull.at(-1)?.seconds.toFixed(2)} s`,
    );
  }
  const mbps = (p: Project, run: Run): number => p.bytes / MB / run.seconds;
  const throughputRatio = full.map((run, i) => mbps(big, run) / mbps(big, peer[i] ?? run));
  const incrementalShare = incremental.map((run, i) => run.seconds / (full[i]?.seconds ?? run.seconds));
  const rssBig = full.map((run) => run.maxRssMb);
  const rssSmall = smallFull.map((run) => run.maxRssMb);
  const rssGrowth = median(rssBig) / median(rssSmall);
  const rows: string[][] = [
    ["log files", `${DAYS} days, ${big.rows.toLocaleString("en")} rows, ${(big.bytes / MB).toFixed(0)} MB`, "", ""],
    [
      "mlops monitor, full run",
      `${spread(
        full.map((r) => r.seconds),
        2,
        " s",
      )}`,
      spread(
        full.map((r) => mbps(big, r)),
        0,
        " MB/s",
      ),
      spread(rssBig, 0, " MB"),
    ],
    [
      "mlops validate (peer)",
      spread(
        peer.map((r) => r.seconds),
        2,
        " s",
      ),
      spread(
        peer.map((r) => mbps(big, r)),
        0,
        " MB/s",
      ),
      spread(
        peer.map((r) => r.maxRssMb),
        0,
        " MB",
      ),
    ],
    [
      "incremental run (adds day 31)",
      spread(
        incremental.map((r) => r.seconds),
        2,
        " s",
      ),
      "",
      spread(
        incremental.map((r) => r.maxRssMb),
        0,
        " MB",
      ),
    ],
    [
      `mlops monitor, ${small.rows.toLocaleString("en")} rows`,
      spread(
        smallFull.map((r) => r.seconds),
        2,
        " s",
      ),
      spread(
        smallFull.map((r) => mbps(small, r)),
        0,
        " MB/s",
      ),
      spread(rssSmall, 0, " MB"),
    ],
  ];
  const headers = ["run", "time: median (range)", "throughput", "peak RSS"];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  console.log(`\n${line(headers)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}`);

  const targets = [
    {
      target: "throughput >= mlops validate's on the same bytes",
      measured: `${spread(throughputRatio, 2, "x")} of the peer's`,
      met: median(throughputRatio) >= 1,
    },
    {
      target: "peak RSS < 256 MB (10M rows)",
      measured: spread(rssBig, 0, " MB"),
      met: Math.max(...rssBig) < 256,
    },
    {
      target: "peak RSS flat with the rows (10M vs 2.5M within 20%)",
      measured: `${rssGrowth.toFixed(2)}x`,
      met: rssGrowth <= 1.2 && Math.max(...rssSmall) < 256,
    },
    {
      target: "incremental run < 5% of the full run",
      measured: spread(
        incrementalShare.map((share) => share * 100),
        1,
        "%",
      ),
      met: median(incrementalShare) < 0.05,
    },
  ];
  console.log("");
  for (const t of targets) console.log(`${t.met ? "met   " : "MISSED"}  ${t.target}: ${t.measured}`);
  for (const failure of failures) console.log(`FAILED  ${failure}`);
  if (targets.some((t) => !t.met) || failures.length > 0) process.exitCode = 1;
}

await main();
