import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundleForBench } from "./bundle.ts";
import { median } from "./figures.ts";

/**
 * `npm run bench:startup`: how long the validate and gate actions and `mlops check` take to start, as whole-process
 * wall time (spawn to exit) of the bundles as the kit ships them (build.mjs, built fresh into a temporary folder),
 * against `node -e 0` in the same run. Each side is pointed at an mlops.yml with a config error (an unknown key), so it
 * loads, reads the config, reports the error and exits: only loading is timed. A side must exit as it does for a config
 * error (an action 1 with its annotation, `mlops check` 2 with its message): a crash or any other exit fails the bench,
 * and so does a failing `node -e 0`. Target (issue 22): each median within 2x the median of `node -e 0`; missing it
 * fails the bench. Sides run interleaved, round after round, after warm-up rounds that are discarded.
 *
 * One more side is a diagnostic, not a target: the config loader alone (bench/startup-config-only.ts: YAML, the zod
 * schema, the cross-field rules, nothing else), bundled the same way. Every side reads mlops.yml first, so its figure
 * is a floor under theirs: it shows how much of their start-up the config loading takes, whatever else is left out.
 */

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
  },
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);
if (!(Number.isInteger(runs) && runs >= 5 && Number.isInteger(warmup) && warmup >= 0))
  throw new Error("--runs takes a whole number >= 5, --warmup a whole number >= 0");

const TARGET_RATIO = 2;
const repo = path.resolve(import.meta.dirname, "..");

/** One process to time: how it is started, and how it must end for the run to count. */
interface Side {
  label: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  expectedStatus: number;
  /** Text the run must print (stdout and stderr together): proof it stopped at the config error, not elsewhere. */
  expectedText: string | null;
}

// An unknown key with a near miss: the config parses as YAML and fails its schema, so the whole config loader runs.
const BROKEN_CONFIG = "version: 1\nmodel: { name: startup-bench }\ndata: { train: train.csv }\ngate: { rulez: [] }\n";
const CONFIG_ERROR_TEXT = "unknown key `rulez`";

/** The environment a runner gives a JavaScript action's step: its folders and files, each input as INPUT_<NAME>. */
function actionEnv(base: NodeJS.ProcessEnv, root: string, inputs: Record<string, string>): NodeJS.ProcessEnv {
  const files = path.join(root, "runner-files");
  mkdirSync(files, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...base,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_WORKSPACE: path.join(root, "project"),
    RUNNER_TEMP: path.join(root, "runner-temp"),
    GITHUB_OUTPUT: path.join(files, "output"),
    GITHUB_STEP_SUMMARY: path.join(files, "summary"),
    GITHUB_ENV: path.join(files, "env"),
    GITHUB_STATE: path.join(files, "state"),
  };
  for (const file of ["output", "summary", "env", "state"]) writeFileSync(path.join(files, file), "");
  // The runner keeps an input's name as written, spaces to underscores, upper-cased: INPUT_WORKING-DIRECTORY.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  return env;
}

function timeOnce(side: Side): { ms: number; failure: string | null } {
  const started = performance.now();
  const result = spawnSync(process.execPath, side.args, { cwd: side.cwd, env: side.env, encoding: "utf8" });
  const ms = performance.now() - started;
  const printed = `${result.stdout}${result.stderr}`;
  if (result.error) return { ms, failure: `could not start: ${result.error.message}` };
  if (result.status !== side.expectedStatus)
    return { ms, failure: `exited with ${result.status ?? result.signal}, not ${side.expectedStatus}:\n${printed}` };
  if (side.expectedText !== null && !printed.includes(side.expectedText))
    return { ms, failure: `did not print "${side.expectedText}":\n${printed}` };
  return { ms, failure: null };
}

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const root = mkdtempSync(path.join(os.tmpdir(), "mlops-startup-"));
  try {
    const dist = path.join(root, "dist");
    const build = spawnSync(process.execPath, ["build.mjs", dist], { cwd: repo, stdio: "inherit" });
    if (build.status !== 0) throw new Error("build failed");
    // As the kit ships: dist/ beside the package.json that makes its .js files ES modules. Without it, Node would
    // first try each file as CommonJS, and time a layout no action has.
    copyFileSync(path.join(repo, "package.json"), path.join(root, "package.json"));
    const configOnly = await bundleForBench(
      path.join(import.meta.dirname, "startup-config-only.ts"),
      path.join(root, "config-only"),
    );
    const project = path.join(root, "project");
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, "mlops.yml"), BROKEN_CONFIG);
    // A plain environment, the same for every side: nothing of the caller's leaks in (NODE_OPTIONS, or
    // NODE_EXTRA_CA_CERTS, which alone adds ~25 ms to every start of node on a machine that sets it).
    const base: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? root, LANG: "C.UTF-8" };
    const common = { config: "mlops.yml", "working-directory": ".", "registry-token": "" };
    const actionSide = (name: string, inputs: Record<string, string>): Side => ({
      label: `node dist/${name}.js`,
      args: [path.join(dist, `${name}.js`)],
      env: actionEnv(base, root, { ...common, ...inputs }),
      cwd: project,
      expectedStatus: 1,
      // The annotation at the broken key, as failStep writes it for a ConfigError (src/actions/door.ts).
      expectedText: `::error file=mlops.yml,line=4,col=9::gate.rulez: ${CONFIG_ERROR_TEXT}`,
    });
    const peer: Side = {
      label: "node -e 0",
      args: ["-e", "0"],
      env: base,
      cwd: project,
      expectedStatus: 0,
      expectedText: null,
    };
    const floor: Side = {
      label: "config loader alone",
      args: [configOnly],
      env: base,
      cwd: project,
      expectedStatus: 2,
      expectedText: CONFIG_ERROR_TEXT,
    };
    const sides: Side[] = [
      peer,
      floor,
      actionSide("validate", { profiles: "", workers: "" }),
      actionSide("gate", { "github-token": "" }),
      {
        label: "node dist/cli.js check",
        args: [path.join(dist, "cli.js"), "check"],
        env: base,
        cwd: project,
        expectedStatus: 2,
        expectedText: CONFIG_ERROR_TEXT,
      },
    ];
    const times = new Map<Side, number[]>(sides.map((side) => [side, []]));
    for (let round = 0; round < warmup + runs; round++) {
      // Interleaved, starting one side later each round, so a busy spell on the machine falls on every side alike.
      for (let i = 0; i < sides.length; i++) {
        const side = sides[(round + i) % sides.length] as Side;
        const { ms, failure } = timeOnce(side);
        if (failure !== null) {
          console.error(`FAILED: ${side.label} ${failure}`);
          process.exitCode = 1;
          return;
        }
        if (round >= warmup) times.get(side)?.push(ms);
      }
    }
    const summary = sides.map((side) => {
      const sorted = [...(times.get(side) ?? [])].sort((a, b) => a - b);
      return { side, median: median(sorted), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
    });
    const peerMedian = summary[0]?.median ?? Number.NaN;
    const rows = [["", "median ms", "range ms", `x node -e 0`, `target <= ${TARGET_RATIO.toFixed(1)}x`]];
    const missed: string[] = [];
    for (const { side, median: m, min, max } of summary) {
      const ratio = m / peerMedian;
      const isPeer = side === peer;
      const isFloor = side === floor;
      if (!isPeer && !isFloor && !(ratio <= TARGET_RATIO)) missed.push(`${side.label} ${ratio.toFixed(2)}x`);
      rows.push([
        side.label,
        m.toFixed(0),
        `${min.toFixed(0)}-${max.toFixed(0)}`,
        `${ratio.toFixed(2)}x`,
        isPeer ? "(peer)" : isFloor ? "(floor)" : ratio <= TARGET_RATIO ? "met" : "MISSED",
      ]);
    }
    const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
    console.log(`wall time from spawn to exit, ${runs} runs each after ${warmup} warm-up rounds, interleaved`);
    for (const r of rows)
      console.log(
        r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("   "),
      );
    if (missed.length > 0) {
      console.error(`FAILED: start-up over ${TARGET_RATIO}x node -e 0: ${missed.join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
