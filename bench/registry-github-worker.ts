import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DOWNLOAD_WRITE_BUFFER } from "../src/store/github/downloads.ts";
import type { ObjectStore, TransferOptions } from "../src/store/object-store.ts";
import { modelFileOnly } from "./publish-input.ts";

/**
 * One transfer of bench/registry-github.ts, in a process of its own: `<action> ...` as the parent passes it, the
 * operation timed inside (start-up excluded), reported as one JSON line on stdout; the parent reads the process's peak
 * RSS from bench/rss.mjs. Bundled by the parent with esbuild, as the kit ships (dist/), and run with plain `node`:
 * - `publish <file>`, `pull <dir> <version>`, `promote <version>`, `champion`: the kit, through a github:// registry
 *   (GITHUB_API_URL and GITHUB_TOKEN from the environment), its store's upload and download of the model file timed
 *   on their own as well;
 * - `plain-upload <upload url> <file> [sha256]`, `plain-download <asset url> <file> [sha256]`: the peer, plain
 *   streaming node:http (through a pass-through stream, hashing with `sha256`); a download writes into the file sink
 *   the kit's has (its write buffer), timed from its first byte as the kit's is.
 */

const REPO = process.env.BENCH_GITHUB_REPO ?? "";
const MODEL = "bench";

export interface WorkerReport {
  /** The whole operation. */
  seconds: number;
  /** The model file's bytes alone (the plain download's: from its GET of the signed URL). */
  transferSeconds: number;
  /** CPU time (user and system, every thread of the process) over `transferSeconds`. */
  cpuSeconds: number;
  version?: string;
  assetId?: number;
}

const [action = "", ...args] = process.argv.slice(2);
const report = action.startsWith("plain-") ? await plainWorker(action, args) : await kitWorker(action, args);
process.stdout.write(`${JSON.stringify(report)}\n`);

async function kitWorker(action: string, [target = "", version = ""]: string[]): Promise<WorkerReport> {
  const { githubBackend } = await import("../src/registry/backends/github.ts");
  const { createRegistry } = await import("../src/registry/registry.ts");
  const [owner = "", repo = ""] = REPO.split("/");
  const store = await githubBackend.open(
    { scheme: "github", owner, repo },
    { root: process.cwd(), env: process.env, settings: { retry_seconds: 30 } },
  );
  let transferSeconds = 0;
  let cpuSeconds = 0;
  /**
   * The model file's bytes: from the first chunk the store passes on (read for the upload's body, received from the
   * download host) to the end of its store call (the upload's answer; the file hashed, verified and renamed). The API
   * calls before it (the release's lookup, the 302) are the whole operation's, counted by the parent.
   */
  const timed = async <T>(key: string, options: TransferOptions, transfer: (o: TransferOptions) => Promise<T>) => {
    let first: number | undefined;
    let cpu: NodeJS.CpuUsage | undefined;
    const result = await transfer({
      ...options,
      onProgress: (bytes, total) => {
        first ??= performance.now();
        cpu ??= process.cpuUsage();
        options.onProgress?.(bytes, total);
      },
    });
    if (key.endsWith("/files/model.bin") && first !== undefined) {
      transferSeconds = (performance.now() - first) / 1000;
      cpuSeconds = cpuSince(cpu);
    }
    return result;
  };
  const timedStore: ObjectStore = {
    ...store,
    upload: (key, file, options = {}) => timed(key, options, (o) => store.upload(key, file, { ...options, ...o })),
    download: (key, file, options = {}) => timed(key, options, (o) => store.download(key, file, { ...options, ...o })),
  };
  const registry = createRegistry(timedStore, () => new Date(), {
    onDamage: (damage) => {
      throw new Error(`damage: ${JSON.stringify(damage)}`);
    },
  });
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  if (action === "publish") {
    const manifest = await registry.publish(modelFileOnly(MODEL, target));
    return { seconds: seconds(), transferSeconds, cpuSeconds, version: manifest.version };
  }
  if (action === "pull") {
    const manifest = await registry.version(MODEL, version);
    if (!manifest) throw new Error(`no version ${version}`);
    await registry.pull(manifest, target);
    const size = (await stat(path.join(target, "model.bin"))).size;
    if (size !== manifest.files[0]?.size) throw new Error(`pulled ${size} bytes`);
    return { seconds: seconds(), transferSeconds, cpuSeconds };
  }
  if (action === "promote") {
    const move = { at: new Date().toISOString(), actor: "bench", reason: "bench", runUrl: null, forced: false };
    await registry.moveAlias(MODEL, "champion", target, move);
    return { seconds: seconds(), transferSeconds: 0, cpuSeconds: 0 };
  }
  if (action === "champion") {
    const manifest = await registry.resolve(MODEL, "champion");
    return {
      seconds: seconds(),
      transferSeconds: 0,
      cpuSeconds: 0,
      ...(manifest ? { version: manifest.version } : {}),
    };
  }
  throw new Error(`unknown github worker action ${action}`);
}

/**
 * The peer: a streaming POST of the file to the upload endpoint, or a GET of the asset through its 302; with `sha256`,
 * the bytes are hashed on the way as the kit hashes them (a diagnostic: what the hashing alone costs).
 */
async function plainWorker(action: string, [url = "", file = "", hashing = ""]: string[]): Promise<WorkerReport> {
  const hashed = hashing === "sha256";
  const hash = createHash("sha256");
  const through = (highWaterMark?: number): Transform =>
    new Transform({
      ...(highWaterMark === undefined ? {} : { highWaterMark }),
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
  const headers = { authorization: `Bearer ${process.env.GITHUB_TOKEN ?? ""}` };
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const seconds = (): number => (performance.now() - started) / 1000;
  if (action === "plain-upload") {
    const size = (await stat(file)).size;
    const answer = await send(
      url,
      "POST",
      {
        ...headers,
        "content-type": "application/octet-stream",
        "content-length": String(size),
      },
      (request) =>
        hashed ? pipeline(createReadStream(file), through(), request) : pipeline(createReadStream(file), request),
    );
    const body = JSON.parse(await text(answer)) as { id?: number; size?: number };
    if (answer.statusCode !== 201 || body.size !== size) throw new Error(`upload answered ${answer.statusCode}`);
    const elapsed = seconds();
    return { seconds: elapsed, transferSeconds: elapsed, cpuSeconds: cpuSince(startedCpu), assetId: body.id ?? 0 };
  }
  if (action === "plain-download") {
    const hop = await send(url, "GET", { ...headers, accept: "application/octet-stream" });
    hop.resume();
    const location = hop.headers.location;
    if (hop.statusCode !== 302 || !location) throw new Error(`the asset answered ${hop.statusCode}`);
    const answer = await send(location, "GET", {});
    if (answer.statusCode !== 200) throw new Error(`the download host answered ${answer.statusCode}`);
    // Timed as the kit is, from the first byte of the body, into the same file sink as the kit's.
    let first: number | undefined;
    let cpu: NodeJS.CpuUsage | undefined;
    answer.once("data", () => {
      first = performance.now();
      cpu = process.cpuUsage();
    });
    const sink = createWriteStream(file, { highWaterMark: DOWNLOAD_WRITE_BUFFER });
    await (hashed ? pipeline(answer, through(DOWNLOAD_WRITE_BUFFER), sink) : pipeline(answer, sink));
    return {
      seconds: seconds(),
      transferSeconds: (performance.now() - (first ?? performance.now())) / 1000,
      cpuSeconds: cpuSince(cpu),
    };
  }
  throw new Error(`unknown github worker action ${action}`);
}

/** CPU seconds (user and system, all threads) since `start`. */
function cpuSince(start: NodeJS.CpuUsage | undefined): number {
  if (!start) return 0;
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  write: (request: NodeJS.WritableStream) => Promise<void> = (request) => {
    request.end();
    return Promise.resolve();
  },
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, resolve);
    request.on("error", reject);
    write(request).catch(reject);
  });
}

async function text(response: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of response) body += (chunk as Buffer).toString();
  return body;
}
