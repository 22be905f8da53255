import { existsSync } from "node:fs";
import { mkdir, open, rm, stat } from "node:fs/promises";
import path from "node:path";
import { benchGitHub } from "./registry-github.ts";
import { benchS3 } from "./registry-s3.ts";

/**
 * `npm run bench:registry`: the registry's transfers against a named peer on the same server in the same run.
 * - S3 (bench/registry-s3.ts): publish and pull a 1 GiB model through s3rver on loopback, against Debian's awscli
 *   (`aws s3 cp`) copying the same file up and down. Needs /usr/bin/aws (apt-get install awscli).
 * - GitHub (bench/registry-github.ts): publish and pull a 256 MiB model through a `github://` registry on the stand-in
 *   for api.github.com, against plain streaming node:http to the same upload endpoint and asset URL.
 * Every transfer runs in a process of its own, bundled as the kit ships, so its peak RSS is its own. Rounds are
 * interleaved and each figure is a median with its range.
 *
 * Options (environment): BENCH_SIZE_MIB (default 1024), BENCH_ROUNDS (default 5), BENCH_GITHUB_SIZE_MIB (default 256),
 * BENCH_GITHUB_ROUNDS (default 5), BENCH_ONLY=s3 or github runs one half, BENCH_KEEP=1 keeps bench/.data/registry.
 * Exits 1 when a peer or one of ours fails, or a target is missed.
 */

const MiB = 1024 * 1024;
// Its own folder under bench/.data: deleting it afterwards must not delete the other benches' data (or DuckDB).
const dataDir = path.join(import.meta.dirname, ".data", "registry");

const only = process.env.BENCH_ONLY;
const failures: string[] = [];
await mkdir(dataDir, { recursive: true });
try {
  // A 16 MiB file through the same code first, on both halves: the memory floor.
  const small = path.join(dataDir, "small.bin");
  await generate(small, 16 * MiB);
  if (only !== "github") {
    const sizeMiB = Number(process.env.BENCH_SIZE_MIB ?? 1024);
    const model = await generated("model.bin", sizeMiB);
    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    failures.push(...(await benchS3({ dataDir, model, small, sizeMiB, rounds })));
  }
  if (only !== "s3") {
    const sizeMiB = Number(process.env.BENCH_GITHUB_SIZE_MIB ?? 256);
    const model = await generated("github-model.bin", sizeMiB);
    const rounds = Number(process.env.BENCH_GITHUB_ROUNDS ?? 5);
    failures.push(...(await benchGitHub({ dataDir, model, small, sizeMiB, rounds })));
  }
} finally {
  if (process.env.BENCH_KEEP !== "1") await rm(dataDir, { recursive: true, force: true });
}
for (const failure of failures) console.error(`FAILED: ${failure}`);
process.exitCode = failures.length > 0 ? 1 : 0;

async function generated(name: string, sizeMiB: number): Promise<string> {
  const file = path.join(dataDir, name);
  console.log(`\ngenerating ${sizeMiB} MiB of deterministic data in ${path.relative(process.cwd(), file)}`);
  await generate(file, sizeMiB * MiB);
  return file;
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
