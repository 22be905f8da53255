import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe } from "vitest";

/**
 * Prometheus' Pushgateway from Debian's `prometheus-pushgateway` package, on a free loopback port, for the tests of
 * the Prometheus alert channel; and Prometheus' own checker `promtool` (Debian's `prometheus` package). Outside CI a
 * missing binary skips the tests with a message; under CI=true it fails them (.ci/run installs both).
 */

export const PUSHGATEWAY = "/usr/bin/prometheus-pushgateway";
export const PROMTOOL = "/usr/bin/promtool";

/** Why a binary cannot be used here, or null. Under CI=true a missing one throws instead of skipping. */
export function binaryMissing(
  executable: string,
  install: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const reason = existsSync(executable) ? null : `${executable} is not installed: apt-get install -y ${install}`;
  if (reason !== null && env.CI === "true") throw new Error(`these tests need ${executable} under CI: ${reason}`);
  if (reason !== null) console.warn(`\n[prometheus] skipping: ${reason}\n`);
  return reason;
}

export interface Pushgateway {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The gateway's own /metrics: everything pushed to it, re-serialised by Prometheus' Go library. */
  scrape(): Promise<string>;
}

/** Starting the gateway on a loaded 2-core machine can take a while: room for it, not a wall-clock assertion. */
const START_TIMEOUT_MS = 60_000;

/**
 * A describe block whose tests share one Pushgateway (started in beforeAll, stopped in afterAll): skipped with a
 * message when the package is missing (failed, under CI=true).
 */
export function describePushgateway(name: string, body: (gateway: () => Pushgateway) => void): void {
  const missing = binaryMissing(PUSHGATEWAY, "prometheus-pushgateway");
  if (missing !== null) {
    describe.skip(`${name} (skipped: ${missing})`, () =>
      body(() => {
        throw new Error(missing);
      }));
    return;
  }
  describe(name, () => {
    let started: { gateway: Pushgateway; stop: () => Promise<void> } | null = null;
    beforeAll(async () => {
      started = await startPushgateway();
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      await started?.stop();
    });
    body(() => {
      if (!started) throw new Error("the Pushgateway did not start");
      return started.gateway;
    });
  });
}

/** A port nobody listens on: bound by the OS, then released. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export async function startPushgateway(): Promise<{ gateway: Pushgateway; stop: () => Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    // Debian's default keeps pushes in /var/lib/prometheus: an empty --persistence.file keeps them in memory only.
    const child = spawn(
      PUSHGATEWAY,
      [`--web.listen-address=127.0.0.1:${port}`, "--persistence.file=", "--log.level=warn"],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let log = "";
    child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    const ready = await waitReady(url, child);
    if (ready) {
      const gateway: Pushgateway = {
        url,
        scrape: async () => {
          const answer = await fetch(`${url}/metrics`);
          return answer.text();
        },
      };
      return { gateway, stop: () => stop(child) };
    }
    await stop(child);
    // Another process may have taken the port between freePort and the gateway's bind: try another one.
    if (attempt >= 3) throw new Error(`the Pushgateway did not start on ${url}:\n${log.slice(-2000)}`);
  }
}

async function waitReady(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT_MS - 5_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const answer = await fetch(`${url}/-/ready`).catch(() => null);
    if (answer?.ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedExposition {
  samples: Sample[];
  /** `# TYPE` of each family. */
  types: Map<string, string>;
  help: Map<string, string>;
}

/**
 * The text format 0.0.4 read back, strictly: a line that is neither a comment nor a sample with a valid name,
 * well-formed labels and a number fails the test. Timestamps are returned as a failure too (nothing here writes them).
 */
export function parseExposition(text: string): ParsedExposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (comment) {
      (comment[1] === "HELP" ? help : types).set(comment[2] ?? "", comment[3] ?? "");
      continue;
    }
    if (line.startsWith("#")) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    const body = sample[2] ?? "";
    const pattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = pattern.exec(body)) !== null) {
      labels[match[1] ?? ""] = (match[2] ?? "").replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
      consumed = pattern.lastIndex;
    }
    if (consumed !== body.length) throw new Error(`malformed labels: ${line}`);
    const raw = sample[3] ?? "";
    const value = raw === "+Inf" ? Infinity : raw === "-Inf" ? -Infinity : Number(raw);
    if (raw !== "NaN" && Number.isNaN(value)) throw new Error(`not a number: ${line}`);
    samples.push({ name: sample[1] ?? "", labels, value });
  }
  return { samples, types, help };
}
