import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBundledAction, type RunnerEnvironment } from "../helpers/runner.ts";
import { type ActionsCacheServer, startActionsCacheServer } from "./actions-cache-server.ts";
import { freshTrainCheckout, TRAIN_INPUTS, trainingRuns } from "./train-checkout.ts";

/**
 * The GitHub Actions cache backend for real: the bundled train action (dist/train.js, run as the runner runs it)
 * saves through @actions/cache to a stand-in cache service, and a later job restores from it. Then the guards:
 * a read-only cache mode restores but does not save, `none` falls back to the local folder, and an immutable key
 * that another job saved first is reported, not fatal.
 */

let service: ActionsCacheServer;
let workspace: string;

beforeAll(async () => {
  service = await startActionsCacheServer();
});
afterAll(() => service.stop());

async function freshCheckout(): Promise<void> {
  workspace = await freshTrainCheckout();
}

const runner = (env: Record<string, string> = {}): RunnerEnvironment => ({
  workspace,
  env: { ACTIONS_CACHE_URL: service.url, ACTIONS_RUNTIME_TOKEN: "runtime-token", ...env },
});
const inputs = TRAIN_INPUTS;
const runs = (): Promise<number> => trainingRuns(workspace);

describe("the Actions cache backend in the train action", () => {
  it("saves in one job and restores in the next, byte for byte, without training", async () => {
    await freshCheckout();
    const first = await runBundledAction("train", inputs, runner());
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ result: "ok", "cache-hit": "false" });
    const key = first.outputs["cache-key"] ?? "";
    expect(key).toMatch(/^mlops-train-demo-[0-9a-f]{64}$/);
    expect(service.entries.has(key)).toBe(true);
    expect(first.summary).toContain("Run cache: miss (actions: the GitHub Actions cache)");
    expect(first.summary).toContain("this run's outputs were saved");
    const model = await readFile(path.join(workspace, "ml", "model", "weights.txt"), "utf8");

    // The next job: a fresh checkout of the same commit on another runner.
    const trainedIn = workspace;
    await freshCheckout();
    expect(trainedIn).not.toBe(workspace);
    const second = await runBundledAction("train", inputs, runner());
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs).toMatchObject({ "cache-hit": "true", "cache-key": key });
    expect(await readFile(path.join(workspace, "ml", "model", "weights.txt"), "utf8")).toBe(model);
    expect(existsSync(path.join(workspace, "ml", "runs.log"))).toBe(false);
    expect(second.summary).toMatch(
      /Reused the outputs of run \d{8}T\d{9}Z-[0-9a-f]{6} \(git 0123456, trained \d+\.\d s, https:\/\/github\.com\/octo-org\/ml-repo\/actions\/runs\/4242\)/,
    );
    // The staging folder the Actions cache restored into is gone again.
    expect(await readdir(path.join(workspace, "ml", ".mlops", "actions-cache"))).toEqual([]);
  });

  it("reports a key another job saved first (keys are immutable) without failing the step", async () => {
    await freshCheckout();
    const forced = await runBundledAction("train", { ...inputs, force: "true" }, runner());
    expect(forced.exitCode, forced.stdout).toBe(0);
    expect(forced.outputs["cache-hit"]).toBe("false");
    expect(forced.summary).toContain("Run cache: skipped (--force)");
    expect(forced.summary).toContain(
      "not saved to the run cache: the Actions cache already holds this key for this branch (keys are immutable",
    );
    expect(await runs()).toBe(1);
  });

  it("restores but does not save under ACTIONS_CACHE_MODE=read", async () => {
    await freshCheckout();
    const before = service.entries.size;
    const hit = await runBundledAction("train", inputs, runner({ ACTIONS_CACHE_MODE: "read" }));
    expect(hit.outputs["cache-hit"]).toBe("true");
    const miss = await runBundledAction("train", { ...inputs, set: "lr=0.2" }, runner({ ACTIONS_CACHE_MODE: "read" }));
    expect(miss.exitCode, miss.stdout).toBe(0);
    expect(miss.outputs["cache-hit"]).toBe("false");
    expect(miss.summary).toContain(
      "Notes: ACTIONS\\_CACHE\\_MODE is read (e.g. pull\\_request\\_target): entries are restored, none saved; " +
        "not saved to the run cache: ACTIONS\\_CACHE\\_MODE is read: this run may not write the Actions cache.",
    );
    expect(service.entries.size).toBe(before);
    expect(await runs()).toBe(1);
  });

  it("falls back to the local folder, and says why, when the runner allows no cache or gives no token", async () => {
    await freshCheckout();
    const before = service.requests.length;
    const none = await runBundledAction("train", inputs, runner({ ACTIONS_CACHE_MODE: "none" }));
    expect(none.exitCode, none.stdout).toBe(0);
    expect(none.summary).toContain("Run cache: miss (local: ");
    expect(none.summary).toContain(
      "not using the GitHub Actions cache (ACTIONS\\_CACHE\\_MODE is none: this run may neither read nor write the Actions cache); using the local folder .mlops/cache instead",
    );
    const step = await runBundledAction("train", inputs, runner({ ACTIONS_RUNTIME_TOKEN: "" }));
    expect(step.outputs["cache-hit"]).toBe("true"); // from the local folder the first run saved to
    expect(step.summary).toContain("the runner gave no ACTIONS\\_RUNTIME\\_TOKEN");
    expect(service.requests.length).toBe(before);
    await rm(path.join(workspace, "ml", ".mlops"), { recursive: true });
  });
});
