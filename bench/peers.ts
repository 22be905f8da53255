import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The process side of bench/validate.bench.ts: each side (the kit's CLI or a peer script) runs as a child `node`
 * with bench/rss.mjs loaded, so every side is timed and its peak RSS read the same way; and the peers' npm packages
 * are installed on demand into a folder of their own under bench/.data (never dependencies of mlops-kit), pinned.
 * A side that fails, or prints no result, fails the bench: a failure must never be timed as a result.
 */

const MB = 1024 * 1024;

/** Fails the bench (exit 1) with what went wrong; thrown by any side that did not give a result. */
export class BenchFailure extends Error {}

export interface Measured {
  seconds: number;
  maxRssMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import bench/rss.mjs <args>` in `cwd`: wall time from spawn to exit, and the child's peak RSS. */
export function timedNode(args: readonly string[], cwd: string): Measured {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", path.join(import.meta.dirname, "rss.mjs"), ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * MB,
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(result.stderr)?.[1];
  // No RSS line means the child died before its exit handler ran (a signal, an abort in native code).
  if (rss === undefined) throw new BenchFailure(`${describe(args)} died (${exitOf(result)}):\n${tail(result.stderr)}`);
  return { seconds, maxRssMb: Number(rss) / 1024, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The last lines of a child's stderr, without rss.mjs's line, for a failure message. */
export function tail(stderr: string, lines = 15): string {
  const kept = stderr
    .split("\n")
    .filter((line) => !line.startsWith("BENCH_MAX_RSS_KB"))
    .join("\n")
    .trim();
  if (kept === "") return "    (nothing on stderr)";
  return kept
    .split("\n")
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join("\n");
}

function describe(args: readonly string[]): string {
  return args.map((arg) => path.basename(arg)).join(" ");
}

function exitOf(result: { status: number | null; signal: NodeJS.Signals | null }): string {
  return result.signal ? `signal ${result.signal}` : `exit ${result.status}`;
}

/** A peer script's result: the last line of its stdout, parsed; anything else (a nonzero exit included) fails. */
export function peerResult<T>(run: Measured, args: readonly string[]): T {
  if (run.status !== 0) throw new BenchFailure(`${describe(args)} exited ${run.status}:\n${tail(run.stderr)}`);
  const last = run.stdout.trimEnd().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new BenchFailure(`${describe(args)} printed no result line (stdout: ${JSON.stringify(last.slice(0, 200))})`);
  }
}

export interface PeerPackage {
  /** What the messages call it. */
  label: string;
  name: string;
  version: string;
  /** Its own folder under bench/.data: a private package.json and node_modules. */
  dir: string;
  /** Why it might not load, for the message when it does not. */
  hint: string;
}

/**
 * Installs `name@version` into `dir` unless that version is there, then loads it once in a child `node`, so a package
 * whose native part is missing fails here with a clear message, before any side is timed.
 */
export function ensurePeerPackage(peer: PeerPackage, repo: string): void {
  const spec = `${peer.name}@${peer.version}`;
  const manifest = path.join(peer.dir, "node_modules", peer.name, "package.json");
  const installed = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version
    : undefined;
  if (installed !== peer.version) {
    mkdirSync(peer.dir, { recursive: true });
    writeFileSync(path.join(peer.dir, "package.json"), '{ "private": true }\n');
    console.log(`installing ${spec} into ${path.relative(repo, peer.dir)} (not a dependency)...`);
    const install = spawnSync(
      "npm",
      ["install", "--prefix", peer.dir, "--no-save", "--no-audit", "--no-fund", "--no-package-lock", spec],
      { stdio: "inherit" },
    );
    if (install.status !== 0)
      throw new BenchFailure(`${peer.label}: \`npm install ${spec}\` failed (${exitOf(install)})`);
  }
  const probe = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      // Only the error's first line: the rest is a require stack that hides which module was missing.
      `import { createRequire } from "node:module";
      try {
        createRequire(${JSON.stringify(path.join(peer.dir, "package.json"))})(${JSON.stringify(peer.name)});
      } catch (error) {
        console.error(String(error?.message ?? error).split("\\n")[0]);
        process.exitCode = 1;
      }`,
    ],
    { encoding: "utf8" },
  );
  if (probe.status !== 0) {
    throw new BenchFailure(
      `${peer.label}: ${spec} is installed in ${path.relative(repo, peer.dir)} but does not load (${peer.hint}; ` +
        `delete that folder to install it again):\n${tail(probe.stderr)}`,
    );
  }
}
