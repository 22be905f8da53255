import { afterAll, beforeAll, describe, expect, it, type onTestFinished } from "vitest";
import { type ActionRun, runBundledAction } from "../helpers/runner.ts";
import { azurite, type GithubHostedCache, startGithubHostedCache } from "./github-hosted-cache.ts";
import { freshTrainCheckout, TRAIN_INPUTS, trainingRuns } from "./train-checkout.ts";

/**
 * A failed cache is never a failed training: a 5xx from the cache service (Twirp) or from the blob storage behind its
 * signed URLs, on the way in or out, and the train action still trains, succeeds, and says why in a warning and in
 * its summary. @actions/cache retries first, as it does on github.com (Twirp: 5 attempts over ~30 s; Azure storage:
 * 4 tries over ~16 s), so each test runs on its own branch with its own failure, and they run at once.
 */

let github: GithubHostedCache;
if ("missing" in azurite) console.warn(`\n[azurite] skipping the cache service v2 outage tests: ${azurite.missing}\n`);

beforeAll(async () => {
  if ("main" in azurite) github = await startGithubHostedCache(azurite.main);
});
afterAll(() => github?.stop());

/** The toolkit's retries take up to ~35 s (Twirp) or ~16 s twice (storage); leave room on a busy machine. */
const RETRIES_TIMEOUT_MS = 150_000;

/** A fresh checkout of the project, trained on branch `ref` (whose runtime token reads and writes that branch). */
async function trainOnBranch(ref: string, whenFinished: typeof onTestFinished): Promise<Trained> {
  const workspace = await freshTrainCheckout(whenFinished);
  return { run: await runBundledAction("train", TRAIN_INPUTS, github.runner(workspace, { ref })), workspace };
}

interface Trained {
  run: ActionRun;
  workspace: string;
}

/** Trained, succeeded, and the summary and one warning (no error annotation) say why the cache was not used. */
async function expectTrainedDespite({ run, workspace }: Trained, why: RegExp): Promise<void> {
  expect(run.exitCode, run.stdout).toBe(0);
  expect(run.outputs).toMatchObject({ result: "ok", "cache-hit": "false" });
  expect(await trainingRuns(workspace)).toBe(1);
  expect(run.summary).toMatch(why);
  const cacheAnnotations = run.annotations.filter((a) => !a.message.includes("publish.promote"));
  expect(cacheAnnotations.map((a) => a.level)).toEqual(cacheAnnotations.map(() => "warning"));
  expect(cacheAnnotations.some((a) => why.test(a.message))).toBe(true);
  // The toolkit's own messages are folded into ours, not shown beside them.
  const toolkits = cacheAnnotations.filter((a) => /^Failed to (save|restore)|^uploadCacheArchiveSDK/.test(a.message));
  expect(toolkits).toEqual([]);
}

const failing = describe.skipIf("missing" in azurite).concurrent;

failing("the run cache when cache service v2 fails", { timeout: RETRIES_TIMEOUT_MS }, () => {
  it("trains when the cache service answers 503 to the lookup, says why, and still saves", async ({
    onTestFinished,
  }) => {
    const ref = "refs/heads/outage-lookup";
    github.service.failWith("GetCacheEntryDownloadURL", 503, ref);
    const trained = await trainOnBranch(ref, onTestFinished);
    await expectTrainedDespite(
      trained,
      /could not be read: the cache service failed: Failed to GetCacheEntryDownloadURL: Failed to make request after 5 attempts: Failed request: \(503\) Service Unavailable/,
    );
    expect(trained.run.summary).toContain("Run cache: unavailable (actions: the GitHub Actions cache)");
    expect(trained.run.summary).toContain("this run's outputs were saved");
    expect(github.service.entries.find((e) => e.scope === ref)?.finalized).toBe(true);
  });

  it("trains when the cache service answers 503 to CreateCacheEntry, and says the outputs were not saved and why", async ({
    onTestFinished,
  }) => {
    const ref = "refs/heads/outage-create";
    github.service.failWith("CreateCacheEntry", 503, ref);
    const trained = await trainOnBranch(ref, onTestFinished);
    await expectTrainedDespite(
      trained,
      /not saved to the run cache \(the GitHub Actions cache\): the cache service did not create the entry: Failed to CreateCacheEntry: Failed to make request after 5 attempts: Failed request: \(503\) Service Unavailable/,
    );
    expect(trained.run.summary).toContain("Run cache: miss");
    expect(github.service.entries.filter((e) => e.scope === ref)).toEqual([]);
  });

  it("trains when the blob storage answers 503 to the download of an entry the service found", async ({
    onTestFinished,
  }) => {
    const ref = "refs/heads/outage-download";
    expect((await trainOnBranch(ref, onTestFinished)).run.summary).toContain("this run's outputs were saved");
    github.blobs.failWith(503, `/actions-cache/${ref}/`);
    const trained = await trainOnBranch(ref, onTestFinished);
    await expectTrainedDespite(
      trained,
      /could not be read: an entry was found, but downloading or unpacking it failed/,
    );
    expect(trained.run.summary).toContain("Run cache: unavailable (actions: the GitHub Actions cache)");
    // The entry is there, just unreadable for now: the new outputs are not saved over it.
    expect(trained.run.summary).toContain("the Actions cache already holds this key for this branch");
    expect(github.blobs.requests.filter((r) => r.startsWith(`HEAD /actions-cache/${ref}/`))).toHaveLength(4);
  });

  it("trains when the blob storage answers 503 to the upload, and says the outputs were not saved and why", async ({
    onTestFinished,
  }) => {
    const ref = "refs/heads/outage-upload";
    github.blobs.failWith(503, `/actions-cache/${ref}/`);
    const trained = await trainOnBranch(ref, onTestFinished);
    await expectTrainedDespite(
      trained,
      /not saved to the run cache \(the GitHub Actions cache\): uploading the archive to the cache's storage failed: The server is busy/,
    );
    // Created but never finalized: nothing a later run could restore.
    expect(github.service.entries.filter((e) => e.scope === ref).map((e) => e.finalized)).toEqual([false]);
    expect(github.blobs.requests.filter((r) => r.startsWith(`PUT /actions-cache/${ref}/`))).toHaveLength(4);
  });
});
