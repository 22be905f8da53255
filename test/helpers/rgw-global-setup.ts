import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { RGW_SCRIPT, type RgwRun } from "./rgw.ts";

/**
 * Vitest globalSetup: one RADOS Gateway for the whole run (scripts/rgw.sh), started in the background so that a run
 * of files that never touch it pays nothing but a little CPU; tests that need it wait for it (helpers/rgw.ts).
 *
 * - RGW_ENDPOINT, RGW_ACCESS_KEY, RGW_SECRET_KEY and RGW_DIR in the environment (the lines `scripts/rgw.sh start`
 *   prints): that server is used and left running.
 * - Otherwise, when radosgw is installed, a cluster is started under a temp folder and stopped after the run.
 * - Otherwise the RGW tests are skipped with a note saying how to get it, except under CI=true, where the run fails.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const env = process.env;
  if (env.RGW_ENDPOINT && env.RGW_ACCESS_KEY && env.RGW_SECRET_KEY && env.RGW_DIR) {
    project.provide("rgw", { kind: "external", dir: env.RGW_DIR });
    return undefined;
  }
  const missing = missingTools();
  if (missing.length > 0) {
    const how =
      "apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd ceph-common " +
      "(or run `scripts/rgw.sh start` elsewhere and export the lines it prints)";
    if (env.CI === "true")
      throw new Error(`the tests need Ceph's RADOS Gateway, and ${missing.join(", ")} is missing: ${how}`);
    const reason = `no RADOS Gateway here (${missing.join(", ")} missing): ${how}`;
    console.warn(`\n[rgw] skipping the tests against RGW: ${reason}\n`);
    project.provide("rgw", { kind: "unavailable", reason });
    return undefined;
  }

  const base = await mkdtemp(path.join(os.tmpdir(), "mlops-rgw-run-"));
  const run: RgwRun = { kind: "starting", dir: path.join(base, "cluster"), log: path.join(base, "start.log") };
  const log = openSync(run.log, "w");
  const starter: ChildProcess = spawn("bash", [RGW_SCRIPT, "start", run.dir], { stdio: ["ignore", log, log] });
  closeSync(log);
  const started = new Promise<number>((resolve) => {
    starter.on("exit", (code) => resolve(code ?? 1));
    starter.on("error", () => resolve(127));
  }).then(async (code) => {
    // Tests waiting for the gateway see the failure through this file instead of waiting out their timeout.
    if (code !== 0) await writeFile(path.join(base, "start.failed"), String(code));
    return code;
  });
  project.provide("rgw", run);
  return async () => {
    const code = await started;
    if (code === 0) execFileSync("bash", [RGW_SCRIPT, "stop", run.dir], { stdio: "inherit", timeout: 60_000 });
    await rm(base, { recursive: true, force: true });
  };
}

function missingTools(): string[] {
  return ["radosgw", "radosgw-admin", "ceph-mon", "ceph-osd", "ceph", "monmaptool"].filter((tool) => {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
}
