import { spawn } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import { THREAD_ENTRIES } from "../src/files/worker-thread.ts";

/** The entries the kit's threads start from, bundled beside a bench's child too, so it uses every core as the product does. */
const threadEntries = THREAD_ENTRIES.map(({ name, source }) => ({
  in: path.join(import.meta.dirname, "..", source),
  out: name,
}));

/**
 * A bench's child as the kit ships: one ESM bundle with build.mjs's options (lazily loaded chunks), run by plain
 * `node`, never through tsx, so its start-up and memory are the product's.
 */
export async function bundleForBench(entry: string, outdir: string): Promise<string> {
  await build({
    entryPoints: [{ in: entry, out: path.basename(entry, path.extname(entry)) }, ...threadEntries],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  return path.join(outdir, `${path.basename(entry, path.extname(entry))}.js`);
}

export interface ChildResult {
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  seconds: number;
  /** Peak RSS of the child (bench/rss.mjs's line, or /usr/bin/time -f %M's last line), KiB. */
  rssKiB: number;
}

/**
 * Runs a child to its end; anything but exit 0 rejects with its output (a failed side fails the bench), and so does
 * a child whose peak RSS was not reported.
 */
export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const spawned = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    spawned.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    spawned.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    spawned.on("error", reject);
    spawned.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss =
        /BENCH_MAX_RSS_KB (\d+)/.exec(stderr)?.[1] ?? /^(\d+)$/.exec(stderr.trim().split("\n").at(-1) ?? "")?.[1];
      if (code !== 0 || rss === undefined) {
        const shown = args.map((arg) => (arg.includes("/") ? path.basename(arg) : arg)).join(" ");
        reject(new Error(`${path.basename(command)} ${shown} exited with ${code}:\n${stderr}${stdout}`));
        return;
      }
      resolve({ stdout, stderr, seconds, rssKiB: Number(rss) });
    });
  });
}
