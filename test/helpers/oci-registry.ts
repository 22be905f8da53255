import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { freePort } from "./pushgateway.ts";
import { tempDir, writeFiles } from "./temp.ts";

/**
 * A container registry on loopback: the CNCF Distribution registry from Debian's `docker-registry` package, serving
 * plain http without auth from a temp folder, for the deploy-target tests that push with `skopeo` (Debian's `skopeo`).
 * Outside CI a missing binary skips the tests with a message; under CI=true it fails them (.ci/run installs both).
 * Also the readers the tests check images with: skopeo, and GNU tar for the layers.
 */

export const DOCKER_REGISTRY = "/usr/bin/docker-registry";
export const SKOPEO = "/usr/bin/skopeo";

export interface OciRegistry {
  /** `127.0.0.1:<port>`, as skopeo and OCI_REGISTRY name it. */
  host: string;
}

/** Starting the registry on a loaded 2-core machine can take a while: room for it, not a wall-clock assertion. */
const START_TIMEOUT_MS = 60_000;

/** Why the registry tests cannot run here, or null. Under CI=true a missing binary throws instead of skipping. */
export function ociToolsMissing(env: NodeJS.ProcessEnv = process.env): string | null {
  const missing = [
    [DOCKER_REGISTRY, "docker-registry"],
    [SKOPEO, "skopeo"],
  ].filter(([executable]) => !existsSync(executable ?? ""));
  if (missing.length === 0) return null;
  const reason = `${missing.map(([executable]) => executable).join(" and ")} not installed: apt-get install -y ${missing
    .map(([, pkg]) => pkg)
    .join(" ")}`;
  if (env.CI === "true") throw new Error(`these tests need a container registry and skopeo under CI: ${reason}`);
  console.warn(`\n[oci-registry] skipping: ${reason}\n`);
  return reason;
}

/**
 * A describe block whose tests share one registry (started in beforeAll, stopped and its storage removed in
 * afterAll): skipped with a message when the packages are missing (failed, under CI=true).
 */
export function describeOciRegistry(name: string, body: (registry: () => OciRegistry) => void): void {
  const missing = ociToolsMissing();
  if (missing !== null) {
    describe.skip(`${name} (skipped: ${missing})`, () =>
      body(() => {
        throw new Error(missing);
      }));
    return;
  }
  describe(name, () => {
    let started: { registry: OciRegistry; stop: () => Promise<void> } | null = null;
    beforeAll(async () => {
      started = await startOciRegistry();
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      await started?.stop();
    });
    body(() => {
      if (!started) throw new Error("the container registry did not start");
      return started.registry;
    });
  });
}

export async function startOciRegistry(): Promise<{ registry: OciRegistry; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mlops-oci-registry-"));
  for (let attempt = 1; ; attempt++) {
    const host = `127.0.0.1:${await freePort()}`;
    const config = path.join(dir, "config.yml");
    // Written out rather than left to Debian's /etc/docker/registry/config.yml, which asks for htpasswd auth.
    await writeFile(
      config,
      [
        "version: 0.1",
        "log:",
        "  level: error",
        "  accesslog:",
        "    disabled: true",
        "storage:",
        "  filesystem:",
        `    rootdirectory: ${JSON.stringify(path.join(dir, "storage"))}`,
        "  delete:",
        "    enabled: true",
        "http:",
        `  addr: ${host}`,
        "  secret: mlops-kit-tests",
        "",
      ].join("\n"),
    );
    const child = spawn(DOCKER_REGISTRY, ["serve", config], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    if (await waitReady(`http://${host}/v2/`, child)) {
      return {
        registry: { host },
        stop: async () => {
          await stop(child);
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    await stop(child);
    // Another process may have taken the port between freePort and the registry's bind: try another one.
    if (attempt >= 3) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`the container registry did not start on ${host}:\n${log.slice(-2000)}`);
    }
  }
}

async function waitReady(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT_MS - 5_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const answer = await fetch(url).catch(() => null);
    // The distribution API's version check: 200 with `Docker-Distribution-Api-Version: registry/2.0`.
    await answer?.body?.cancel();
    if (answer?.ok && answer.headers.get("docker-distribution-api-version") === "registry/2.0") return true;
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

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export async function skopeo(...args: string[]): Promise<string> {
  const outcome = await run(SKOPEO, args);
  if (outcome.code !== 0) throw new Error(`skopeo ${args.join(" ")} failed:\n${outcome.stderr}`);
  return outcome.stdout;
}

/** The manifest digest a tag names in the registry, as skopeo reads it. */
export async function digestOf(reference: string): Promise<string> {
  const inspected = JSON.parse(await skopeo("inspect", "--tls-verify=false", `docker://${reference}`)) as {
    Digest: string;
  };
  return inspected.Digest;
}

/** Every file under `dir`, relative, with its bytes. */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, full).split(path.sep).join("/"), await readFile(full));
  }
  return found;
}

export interface OciManifest {
  mediaType: string;
  config: { digest: string };
  layers: { mediaType: string; digest: string }[];
  annotations: Record<string, string>;
}

export interface OciConfig {
  architecture: string;
  config: { Cmd?: string[]; Labels: Record<string, string> };
  rootfs: { diff_ids: string[] };
  history?: unknown[];
}

const sha256Digest = (bytes: Uint8Array): string => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

/**
 * A stand-in for a KServe base image such as busybox, built here so no test needs the network: one gzip layer made by
 * GNU tar, a command, a history entry; pushed to the registry and named by its digest.
 */
export async function pushBaseImage(host: string): Promise<{ reference: string; layer: string }> {
  const dir = await tempDir();
  await writeFiles(path.join(dir, "rootfs"), { "bin/modelcar-base": "stands in for busybox's ln and sleep\n" });
  const tar = await run("tar", [
    "--create",
    "--numeric-owner",
    "--file",
    path.join(dir, "layer.tar"),
    "--directory",
    path.join(dir, "rootfs"),
    "bin",
  ]);
  expect(tar.code, tar.stderr).toBe(0);
  const raw = await readFile(path.join(dir, "layer.tar"));
  const layer = gzipSync(raw);
  const config = Buffer.from(
    JSON.stringify({
      architecture: "amd64",
      os: "linux",
      config: { Cmd: ["/bin/modelcar-base"], Env: ["PATH=/bin"] },
      rootfs: { type: "layers", diff_ids: [sha256Digest(raw)] },
      history: [{ created_by: "the test's base image" }],
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: {
        mediaType: "application/vnd.oci.image.config.v1+json",
        digest: sha256Digest(config),
        size: config.length,
      },
      layers: [
        { mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: sha256Digest(layer), size: layer.length },
      ],
    }),
  );
  const index = {
    schemaVersion: 2,
    manifests: [
      {
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        digest: sha256Digest(manifest),
        size: manifest.length,
        annotations: { "org.opencontainers.image.ref.name": "1" },
      },
    ],
  };
  const layout = path.join(dir, "layout");
  await writeFiles(layout, {
    "oci-layout": JSON.stringify({ imageLayoutVersion: "1.0.0" }),
    "index.json": JSON.stringify(index),
    ...Object.fromEntries(
      [layer, config, manifest].map((blob) => [`blobs/sha256/${sha256Digest(blob).slice(7)}`, blob]),
    ),
  });
  await skopeo(
    "copy",
    "--quiet",
    "--preserve-digests",
    "--dest-tls-verify=false",
    `oci:${layout}:1`,
    `docker://${host}/modelcar-base:1`,
  );
  return { reference: `${host}/modelcar-base@${sha256Digest(manifest)}`, layer: sha256Digest(layer) };
}

/**
 * The image copied back into an OCI layout, with its config; its layers unpacked in order by GNU tar into one folder,
 * the files under models/ returned, and the last layer (the model's) listed.
 */
export async function pulledBack(
  reference: string,
): Promise<{ manifest: OciManifest; config: OciConfig; listing: string; files: Map<string, Buffer>; root: string }> {
  const dir = await tempDir();
  const layout = path.join(dir, "layout");
  await skopeo(
    "copy",
    "--quiet",
    "--preserve-digests",
    "--src-tls-verify=false",
    `docker://${reference}`,
    `oci:${layout}:pulled`,
  );
  const blob = (digest: string): string => path.join(layout, "blobs", "sha256", digest.replace(/^sha256:/, ""));
  const index = JSON.parse(await readFile(path.join(layout, "index.json"), "utf8")) as {
    manifests: { digest: string }[];
  };
  const manifest = JSON.parse(await readFile(blob(index.manifests[0]?.digest ?? ""), "utf8")) as OciManifest;
  const config = JSON.parse(await readFile(blob(manifest.config.digest), "utf8")) as OciConfig;
  const unpacked = path.join(dir, "unpacked");
  await mkdir(unpacked);
  for (const layer of manifest.layers) {
    const extracted = await run("tar", ["--extract", "--file", blob(layer.digest), "--directory", unpacked]);
    expect(extracted.code, extracted.stderr).toBe(0);
  }
  const last = blob(manifest.layers.at(-1)?.digest ?? "");
  const listing = await run("tar", ["--list", "--verbose", "--numeric-owner", "--full-time", "--file", last]);
  expect(listing.code, listing.stderr).toBe(0);
  return {
    manifest,
    config,
    listing: listing.stdout,
    files: await filesUnder(path.join(unpacked, "models")),
    root: unpacked,
  };
}
