import { rm } from "node:fs/promises";
import path from "node:path";
import { bundleForBench, runChild } from "./bundle.ts";
import { median, pairedRatio, percent, rate, spread } from "./figures.ts";
import type { WorkerReport as Reported } from "./registry-github-worker.ts";

/**
 * The GitHub half of `npm run bench:registry`: publish and pull a 256 MiB model through a `github://` registry against
 * the stand-in for api.github.com (test/helpers/github-server.ts), and the same bytes up and down with a plain streaming
 * `node:http` POST to the same upload endpoint and GET of the same asset download URL (the signed URL the API's 302
 * names), in the same run, interleaved (the order reversed every round). A third tool, the same node:http hashing
 * with sha256 as the kit does, is a diagnostic: it shows what the hashing alone costs, so whatever the kit loses beyond
 * it is its own code.
 *
 * The stand-in runs in this process; every transfer runs in a child process of its own (bench/registry-github-worker.ts,
 * bundled with esbuild as dist/ is, run by plain `node` with bench/rss.mjs), so the peak RSS reported is that
 * process's alone, never the stand-in's (which writes assets to disk as they arrive). Times are taken inside the child,
 * so process start-up counts on neither side:
 * - kit: the model file's bytes, from the first chunk its store call passes on to the end of that call (the upload's
 *   answer; the download hashed, verified and renamed), the figure the target is judged on;
 * - kit whole: registry.publish, or registry.version + registry.pull, with every API call they make (counted here);
 * - plain: the POST, or the GET of the signed URL from the first byte of its body into the kit's file sink.
 * Exits 1 (through the failures returned) when a peer fails, the kit is under 90% of plain, or its RSS is not under
 * 128 MiB.
 */

const REPO = "octo-org/models";
const TOKEN = "ghs_bench_write_token";
/** kit/plain throughput, medians, at least this: the kit's streaming costs at most 10%. */
const RATIO_TARGET = 0.9;
/** Peak RSS of the process publishing or pulling, whatever the model's size. */
const RSS_LIMIT_MIB = 128;

const TOOLS = ["plainUp", "hashUp", "kitUp", "plainDown", "hashDown", "kitDown"] as const;
type Tool = (typeof TOOLS)[number];

/** What a child reports on its stdout's last line, and its peak RSS (bench/rss.mjs). */
interface WorkerReport extends Reported {
  rssKiB: number;
}

export interface GitHubBenchOptions {
  dataDir: string;
  /** The model file, already generated. */
  model: string;
  /** A 16 MiB file through the same code first: the memory floor, so the model's figures show what its size adds. */
  small: string;
  sizeMiB: number;
  rounds: number;
}

/** Runs the GitHub half; returns the failures (a peer that failed, a target missed), empty when all is well. */
export async function benchGitHub(options: GitHubBenchOptions): Promise<string[]> {
  const { dataDir, model, small, sizeMiB, rounds } = options;
  const { startFakeGitHub } = await import("../test/helpers/github-server.ts");
  const worker = await bundleForBench(
    path.join(import.meta.dirname, "registry-github-worker.ts"),
    path.join(dataDir, "github-worker"),
  );
  const server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "private" } } });
  const failures: string[] = [];
  let floor = { up: 0, down: 0 };
  const env = { ...process.env, GITHUB_API_URL: server.url, GITHUB_TOKEN: TOKEN, BENCH_GITHUB_REPO: REPO };
  // BENCH_PROFILE=<dir>: a CPU profile of every child (and its threads), to see where a transfer's time goes.
  const profiling = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const run = (args: string[]): Promise<WorkerReport> =>
    child(
      process.execPath,
      [...profiling, "--import", path.join(import.meta.dirname, "rss.mjs"), worker, ...args],
      env,
    );
  /** Runs one kit operation in a child, counting the API calls it made. */
  const counted = async (args: string[]): Promise<{ report: WorkerReport; calls: number; byOperation: string }> => {
    server.requests.length = 0;
    const report = await run(args);
    const calls = server.calls();
    return { report, calls: calls.total, byOperation: JSON.stringify(calls.byOperation) };
  };
  const results: Record<Tool, WorkerReport[]> = {
    kitUp: [],
    plainUp: [],
    hashUp: [],
    kitDown: [],
    plainDown: [],
    hashDown: [],
  };
  const calls: Record<string, { total: number[]; byOperation: string }> = {};
  const count = (what: string, total: number, byOperation: string): void => {
    const entry = (calls[what] ??= { total: [], byOperation });
    entry.total.push(total);
    entry.byOperation = byOperation;
  };
  try {
    // The plain peer uploads into a draft release of its own (the upload endpoint the kit's drafts have).
    const plainRelease = await createRelease(server.url, "bench-plain");
    const floorUp = await run(["publish", small]);
    const floorOut = path.join(dataDir, "github-small-pulled");
    const floorDown = await run(["pull", floorOut, floorUp.version ?? ""]);
    await rm(floorOut, { recursive: true, force: true });
    floor = { up: floorUp.rssKiB / 1024, down: floorDown.rssKiB / 1024 };
    let version = "";
    for (let round = 1; round <= rounds; round++) {
      console.log(`github round ${round} of ${rounds}`);
      const plainOut = path.join(dataDir, "plain-pulled.bin");
      const kitOut = path.join(dataDir, "github-pulled");
      const plainAssets: Record<string, number> = {};
      const plain = (hashing: "" | "sha256") => ({
        up: async (): Promise<void> => {
          const name = `plain${hashing}-${round}.bin`;
          const report = await run(["plain-upload", `${plainRelease.uploadUrl}?name=${name}`, model, hashing]);
          plainAssets[hashing] = report.assetId ?? 0;
          results[hashing ? "hashUp" : "plainUp"].push(report);
        },
        down: async (): Promise<void> => {
          const asset = `${server.url}/repos/${REPO}/releases/assets/${plainAssets[hashing] ?? 0}`;
          results[hashing ? "hashDown" : "plainDown"].push(await run(["plain-download", asset, plainOut, hashing]));
          await rm(plainOut, { force: true });
        },
      });
      const kitUp = async (): Promise<void> => {
        const { report, calls: total, byOperation } = await counted(["publish", model]);
        version = report.version ?? "";
        count("publish", total, byOperation);
        results.kitUp.push(report);
      };
      const kitDown = async (): Promise<void> => {
        const { report, calls: total, byOperation } = await counted(["pull", kitOut, version]);
        count("pull", total, byOperation);
        results.kitDown.push(report);
        await rm(kitOut, { recursive: true, force: true });
      };
      // Interleaved, the order reversed every round: no tool always runs on a warmer (or busier) machine.
      const ups = [plain("").up, plain("sha256").up, kitUp];
      const downs = [plain("").down, plain("sha256").down, kitDown];
      if (round % 2 === 0) {
        ups.reverse();
        downs.reverse();
      }
      for (const step of [...ups, ...downs]) await step();
      for (const name of TOOLS) {
        const last = results[name].at(-1);
        if (!last) continue;
        console.log(
          `  ${name.padEnd(9)} ${rate(sizeMiB, last.transferSeconds)}  whole ${rate(sizeMiB, last.seconds)}  ${(last.rssKiB / 1024).toFixed(0)} MiB RSS`,
        );
      }
      // The plain peer's assets are not kept: the stand-in writes every asset to disk.
      for (const id of Object.values(plainAssets)) await deleteAsset(server.url, id);
    }
    const promote = await counted(["promote", version]);
    count("promote", promote.calls, promote.byOperation);
    const champion = await counted(["champion"]);
    count("champion lookup", champion.calls, champion.byOperation);
    if (champion.report.version !== version) failures.push(`the champion lookup found ${champion.report.version}`);
    const problems = server.problems();
    if (problems.length > 0) failures.push(`the stand-in saw requests GitHub would refuse: ${problems.join("; ")}`);
  } catch (error) {
    failures.push(`a transfer failed: ${error instanceof Error ? error.message : String(error)}`);
    return failures;
  } finally {
    await server.stop();
  }
  failures.push(...summarise(results, calls, sizeMiB, rounds));
  console.log(
    `memory floor (a 16 MiB file through the same code): publish ${floor.up.toFixed(0)} MiB, pull ${floor.down.toFixed(0)} MiB RSS`,
  );
  return failures;
}

/** Prints the table; returns the targets missed. */
function summarise(
  results: Record<Tool, WorkerReport[]>,
  calls: Record<string, { total: number[]; byOperation: string }>,
  sizeMiB: number,
  rounds: number,
): string[] {
  const missed: string[] = [];
  const speeds = (list: WorkerReport[], pick: (r: WorkerReport) => number): number[] =>
    list.map((r) => sizeMiB / pick(r));
  const cpu = (list: WorkerReport[]): string => spread(list.map((r) => r.cpuSeconds * 1000));
  const cpuLines: string[] = [];
  console.log(
    `\n${sizeMiB} MiB file, GitHub stand-in on loopback, ${rounds} rounds interleaved; MiB/s as median (range). kit: ` +
      "the model file's bytes (sha256 computed up, verified down), whole: the registry operation with its API calls; " +
      "plain: node:http; plain+sha256: the same, hashing (a diagnostic, not a target)",
  );
  console.log(
    "direction  kit              kit whole        plain            kit/plain (rounds)  plain+sha256     kit/that  RSS kit  RSS plain",
  );
  for (const [direction, kit, plain, hashed] of [
    ["upload", results.kitUp, results.plainUp, results.hashUp],
    ["download", results.kitDown, results.plainDown, results.hashDown],
  ] as const) {
    const kitSpeeds = speeds(kit, (r) => r.transferSeconds);
    const plainSpeeds = speeds(plain, (r) => r.transferSeconds);
    const hashedSpeeds = speeds(hashed, (r) => r.transferSeconds);
    // Round by round too: each kit transfer against the plain one of its own round.
    const { ratio, shown: paired } = pairedRatio(kitSpeeds, plainSpeeds);
    const kitRss = Math.max(...kit.map((r) => r.rssKiB)) / 1024;
    const plainRss = Math.max(...plain.map((r) => r.rssKiB)) / 1024;
    console.log(
      [
        direction.padEnd(10),
        spread(kitSpeeds).padEnd(16),
        spread(speeds(kit, (r) => r.seconds)).padEnd(16),
        spread(plainSpeeds).padEnd(16),
        paired.padEnd(19),
        spread(hashedSpeeds).padEnd(16),
        percent(median(kitSpeeds) / median(hashedSpeeds)).padStart(8),
        `${kitRss.toFixed(0)} MiB`.padStart(8),
        `${plainRss.toFixed(0)} MiB`.padStart(10),
      ].join(" "),
    );
    cpuLines.push(
      `  ${direction.padEnd(9)} kit ${cpu(kit)}, plain ${cpu(plain)}, plain+sha256 ${cpu(hashed)} ms of CPU per ${sizeMiB} MiB`,
    );
    if (!(ratio >= RATIO_TARGET))
      missed.push(
        `the kit's ${direction} is ${percent(ratio)} of the plain ${direction}'s MiB/s, under ${percent(RATIO_TARGET)}`,
      );
    if (!(kitRss < RSS_LIMIT_MIB))
      missed.push(`the kit's ${direction} peaked at ${kitRss.toFixed(0)} MiB RSS, not under ${RSS_LIMIT_MIB} MiB`);
  }
  console.log(
    "CPU time over the transfer (user and system, every thread of the process; median (range)): what the bytes cost " +
      "whatever else the machine runs",
  );
  for (const line of cpuLines) console.log(line);
  console.log("API calls per operation (a fresh process each, as a CLI run or an action step):");
  for (const [what, { total, byOperation }] of Object.entries(calls)) {
    const range =
      Math.min(...total) === Math.max(...total) ? `${total[0]}` : `${Math.min(...total)}-${Math.max(...total)}`;
    console.log(`  ${what.padEnd(16)} ${range.padStart(5)}  ${byOperation}`);
  }
  console.log(
    `target: the kit >= ${percent(RATIO_TARGET)} of plain node:http both ways (medians); peak RSS of the kit's process < ${RSS_LIMIT_MIB} MiB`,
  );
  return missed;
}

/** Runs a child to its end and reads the JSON report on its last stdout line. */
async function child(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<WorkerReport> {
  const { stdout, rssKiB } = await runChild(command, args, env);
  const line = stdout.trim().split("\n").at(-1) ?? "";
  if (!line.startsWith("{")) throw new Error(`${args.at(-1) ?? command} reported nothing:\n${stdout}`);
  return { ...(JSON.parse(line) as Reported), rssKiB };
}

async function api(url: string, method: string, body?: unknown): Promise<Response> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, accept: "application/vnd.github+json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response;
}

async function createRelease(apiUrl: string, tag: string): Promise<{ id: number; uploadUrl: string }> {
  const response = await api(`${apiUrl}/repos/${REPO}/releases`, "POST", { tag_name: tag, draft: true });
  const release = (await response.json()) as { id: number; upload_url: string };
  // upload_url is a URI template: `.../assets{?name,label}`.
  return { id: release.id, uploadUrl: release.upload_url.replace(/\{.*\}$/, "") };
}

async function deleteAsset(apiUrl: string, id: number): Promise<void> {
  await api(`${apiUrl}/repos/${REPO}/releases/assets/${id}`, "DELETE");
}
