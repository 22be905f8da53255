import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

/**
 * Azurite, Microsoft's Azure Storage emulator (npm `azurite`, a devDependency), as the blob store behind the signed
 * URLs of the cache service v2 stand-in. Only its blob service runs, in memory, on loopback with a port the OS picks.
 *
 * Version: 3.35.0 is the last release that runs on Node 20 (later ones need Node >= 21). It predates the storage API
 * version @azure/storage-blob 12.31 sends (2026-02-06), hence --skipApiVersionCheck: the requests @actions/cache
 * makes (Put Blob, Get Blob Properties, ranged Get Blob) are unchanged between those versions.
 */

/** The emulator's well-known development account (public, the same in every Azurite). */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_ACCOUNT_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface Azurite {
  /** `http://127.0.0.1:<port>`: path-style URLs (`/<account>/<container>/<blob>`) and production-style hosts work. */
  origin: string;
  port: number;
  stop(): Promise<void>;
}

/** The blob service's entry point, or why it is missing. Under CI=true a missing Azurite is an error, not a skip. */
export function findAzurite(): { main: string } | { missing: string } {
  try {
    const require = createRequire(import.meta.url);
    return { main: path.join(path.dirname(require.resolve("azurite/package.json")), "dist/src/blob/main.js") };
  } catch (error) {
    const missing = `Azurite is not installed (npm ci installs it: it is a devDependency): ${String(error)}`;
    if (process.env.CI === "true") throw new Error(`the cache service v2 tests need Azurite under CI: ${missing}`);
    return { missing };
  }
}

/** Starts Azurite's blob service; about a second on an idle machine. Stop it in afterAll. */
export async function startAzurite(main: string): Promise<Azurite> {
  const location = await mkdtemp(path.join(os.tmpdir(), "mlops-azurite-"));
  // prettier-ignore
  const args = [
    main, "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence", "--extentMemoryLimit", "256",
    "--disableTelemetry", "--skipApiVersionCheck", "--silent",
  ];
  // In memory (no --location allowed then); a scratch cwd catches anything it writes all the same.
  const child: ChildProcess = spawn(process.execPath, args, { cwd: location, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const listening = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (listening?.[1]) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code} before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    child.kill("SIGKILL");
    await rm(location, { recursive: true, force: true });
    throw error;
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killer);
      }
      await rm(location, { recursive: true, force: true });
    },
  };
}
