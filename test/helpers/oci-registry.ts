import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { freePort } from "./pushgateway.ts";

/**
 * A container registry on loopback: the CNCF Distribution registry from Debian's `docker-registry` package, serving
 * plain http without auth from a temp folder, for the deploy-target tests that push with `skopeo` (Debian's `skopeo`).
 * Outside CI a missing binary skips the tests with a message; under CI=true it fails them (.ci/run installs both).
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
