import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBundledAction, webhookExample } from "../helpers/runner.ts";
import { azurite, type GithubHostedCache, startGithubHostedCache } from "./github-hosted-cache.ts";
import { freshTrainCheckout, modelFile, TRAIN_INPUTS, trainingRuns } from "./train-checkout.ts";

/**
 * The run cache on the protocol github.com's runners speak (cache service v2), driven through @actions/cache itself
 * from the bundled train action run as the runner runs it: Twirp calls to the service stand-in, archive bytes to and
 * from Azurite through the Azure SDK and SAS-signed URLs. Outages are in actions-cache-v2-outages.test.ts.
 */

let github: GithubHostedCache;
if ("missing" in azurite) console.warn(`\n[azurite] skipping the cache service v2 tests: ${azurite.missing}\n`);

beforeAll(async () => {
  if ("main" in azurite) github = await startGithubHostedCache(azurite.main);
});
afterAll(() => github?.stop());

const key = (outputs: Record<string, string>): string => outputs["cache-key"] ?? "";

/** Makes sure the default branch holds the project's entry (a save, or a hit when an earlier test saved it). */
async function savedOnMain(): Promise<void> {
  const run = await runBundledAction("train", TRAIN_INPUTS, github.runner(await freshTrainCheckout()));
  expect(run.summary).toMatch(/this run's outputs were saved|Run cache: hit/);
}

describe.skipIf("missing" in azurite)("the run cache on cache service v2 (github.com runners)", () => {
  it("saves in one job and restores in the next, byte for byte, through the Twirp service and Azure blobs", async () => {
    const [callsBefore, blobRequestsBefore] = [github.service.calls.length, github.blobs.requests.length];
    const trainedIn = await freshTrainCheckout();
    const first = await runBundledAction("train", TRAIN_INPUTS, github.runner(trainedIn));
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ result: "ok", "cache-hit": "false" });
    expect(first.summary).toContain("Run cache: miss (actions: the GitHub Actions cache)");
    expect(first.summary).toContain("this run's outputs were saved");
    const saved = github.service.entries.find((e) => e.key === key(first.outputs));
    expect(saved).toMatchObject({ scope: "refs/heads/main", finalized: true });

    const workspace = await freshTrainCheckout();
    const second = await runBundledAction("train", TRAIN_INPUTS, github.runner(workspace));
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs).toMatchObject({ "cache-hit": "true", "cache-key": key(first.outputs) });
    expect(await modelFile(workspace)).toBe(await modelFile(trainedIn));
    expect(await trainingRuns(workspace)).toBe(0);
    expect(second.summary).toContain("Run cache: hit (actions: the GitHub Actions cache)");
    expect(await readdir(path.join(workspace, "ml", ".mlops", "actions-cache"))).toEqual([]);

    // The whole v2 path, and nothing of v1: a lookup, a create, the upload, a finalize; then a lookup and the
    // Azure SDK's download (properties, then a ranged read).
    expect(github.service.calls.slice(callsBefore).map((c) => c.split(" ")[0])).toEqual([
      "GetCacheEntryDownloadURL",
      "CreateCacheEntry",
      "FinalizeCacheEntryUpload",
      "GetCacheEntryDownloadURL",
    ]);
    const blob = `/actions-cache/${saved?.blob ?? ""}`;
    const lastByte = (saved?.sizeBytes ?? 0) - 1;
    expect(github.blobs.requests.slice(blobRequestsBefore)).toEqual([
      `PUT ${blob}`,
      `HEAD ${blob}`,
      `GET ${blob} bytes=0-${lastByte}`,
    ]);
    expect(github.legacy.requests).toEqual([]);
    expect([...first.annotations, ...second.annotations].filter((a) => a.message.includes("cache"))).toEqual([]);
  });

  it("refuses a second save of a key (entries are immutable), says so once, and the step succeeds", async () => {
    await savedOnMain();
    const workspace = await freshTrainCheckout();
    const forced = await runBundledAction("train", { ...TRAIN_INPUTS, force: "true" }, github.runner(workspace));
    expect(forced.exitCode, forced.stdout).toBe(0);
    expect(forced.outputs).toMatchObject({ result: "ok", "cache-hit": "false" });
    expect(await trainingRuns(workspace)).toBe(1);
    const refusal =
      "not saved to the run cache: the Actions cache already holds this key for this branch (keys are immutable: " +
      "an earlier or parallel job saved it first, and later runs with this key restore that entry)";
    expect(forced.summary).toContain(`Run cache: skipped (--force) (actions: the GitHub Actions cache)`);
    expect(forced.summary).toContain(refusal);
    // One warning, ours; not the toolkit's "another job may be creating this cache" besides it.
    expect(forced.annotations.filter((a) => !a.message.includes("publish.promote"))).toEqual([
      { level: "warning", properties: {}, message: `run cache: ${refusal}` },
    ]);
    expect(github.service.calls.at(-1)).toBe(`CreateCacheEntry ${key(forced.outputs)}`);
    expect(github.service.entries.filter((e) => e.key === key(forced.outputs))).toHaveLength(1);
  });

  it("restores in a pull request run what the default branch saved, and keeps the PR's own entries to it", async () => {
    const pullRequest = (number: number, workspace: string): ReturnType<GithubHostedCache["runner"]> => {
      const payload = webhookExample("pull_request", "opened") as { number: number };
      payload.number = number;
      // A PR run's token: its merge ref read and write, the base (default) branch read only.
      const ref = `refs/pull/${number}/merge`;
      return github.runner(workspace, {
        ref,
        scopes: [
          { scope: ref, permission: 3 },
          { scope: "refs/heads/main", permission: 1 },
        ],
        event: { name: "pull_request", payload },
      });
    };

    await savedOnMain();
    const inPr = await freshTrainCheckout();
    const hit = await runBundledAction("train", TRAIN_INPUTS, pullRequest(7, inPr));
    expect(hit.exitCode, hit.stdout).toBe(0);
    expect(hit.outputs["cache-hit"]).toBe("true");
    expect(await trainingRuns(inPr)).toBe(0);

    // New params in the PR: trained and saved in the PR's scope ...
    const changed = { ...TRAIN_INPUTS, set: "lr=0.5" };
    const trained = await runBundledAction("train", changed, pullRequest(7, inPr));
    expect(trained.outputs["cache-hit"]).toBe("false");
    expect(trained.summary).toContain("this run's outputs were saved");
    expect(github.service.entries.find((e) => e.key === key(trained.outputs))?.scope).toBe("refs/pull/7/merge");
    // ... where the same PR finds it again, and neither the default branch nor another PR does.
    const again = await runBundledAction("train", changed, pullRequest(7, await freshTrainCheckout()));
    expect(again.outputs["cache-hit"]).toBe("true");
    const onMain = await freshTrainCheckout();
    const main = await runBundledAction("train", changed, github.runner(onMain));
    expect(main.outputs).toMatchObject({ "cache-hit": "false", "cache-key": key(trained.outputs) });
    expect(await trainingRuns(onMain)).toBe(1);
    const otherPr = await freshTrainCheckout();
    const other = await runBundledAction("train", changed, pullRequest(8, otherPr));
    expect(other.outputs["cache-hit"]).toBe("true"); // main saved lr=0.5 a moment ago: PR 8 reads main ...
    expect(github.service.entries.filter((e) => e.key === key(trained.outputs)).map((e) => e.scope)).toEqual([
      "refs/pull/7/merge",
      "refs/heads/main",
    ]); // ... not PR 7's entry.
  });

  it("restores with a token that may only read, and reports that it may not save", async () => {
    await savedOnMain();
    const workspace = await freshTrainCheckout();
    const readOnly = github.runner(workspace, { scopes: [{ scope: "refs/heads/main", permission: 1 }] });
    const hit = await runBundledAction("train", TRAIN_INPUTS, readOnly);
    expect(hit.outputs["cache-hit"]).toBe("true");
    const trained = await runBundledAction("train", { ...TRAIN_INPUTS, set: "lr=0.7" }, readOnly);
    expect(trained.exitCode, trained.stdout).toBe(0);
    expect(trained.outputs).toMatchObject({ result: "ok", "cache-hit": "false" });
    expect(trained.summary).toContain(
      "not saved to the run cache: the runner's token may not write the Actions cache " +
        "(cache write denied: the token grants no writable scope)",
    );
    expect(github.service.entries.filter((e) => e.key === key(trained.outputs))).toEqual([]);
  });

  it("reports a runtime token the cache service does not accept and trains", async () => {
    const workspace = await freshTrainCheckout();
    const runner = github.runner(workspace);
    const forged = runner.env?.ACTIONS_RUNTIME_TOKEN?.replace(/\.[^.]+$/, ".c2lnbmF0dXJl") ?? "";
    const run = await runBundledAction("train", TRAIN_INPUTS, {
      ...runner,
      env: { ...runner.env, ACTIONS_RUNTIME_TOKEN: forged },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ result: "ok", "cache-hit": "false" });
    expect(await trainingRuns(workspace)).toBe(1);
    expect(run.summary).toContain("Run cache: unavailable (actions: the GitHub Actions cache)");
    expect(run.summary).toContain("(401) Unauthorized: the runtime token is missing or invalid");
    expect(github.service.calls.slice(-2)).toEqual(["401 GetCacheEntryDownloadURL", "401 CreateCacheEntry"]);
  });
});
