import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * A real S3-compatible server on loopback (s3rver from npm), started and stopped by the tests. Its credentials are
 * fixed (S3RVER/S3RVER); `env` holds what an AWS client needs to reach it.
 */
export interface S3Server {
  endpoint: string;
  bucket: string;
  directory: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  env: Record<string, string>;
  /** Kills the server at once (SIGKILL), e.g. in the middle of an upload. */
  kill(): void;
  /** After a kill: the same server again (same data, same port), as a restarted service would come back. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3Server(buckets: string[] = ["test-bucket"], directory?: string): Promise<S3Server> {
  const dir = directory ?? (await mkdtemp(path.join(os.tmpdir(), "mlops-s3rver-")));
  let child = spawnServer(dir, buckets, 0);
  const port = await child.port;
  const endpoint = `http://127.0.0.1:${port}`;
  const running = (): boolean => child.process.exitCode === null && child.process.signalCode === null;
  // A restart still pending when its test failed and stopped the server must not bring it back behind its back.
  let stopped = false;
  return {
    endpoint,
    bucket: buckets[0] ?? "test-bucket",
    directory: dir,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    env: { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1" },
    kill: () => child.process.kill("SIGKILL"),
    restart: async () => {
      if (stopped) return;
      if (running()) {
        const exited = new Promise((resolve) => child.process.once("exit", resolve));
        child.process.kill("SIGKILL");
        await exited;
      }
      child = spawnServer(dir, buckets, port);
      await child.port;
    },
    stop: async () => {
      stopped = true;
      if (running()) {
        const exited = new Promise((resolve) => child.process.once("exit", resolve));
        child.process.kill("SIGTERM");
        await exited;
      }
      if (!directory) await rm(dir, { recursive: true, force: true });
    },
  };
}

function spawnServer(dir: string, buckets: string[], port: number): { process: ChildProcess; port: Promise<number> } {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--openssl-legacy-provider",
      path.join(import.meta.dirname, "s3rver-main.mjs"),
      dir,
      buckets.join(","),
      String(port),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const listening = new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n")[0];
      if (output.includes("\n") && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.on("exit", (code) => reject(new Error(`s3rver exited with ${code}: ${errors}`)));
  });
  return { process: child, port: listening };
}
