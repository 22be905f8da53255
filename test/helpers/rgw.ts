import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { inject } from "vitest";
import { sdkClient } from "./s3-client.ts";

/**
 * Ceph's RADOS Gateway for tests: the real S3 server that honours conditional writes. One cluster serves the whole run
 * (started by rgw-global-setup.ts through scripts/rgw.sh); a test that kills a server starts a gateway of its own on
 * that cluster, so the shared gateway never goes down under other tests.
 */

export const RGW_SCRIPT = path.resolve(import.meta.dirname, "../../scripts/rgw.sh");

/** What the global setup hands the test files. */
export type RgwRun =
  | { kind: "external"; dir: string }
  | { kind: "starting"; dir: string; log: string }
  | { kind: "unavailable"; reason: string };

declare module "vitest" {
  export interface ProvidedContext {
    rgw: RgwRun;
  }
}

export interface RgwCluster {
  dir: string;
  /** The run's shared gateway. */
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** What an AWS client (or the mlops CLI) needs in its environment to reach the gateway. */
  env: Record<string, string>;
}

/** Why the RGW tests cannot run here (only ever outside CI: under CI=true the global setup fails instead). */
export function rgwSkipReason(): string | undefined {
  const run = inject("rgw");
  return run.kind === "unavailable" ? run.reason : undefined;
}

/** The cluster's start takes ~17 s on an idle 2-core machine; leave room for a loaded one. */
export const RGW_START_TIMEOUT_MS = 150_000;

let cluster: Promise<RgwCluster> | undefined;

/** The run's cluster once its gateway answers (waits for the background start). */
export function rgwCluster(): Promise<RgwCluster> {
  cluster ??= waitForCluster();
  return cluster;
}

async function waitForCluster(): Promise<RgwCluster> {
  const run = inject("rgw");
  if (run.kind === "unavailable") throw new Error(run.reason);
  const deadline = Date.now() + RGW_START_TIMEOUT_MS - 5_000;
  for (;;) {
    const values = await readEnvFile(path.join(run.dir, "env"));
    if (values.RGW_ENDPOINT && values.RGW_ACCESS_KEY && values.RGW_SECRET_KEY) {
      const credentials = { accessKeyId: values.RGW_ACCESS_KEY, secretAccessKey: values.RGW_SECRET_KEY };
      return {
        dir: run.dir,
        endpoint: values.RGW_ENDPOINT,
        credentials,
        env: {
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_REGION: "us-east-1",
        },
      };
    }
    if (run.kind === "starting" && existsSync(path.join(path.dirname(run.log), "start.failed"))) {
      const log = await readFile(run.log, "utf8").catch(() => "");
      throw new Error(`the RADOS Gateway did not start (scripts/rgw.sh start):\n${log.slice(-3000)}`);
    }
    if (Date.now() > deadline)
      throw new Error(`the RADOS Gateway in ${run.dir} was not up after ${RGW_START_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function readEnvFile(file: string): Promise<Record<string, string>> {
  const text = await readFile(file, "utf8").catch(() => "");
  const values: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) values[match[1]] = match[2];
  }
  return values;
}

/** Makes a bucket on the gateway (an existing one of the same owner is fine). */
export async function rgwBucket(cluster: RgwCluster, bucket: string): Promise<void> {
  const client = sdkClient(cluster);
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
}

const run = promisify(execFile);
let gateways = 0;

export interface RgwGateway {
  endpoint: string;
  /** SIGKILL, as a crash would; the cluster keeps the data. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Alive: in the process table and not a zombie (a killed daemon waits there until whoever adopted it reaps it). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** A gateway of the test's own on the run's cluster, which it may kill and restart. */
export async function startRgwGateway(cluster: RgwCluster): Promise<RgwGateway> {
  const name = `t${process.pid}n${++gateways}`;
  const start = async (): Promise<string> => {
    const { stdout } = await run("bash", [RGW_SCRIPT, "gateway-start", cluster.dir, name], { timeout: 130_000 });
    const endpoint = /^RGW_ENDPOINT=(.+)$/m.exec(stdout)?.[1];
    if (!endpoint) throw new Error(`rgw.sh gateway-start printed no endpoint: ${stdout}`);
    return endpoint;
  };
  let running = true;
  // A restart still pending when its test failed and stopped the gateway must not bring it back behind its back.
  let stopped = false;
  const kill = async (): Promise<void> => {
    // The signal goes out at once (the script's gateway-kill would first start a shell): a test that kills "now",
    // in the middle of a transfer, must not find the transfer over by the time the gateway dies.
    const pid = Number(await readFile(path.join(cluster.dir, "run", `client.rgw.${name}.pid`), "utf8"));
    process.kill(pid, "SIGKILL");
    while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
    running = false;
  };
  const endpoint = await start();
  return {
    endpoint,
    kill,
    restart: async () => {
      if (stopped) return;
      await start();
      running = true;
    },
    stop: async () => {
      stopped = true;
      if (running) await kill();
    },
  };
}
