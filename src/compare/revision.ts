import { describeVersion } from "../registry/manifest.ts";
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { closestMatch } from "../config/suggest.ts";
import { InputError } from "../errors.ts";
import { readMetricsFile } from "../evaluate/evaluate.ts";
import { type RunSource, type SourceDoor, taskOfMetrics, versionPredictions } from "./sources.ts";

/**
 * `mlops metrics diff <rev>`: the metrics of a git revision, as DVC users expect them. The registry version published
 * from that commit when there is one (its manifest records the commit; a version built from uncommitted changes on
 * it does not count), with its params and stored predictions; else the metrics files (evaluate.metrics_file) as
 * committed at that revision, read with `git show`.
 */

export async function revisionSource(rev: string, door: SourceDoor): Promise<RunSource> {
  const { loaded } = door.context;
  const commit = await resolveCommit(rev, loaded.root, door.context.env);
  const short = commit.slice(0, 7);
  const registry = await door.registry();
  const model = loaded.config.model.name;
  const published = (await registry.versions(model)).filter((m) => m.git.sha === commit && m.git.dirty !== true);
  const manifest = published[published.length - 1];
  if (manifest) {
    return {
      ref: rev,
      kind: "version",
      label: `commit ${short}: ${describeVersion(manifest)}, published from it`,
      params: manifest.params,
      metrics: manifest.metrics,
      task: taskOfMetrics(manifest.metrics),
      commit,
      predictions: await versionPredictions(manifest, registry, path.join(door.scratch, "revision")),
    };
  }
  const spec = loaded.config.evaluate?.metrics_file;
  const files = typeof spec === "string" ? [spec] : (spec ?? []);
  if (files.length === 0) {
    throw new InputError(
      `no version of ${model} was published from ${rev} (${short}), and mlops.yml names no metrics file to read at it`,
      { hint: "publish from that commit, or set evaluate.metrics_file to a file your evaluation commits" },
    );
  }
  const metrics: Record<string, number> = {};
  const absent: string[] = [];
  for (const [index, file] of files.entries()) {
    const text = await gitShow(commit, file, loaded.root, door.context.env);
    if (text === undefined) {
      absent.push(file);
      continue;
    }
    // Through a file, so a committed metrics file is read exactly as the evaluate stage reads the workspace's.
    const copy = path.join(door.scratch, "revision", String(index), path.basename(file));
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFile(copy, text);
    Object.assign(metrics, { ...(await readMetricsFile(copy, `${file} at ${short}`)), ...metrics });
  }
  if (absent.length === files.length) {
    throw new InputError(
      `no version of ${model} was published from ${rev} (${short}), and ${absent.join(", ")} ${absent.length === 1 ? "is" : "are"} not committed at it`,
      { hint: "commit the metrics file(s) your evaluation writes (as DVC does), or publish from that commit" },
    );
  }
  return {
    ref: rev,
    kind: "version",
    label: `commit ${short}: ${files.filter((f) => !absent.includes(f)).join(", ")} as committed`,
    params: {},
    metrics,
    task: taskOfMetrics(metrics),
    commit,
    predictions: { missing: `${rev} has no registry version, so no predictions of it are stored` },
  };
}

/** The commit a revision names; an InputError when git does not know it (with the nearest branch or tag). */
export async function resolveCommit(rev: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const inside = await git(["rev-parse", "--is-inside-work-tree"], cwd, env);
  if (!inside.ok) {
    throw new InputError(`${cwd} is not in a git repository, so there is no revision "${rev}" to compare with`, {
      hint: "run it in a git checkout, or compare registry versions with `mlops compare`",
    });
  }
  // `--end-of-options` keeps a revision that starts with "-" from being read as an option.
  const resolved = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], cwd, env);
  if (resolved.ok && /^[0-9a-f]{40,64}$/.test(resolved.stdout.trim())) return resolved.stdout.trim();
  const names = await git(["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags"], cwd, env);
  const near = names.ok ? closestMatch(rev, names.stdout.split("\n").filter(Boolean)) : undefined;
  throw new InputError(`git does not know the revision "${rev}"`, {
    hint: near
      ? `did you mean ${near}?`
      : "name a commit, branch or tag (`git log --oneline` lists commits); fetch it first if it is on a remote",
  });
}

/** A file as committed at `commit`, relative to `cwd`; undefined when the commit does not have it. */
async function gitShow(commit: string, file: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const shown = await git(["show", `${commit}:./${file.replace(/^\.\//, "")}`], cwd, env);
  return shown.ok ? shown.stdout : undefined;
}

function git(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ ok: true; stdout: string } | { ok: false }> {
  return new Promise((resolve) => {
    execFile(
      "git",
      [...args],
      { cwd, env, encoding: "utf8", timeout: 30_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => resolve(error ? { ok: false } : { ok: true, stdout }),
    );
  });
}
