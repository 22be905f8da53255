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
  env: Record<string, string>;
  /** Kills the server at once (SIGKILL), e.g. in the middle of an upload. */
  kill(): void;
  stop(): Promise<void>;
}

export async function startS3Server(buckets: string[] = ["test-bucket"], directory?: string): Promise<S3Server> {
  const dir = directory ?? (await mkdtemp(path.join(os.tmpdir(), "mlops-s3rver-")));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--openssl-legacy-provider", path.join(import.meta.dirname, "s3rver-main.mjs"), dir, buckets.join(",")],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n")[0];
      if (output.includes("\n") && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.on("exit", (code) => reject(new Error(`s3rver exited with ${code}: ${errors}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket: buckets[0] ?? "test-bucket",
    directory: dir,
    env: { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1" },
    kill: () => child.kill("SIGKILL"),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      if (!directory) await rm(dir, { recursive: true, force: true });
    },
  };
}
