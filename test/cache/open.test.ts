import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionsCacheAccess, createActionsBackend } from "../../src/cache/actions-backend.ts";
import { cacheKeyOf } from "../../src/cache/key.ts";
import { openRunCache, parseCacheChoice } from "../../src/cache/open.ts";
import { loadConfig } from "../../src/config/load.ts";
import { UsageError } from "../../src/errors.ts";
import { writeConfig } from "../helpers/config.ts";
import { stageContext } from "../helpers/context.ts";
import { tempDir } from "../helpers/temp.ts";

/**
 * Choosing the run cache backend, and the GitHub Actions cache's guards: it exists only inside a runner, only for a
 * JavaScript action (a token and a service URL), and ACTIONS_CACHE_MODE may forbid reads or writes. Outside those,
 * the kit falls back to the local folder and says why; it never calls @actions/cache where it cannot work.
 */

/** What a JavaScript action step sees inside a runner (cache service v2, as on github.com today). */
const RUNNER = {
  GITHUB_ACTIONS: "true",
  GITHUB_SERVER_URL: "https://github.com",
  ACTIONS_RUNTIME_TOKEN: "token",
  ACTIONS_CACHE_SERVICE_V2: "true",
  ACTIONS_RESULTS_URL: "https://results-receiver.actions.githubusercontent.com/",
};

describe("the Actions cache guards", () => {
  it("allows reads and writes in a JavaScript action inside a runner", () => {
    expect(actionsCacheAccess(RUNNER)).toEqual({ usable: true, read: true, write: true, reason: null });
    const v1 = { ...RUNNER, ACTIONS_CACHE_SERVICE_V2: "", ACTIONS_RESULTS_URL: "", ACTIONS_CACHE_URL: "https://x/" };
    expect(actionsCacheAccess(v1).usable).toBe(true);
    // GitHub Enterprise Server always speaks v1, whatever the flag says.
    const ghes = { ...RUNNER, GITHUB_SERVER_URL: "https://github.example.com", ACTIONS_CACHE_URL: "https://x/" };
    expect(actionsCacheAccess({ ...ghes, ACTIONS_RESULTS_URL: "" }).usable).toBe(true);
  });

  it("refuses outside a runner, in a run: step (no token), or without a service URL", () => {
    expect(actionsCacheAccess({})).toMatchObject({
      usable: false,
      reason: "the GitHub Actions cache exists only inside a GitHub Actions runner",
    });
    expect(actionsCacheAccess({ ...RUNNER, ACTIONS_RUNTIME_TOKEN: "" }).reason).toMatch(
      /no ACTIONS_RUNTIME_TOKEN: the Actions cache is reachable from a JavaScript action .*not from a `run:` step/,
    );
    expect(actionsCacheAccess({ ...RUNNER, ACTIONS_RESULTS_URL: "" })).toMatchObject({
      usable: false,
      reason: "the runner gave no cache service URL (ACTIONS_RESULTS_URL)",
    });
    // GHES speaks v1 only, even with the v2 flag set; its results URL is no v1 cache service (isFeatureAvailable).
    expect(actionsCacheAccess({ ...RUNNER, GITHUB_SERVER_URL: "https://github.example.com" })).toMatchObject({
      usable: false,
      reason: "the runner gave no cache service URL (ACTIONS_CACHE_URL)",
    });
  });

  it("follows ACTIONS_CACHE_MODE: none, read (e.g. pull_request_target), write-only", () => {
    expect(actionsCacheAccess({ ...RUNNER, ACTIONS_CACHE_MODE: "none" })).toMatchObject({ usable: false });
    expect(actionsCacheAccess({ ...RUNNER, ACTIONS_CACHE_MODE: "read" })).toMatchObject({
      usable: true,
      read: true,
      write: false,
      reason: "ACTIONS_CACHE_MODE is read (e.g. pull_request_target): entries are restored, none saved",
    });
    expect(actionsCacheAccess({ ...RUNNER, ACTIONS_CACHE_MODE: " Write-Only " })).toMatchObject({
      read: false,
      write: true,
    });
    expect(actionsCacheAccess({ ...RUNNER, ACTIONS_CACHE_MODE: "write" })).toMatchObject({ read: true, write: true });
  });

  it("does not touch the network where the mode forbids it", async () => {
    const workspace = await tempDir();
    const key = cacheKeyOf({
      format: 1,
      model: "demo",
      command: "x",
      params: {},
      env: {},
      outputs: [],
      code: [],
      data: [],
      lockfiles: [],
      platform: "p",
      runtimes: {},
    });
    const readOnly = createActionsBackend({
      access: actionsCacheAccess({ ...RUNNER, ACTIONS_CACHE_MODE: "read" }),
      githubWorkspace: workspace,
      stagingRoot: path.join(workspace, ".mlops", "actions-cache"),
    });
    // No cache service exists here: any call to @actions/cache would fail, so these answers come from the guards.
    expect(await readOnly?.save(key, { manifest: {} as never, blobs: new Map() })).toEqual({
      saved: false,
      reason: "ACTIONS_CACHE_MODE is read: this run may not write the Actions cache",
    });
    const writeOnly = createActionsBackend({
      access: actionsCacheAccess({ ...RUNNER, ACTIONS_CACHE_MODE: "write-only" }),
      githubWorkspace: workspace,
      stagingRoot: path.join(workspace, ".mlops", "actions-cache"),
    });
    expect(await writeOnly?.fetch(key)).toBeNull();
    // The Actions cache restores to the path it saved, relative to GITHUB_WORKSPACE: a staging place outside is refused.
    expect(
      createActionsBackend({
        access: actionsCacheAccess(RUNNER),
        githubWorkspace: workspace,
        stagingRoot: path.join(path.dirname(workspace), "elsewhere"),
      }),
    ).toBeNull();
  });
});

describe("choosing the backend", () => {
  async function contextWith(cache: string, env: NodeJS.ProcessEnv = {}) {
    const dir = await tempDir();
    await writeConfig(
      dir,
      `version: 1\nmodel: { name: demo }\ntrain:\n  command: node train.mjs\n  outputs: [model/]\n  cache: ${cache}\n`,
    );
    return stageContext(await loadConfig("mlops.yml", dir), env);
  }

  it("is the local folder on a laptop, quietly", async () => {
    const context = await contextWith("true");
    const cache = await openRunCache(context);
    expect(cache.backend).toMatchObject({ kind: "local", location: context.workspace.cacheDir });
    expect(cache.notes).toEqual([]);
  });

  it("falls back to the local folder when the Actions cache was asked for outside a runner, and says so", async () => {
    const context = await contextWith("{ backend: actions }");
    const cache = await openRunCache(context);
    expect(cache.backend?.kind).toBe("local");
    expect(cache.notes).toEqual([
      "not using the GitHub Actions cache (the GitHub Actions cache exists only inside a GitHub Actions runner); " +
        "using the local folder .mlops/cache instead",
    ]);
    // In a run: step of a runner, `auto` explains itself too: the user may have expected the Actions cache.
    const step = await openRunCache(await contextWith("true", { ...RUNNER, ACTIONS_RUNTIME_TOKEN: "" }));
    expect(step.backend?.kind).toBe("local");
    expect(step.notes[0]).toMatch(/^not using the GitHub Actions cache \(the runner gave no ACTIONS_RUNTIME_TOKEN/);
  });

  it("is the Actions cache in a JavaScript action inside a runner", async () => {
    const context = await contextWith("true", { ...RUNNER, GITHUB_WORKSPACE: "/" });
    const cache = await openRunCache(context);
    expect(cache.backend).toMatchObject({ kind: "actions", location: "the GitHub Actions cache" });
  });

  it("is S3 for an s3:// uri, a folder for a folder uri, and off when asked", async () => {
    expect((await openRunCache(await contextWith("{ uri: s3://bucket/runs }"))).backend).toMatchObject({
      kind: "s3",
      location: "s3://bucket/runs",
    });
    const folder = await contextWith("{ uri: shared-cache }");
    expect((await openRunCache(folder)).backend?.location).toBe(path.join(folder.loaded.root, "shared-cache"));
    expect(await openRunCache(await contextWith("false"))).toMatchObject({
      backend: null,
      notes: ["the run cache is off (train.cache)"],
    });
    expect(await openRunCache(await contextWith("true"), "off")).toMatchObject({
      backend: null,
      notes: ["the run cache is off for this run (--cache off)"],
    });
    // An explicit choice turns a cache that the config switched off back on.
    expect((await openRunCache(await contextWith("false"), "local")).backend?.kind).toBe("local");
  });

  it("reads a backend choice strictly", () => {
    expect(parseCacheChoice(" S3 ", "--cache")).toBe("s3");
    expect(() => parseCacheChoice("github", "--cache")).toThrow(UsageError);
    expect(() => parseCacheChoice("github", "--cache")).toThrow(
      '--cache must be one of auto, local, actions, s3, off, not "github"',
    );
  });
});
