import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  LOCKFILES,
  filesNamedIn
} from "./chunk-OBRNAMFT.js";
import {
  glob
} from "./chunk-VU4CPE2P.js";
import {
  sha256File
} from "./chunk-CQ3WEECP.js";
import {
  int,
  number,
  object,
  string
} from "./chunk-MOKAEFJD.js";
import {
  isInside,
  isS3Uri
} from "./chunk-SN54LWLO.js";

// src/runner/provenance.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";

// src/runner/worktree.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import path from "node:path";
var MAX_LISTED = 20;
var DIFF_BATCH = 200;
var GIT_TIMEOUT_MS = 6e4;
async function readWorktreeState(loaded, workspace, env) {
  const git = gitIn(env);
  const top = await git(["rev-parse", "--show-toplevel"], loaded.root).catch(() => null);
  const commit = await git(["rev-parse", "--verify", "-q", "HEAD"], loaded.root).catch(() => null);
  if (!top || !commit) return null;
  const topDir = top.toString("utf8").trim();
  let status;
  try {
    status = await git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"], topDir);
  } catch {
    return null;
  }
  const realRoot = await realpath(loaded.root);
  const real = (file) => path.join(realRoot, path.relative(loaded.root, file));
  const outputs = pipelineOutputs(loaded, workspace).map(real);
  const isOutput = (file) => outputs.some((output) => isInside(output, file));
  const tracked = [];
  const untracked = [];
  for (const entry of status.toString("utf8").split("\0")) {
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    const relative = entry.slice(3);
    if (isOutput(path.join(topDir, relative))) continue;
    if (code === "??") untracked.push(relative);
    else if (code !== "!!") tracked.push(relative);
  }
  let counted = [...tracked];
  if (untracked.length > 0) {
    const inputs = new Set([...await declaredInputs(loaded)].map(real));
    counted.push(...untracked.filter((relative) => inputs.has(path.join(topDir, relative))));
  }
  counted = [...new Set(counted)].sort();
  if (counted.length === 0)
    return { commit: commit.toString("utf8").trim(), dirty: false, diff: null, changed: [], changedCount: 0 };
  const hash = createHash("sha256");
  const trackedCounted = counted.filter((file) => tracked.includes(file));
  for (let start = 0; start < trackedCounted.length; start += DIFF_BATCH) {
    const batch = trackedCounted.slice(start, start + DIFF_BATCH);
    try {
      await git(["diff", "--binary", "--no-ext-diff", "--no-textconv", "HEAD", "--", ...batch], topDir, {
        sink: (chunk) => hash.update(chunk)
      });
    } catch {
      return null;
    }
  }
  for (const file of counted.filter((file2) => !tracked.includes(file2))) {
    const { sha256 } = await sha256File(path.join(topDir, file));
    hash.update(`untracked ${file} ${sha256}
`);
  }
  return {
    commit: commit.toString("utf8").trim(),
    dirty: true,
    diff: `sha256:${hash.digest("hex")}`,
    changed: counted.slice(0, MAX_LISTED),
    changedCount: counted.length
  };
}
function pipelineOutputs(loaded, workspace) {
  const { config, root } = loaded;
  const predictions = config.evaluate?.predictions;
  const metricsFiles = config.evaluate?.metrics_file;
  const folders = [
    ...config.train?.outputs ?? [],
    ...config.publish.files ?? [],
    ...predictions === void 0 ? [] : [typeof predictions === "string" ? predictions : predictions.path],
    ...metricsFiles === void 0 ? [] : typeof metricsFiles === "string" ? [metricsFiles] : metricsFiles,
    ...[config.registry.uri, typeof config.train?.cache === "object" ? config.train.cache.uri : void 0].filter(
      (uri) => uri !== void 0 && !isS3Uri(uri)
    )
  ];
  return [workspace.dir, ...folders.map((folder) => path.resolve(root, folder))];
}
async function declaredInputs(loaded) {
  const { config, root, repoRoot } = loaded;
  const inputs = /* @__PURE__ */ new Set([path.resolve(loaded.file)]);
  const add = (files) => {
    for (const file of files) inputs.add(path.resolve(file));
  };
  const patterns = [
    ...config.train?.inputs ?? [],
    ...[config.data?.train, config.data?.eval].flatMap((s) => s === void 0 ? [] : typeof s === "string" ? [s] : s),
    ...typeof config.train?.params === "string" ? [config.train.params] : []
  ].filter((pattern) => !isS3Uri(pattern));
  if (patterns.length > 0) add(await glob(patterns, { cwd: root, absolute: true, onlyFiles: true, dot: true }));
  for (const command of [config.train?.command, config.evaluate?.command]) {
    if (command) add(filesNamedIn(command, root, repoRoot));
  }
  for (const name of LOCKFILES) {
    inputs.add(path.join(root, name));
    inputs.add(path.join(repoRoot, name));
  }
  return inputs;
}
function gitIn(env) {
  return (args, cwd, options = {}) => new Promise((resolve, reject) => {
    const child = spawn("git", ["-c", "core.quotepath=off", ...args], {
      cwd,
      stdio: ["ignore", "pipe", "ignore"],
      timeout: GIT_TIMEOUT_MS,
      // Hooks and pagers have no business in a status read; a prompt would hang a CI job.
      env: { ...env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", GIT_OPTIONAL_LOCKS: "0" }
    });
    const chunks = [];
    child.stdout?.on("data", (chunk) => options.sink ? options.sink(chunk) : chunks.push(chunk));
    child.on("error", reject);
    child.on(
      "close",
      (code) => code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git exited ${code}`))
    );
  });
}

// src/runner/provenance.ts
var PullRequestEvent = object({
  pull_request: object({
    number: number().check(int()),
    head: object({ sha: string(), ref: string() }),
    base: object({ ref: string() })
  })
});
function pullRequestOf(event) {
  if (!/^pull_request/.test(event.name ?? "")) return null;
  const parsed = PullRequestEvent.safeParse(event.payload);
  if (!parsed.success) return null;
  const pr = parsed.data.pull_request;
  return { number: pr.number, headSha: pr.head.sha, headRef: pr.head.ref, baseRef: pr.base.ref };
}
var run = promisify(execFile);
async function readProvenance(runner, env, loaded, workspace) {
  const cwd = loaded.root;
  const worktree = await readWorktreeState(loaded, workspace, env);
  if (runner.inActions) {
    return {
      gitSha: runner.sha,
      ref: runner.ref,
      runUrl: runner.runUrl,
      actor: runner.actor,
      repository: runner.repository,
      pullRequest: pullRequestOf(runner.event),
      // The checkout is GITHUB_SHA; a state read from another commit would describe something else.
      worktree: worktree && worktree.commit === runner.sha ? worktree : null
    };
  }
  const git = async (...args) => {
    try {
      const { stdout } = await run("git", args, { cwd, timeout: 5e3 });
      return stdout.trim() || null;
    } catch {
      return null;
    }
  };
  const [branch, actor] = await Promise.all([git("symbolic-ref", "-q", "HEAD"), git("config", "user.name")]);
  return {
    gitSha: worktree?.commit ?? null,
    ref: branch,
    runUrl: null,
    actor: actor ?? env.USER ?? null,
    repository: null,
    pullRequest: null,
    worktree
  };
}

export {
  readProvenance
};
