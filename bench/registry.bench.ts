import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, open, rm, stat } from "node:fs/promises";
import path from "node:path";
import { MULTIPART_PART_SIZE, MULTIPART_QUEUE_SIZE } from "../src/store/s3-store.ts";
import { benchGitHub } from "./registry-github.ts";

/**
 * `npm run bench:registry`: publish and pull a 1 GiB model file to a local S3 server (s3rver), and copy the same file
 * up and down with Debian's awscli (`/usr/bin/aws s3 cp`) against the same server in the same run.
 *
 * Ours: `mlops`'s registry (publish = multipart upload with the sha256 computed from the bytes as they are sent; pull
 * = download with the sha256 verified in the same pass). Each transfer runs in its own process, so its peak RSS is
 * its own; both tools are timed from process start to exit, so start-up counts on both sides. Every transfer runs
 * ROUNDS times, alternating tools; the best round of each counts (the machine is shared, noise only ever slows).
 *
 * Then the GitHub registry (`github://owner/repo`) against the stand-in for api.github.com, with a 256 MiB model,
 * against plain streaming node:http to the same upload endpoint and asset URL: see bench/registry-github.ts.
 *
 * Options (environment): BENCH_SIZE_MIB (default 1024), BENCH_ROUNDS (default 2), BENCH_GITHUB_SIZE_MIB (default 256),
 * BENCH_GITHUB_ROUNDS (default 5), BENCH_ONLY=s3 or github runs one half, BENCH_KEEP=1 keeps bench/.data/registry.
 * The S3 half needs /usr/bin/aws (apt-get install awscli). Exits 1 when a peer fails or a GitHub target is missed.
 */

const MiB = 1024 * 1024;
const here = import.meta.dirname;
// Its own folder under bench/.data: deleting it afterwards must not delete the other benches' data (or DuckDB).
const dataDir = path.join(here, ".data", "registry");
const AWS = "/usr/bin/aws";

interface Measured {
  seconds: number;
  /** Peak resident set size, MiB. */
  rssMiB: number;
}

if (process.argv[2] === "worker") {
  await worker(process.argv.slice(3));
} else {
  await main();
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const failures: string[] = [];
  await mkdir(dataDir, { recursive: true });
  try {
    if (only !== "github") failures.push(...(await benchS3()));
    if (only !== "s3") {
      const sizeMiB = Number(process.env.BENCH_GITHUB_SIZE_MIB ?? 256);
      const model = path.join(dataDir, "github-model.bin");
      console.log(`\ngenerating ${sizeMiB} MiB of deterministic data in ${path.relative(process.cwd(), model)}`);
      await generate(model, sizeMiB * MiB);
      const small = path.join(dataDir, "small.bin");
      await generate(small, 16 * MiB);
      const rounds = Number(process.env.BENCH_GITHUB_ROUNDS ?? 5);
      failures.push(...(await benchGitHub({ dataDir, model, small, sizeMiB, rounds })));
    }
  } finally {
    if (process.env.BENCH_KEEP !== "1") await rm(dataDir, { recursive: true, force: true });
  }
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

/** The S3 half: returns its failures (the peer missing or failing). */
async function benchS3(): Promise<string[]> {
  const sizeMiB = Number(process.env.BENCH_SIZE_MIB ?? 1024);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  if (!existsSync(AWS)) {
    return [`${AWS} is missing: apt-get install awscli (Debian's package is the peer the S3 half compares with)`];
  }
  const model = path.join(dataDir, "model.bin");
  const storage = path.join(dataDir, "s3rver");
  await rm(storage, { recursive: true, force: true });
  console.log(`generating ${sizeMiB} MiB of deterministic data in ${path.relative(process.cwd(), model)}`);
  await generate(model, sizeMiB * MiB);

  const { startS3Server } = await import("../test/helpers/s3-server.ts");
  const server = await startS3Server(["bench"], storage);
  const env = { ...process.env, ...server.env, AWS_EC2_METADATA_DISABLED: "true", AWS_PAGER: "" };
  const results: Record<string, Measured[]> = { oursUp: [], awsUp: [], oursDown: [], awsDown: [] };
  const baseline: Measured[] = [];
  try {
    // The same two transfers of a 16 MiB file: the memory floor (Node, tsx, the SDK), so the 1 GiB figures show
    // what the transfer itself adds (the multipart window), not the size of the file.
    const small = path.join(dataDir, "small.bin");
    await generate(small, 16 * MiB);
    const script = path.join(here, "registry.bench.ts");
    baseline.push(
      await timed(
        process.execPath,
        ["--import", "tsx", script, "worker", "publish", server.endpoint, small, "small"],
        env,
      ),
    );
    baseline.push(
      await timed(
        process.execPath,
        ["--import", "tsx", script, "worker", "pull", server.endpoint, path.join(dataDir, "small-out"), "small"],
        env,
      ),
    );
    // awscli under /usr/bin/time, which prints its peak RSS (KiB) for timed() to read.
    const awsCopy = (from: string, to: string): Promise<Measured> =>
      timed(
        "/usr/bin/time",
        ["-f", "%M", AWS, "s3", "cp", "--only-show-errors", from, to, "--endpoint-url", server.endpoint],
        env,
      );
    for (let round = 1; round <= rounds; round++) {
      console.log(`round ${round} of ${rounds}`);
      const awsUp = await awsCopy(model, "s3://bench/aws/model.bin");
      results.awsUp?.push(awsUp);
      const oursUp = await timed(
        process.execPath,
        ["--import", "tsx", path.join(here, "registry.bench.ts"), "worker", "publish", server.endpoint, model],
        env,
      );
      results.oursUp?.push(oursUp);
      const awsOut = path.join(dataDir, "aws-pulled.bin");
      const awsDown = await awsCopy("s3://bench/aws/model.bin", awsOut);
      results.awsDown?.push(awsDown);
      await rm(awsOut, { force: true });
      const oursOut = path.join(dataDir, "pulled");
      const oursDown = await timed(
        process.execPath,
        ["--import", "tsx", path.join(here, "registry.bench.ts"), "worker", "pull", server.endpoint, oursOut],
        env,
      );
      results.oursDown?.push(oursDown);
      await rm(oursOut, { recursive: true, force: true });
      for (const [name, list] of Object.entries(results)) {
        const last = list.at(-1);
        if (last) console.log(`  ${name.padEnd(8)} ${rate(sizeMiB, last.seconds)}  ${last.rssMiB.toFixed(0)} MiB RSS`);
      }
    }
  } catch (error) {
    return [`an S3 transfer failed: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    await server.stop();
  }

  const best = (name: string): Measured =>
    (results[name] ?? []).reduce((a, b) => (b.seconds < a.seconds ? b : a), { seconds: Infinity, rssMiB: 0 });
  const rows = [
    ["upload", best("oursUp"), best("awsUp")],
    ["download", best("oursDown"), best("awsDown")],
  ] as const;
  console.log(
    `\n${sizeMiB} MiB file, s3rver on loopback, best of ${rounds}; ours includes sha256 (computed / verified)`,
  );
  console.log("direction  ours          awscli        ours/awscli  RSS ours  RSS awscli");
  for (const [direction, ours, aws] of rows) {
    console.log(
      `${direction.padEnd(10)} ${rate(sizeMiB, ours.seconds)}  ${rate(sizeMiB, aws.seconds)}  ${`${((aws.seconds / ours.seconds) * 100).toFixed(0)}%`.padStart(11)}  ${`${ours.rssMiB.toFixed(0)} MiB`.padStart(8)}  ${`${aws.rssMiB.toFixed(0)} MiB`.padStart(10)}`,
    );
  }
  console.log(
    `memory floor (a 16 MiB file through the same code): upload ${baseline[0]?.rssMiB.toFixed(0)} MiB, download ${baseline[1]?.rssMiB.toFixed(0)} MiB RSS; multipart window ${(MULTIPART_QUEUE_SIZE * MULTIPART_PART_SIZE) / MiB} MiB (${MULTIPART_QUEUE_SIZE} parts of ${MULTIPART_PART_SIZE / MiB} MiB)`,
  );
  console.log("target: ours >= 90% of awscli both ways; our RSS bounded by the multipart window, not the file size");
  return [];
}

function rate(sizeMiB: number, seconds: number): string {
  return `${(sizeMiB / seconds).toFixed(0).padStart(5)} MiB/s`.padEnd(12);
}

/** Runs a command to its end; wall time from spawn to exit, peak RSS from `/usr/bin/time -f %M` or our worker. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr}${stdout}`));
        return;
      }
      // /usr/bin/time prints max RSS in KiB as the last stderr line; our worker prints its own as JSON on stdout.
      const worker = /\{"rssKiB":(\d+)\}/.exec(stdout)?.[1];
      const kib = Number(worker ?? stderr.trim().split("\n").at(-1));
      resolve({ seconds, rssMiB: kib / 1024 });
    });
  });
}

/** xorshift32 words: incompressible enough, the same bytes on every run. Written in 8 MiB blocks. */
async function generate(file: string, size: number): Promise<void> {
  if (existsSync(file) && (await stat(file)).size === size) return;
  const handle = await open(file, "w");
  try {
    const block = Buffer.allocUnsafe(8 * MiB);
    let x = 2463534242;
    for (let written = 0; written < size; written += block.length) {
      for (let i = 0; i < block.length; i += 4) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        block.writeUInt32LE(x >>> 0, i);
      }
      await handle.write(block, 0, Math.min(block.length, size - written));
    }
  } finally {
    await handle.close();
  }
}

/** One transfer through the registry, in its own process. */
async function worker([action, endpoint, target, model = "bench"]: string[]): Promise<void> {
  const { createS3Store } = await import("../src/store/s3-store.ts");
  const { createRegistry } = await import("../src/registry/registry.ts");
  const store = createS3Store({ bucket: "bench", prefix: "registry" }, { ...(endpoint ? { endpoint } : {}) });
  const registry = createRegistry(store);
  if (action === "publish" && target) {
    await registry.publish({
      model,
      files: [{ path: "model.bin", source: target }],
      metrics: {},
      slices: [],
      gate: { verdict: "pass", baseline: null },
      params: {},
      data: [],
      git: { sha: null, ref: null },
      runUrl: null,
      actor: "bench",
      kitVersion: "bench",
    });
  } else if (action === "pull" && target) {
    const versions = await registry.versions(model);
    const latest = versions.at(-1);
    if (!latest) throw new Error("nothing published yet");
    await registry.pull(latest, target);
  } else {
    throw new Error(`unknown worker action ${action}`);
  }
  process.stdout.write(`${JSON.stringify({ rssKiB: process.resourceUsage().maxRSS })}\n`);
}
