import { ExternalError } from "../../errors.ts";
import { REGISTRY_REF } from "./layout.ts";
import { type GitHubApi, statusOf } from "./http.ts";

/**
 * The registry ref (`refs/mlops/registry`) as a small file tree: everything of the registry but its versions (alias
 * history, sequence claims, fsck records, quarantine). Reads take the ref's tree once per change of the ref (a
 * conditional GET with its ETag; GitHub does not count a 304 against the rate limit) and blobs by sha, both cached:
 * git objects never change.
 *
 * Every write is one commit made with the Git Data API: a tree on top of the current one with the new files inline,
 * a commit whose parent is the current head, then `update-ref` with `force: false`, which GitHub refuses (422) when
 * the ref moved meanwhile, so it is a compare-and-swap. The loser reads the new head, decides again (a `create` that
 * now finds its path taken returns false) and tries again after a jittered pause. No write is ever lost or forked.
 */

/** A change to one file: new bytes, or removal. */
export interface RefFile {
  sha: string;
  size: number;
}

export type Edit = { path: string; content: Buffer } | { path: string; remove: true };

export interface RefTree {
  /** Every file on the ref (none before the first write). */
  files(): Promise<Map<string, RefFile>>;
  read(path: string): Promise<Buffer | undefined>;
  /**
   * Commits what `plan` asks for, given the files as they are at the head it commits on; retried from a fresh read
   * until the compare-and-swap passes. No edits: nothing is written. Returns the plan's result.
   */
  update<T>(message: string, plan: (files: Map<string, RefFile>) => { edits: Edit[]; result: T }): Promise<T>;
}

interface Head {
  commit: string;
  tree: string;
  files: Map<string, RefFile>;
}

/** Contests lost before giving up: eight writers at once settle in a handful each. */
const MAX_CONTESTS = 60;

export function createRefTree(api: GitHubApi): RefTree {
  const { owner, repo } = api.connection.repository;
  const { octokit } = api;
  const shortRef = REGISTRY_REF.slice("refs/".length);
  let cachedRef: { etag: string; commit: string } | undefined;
  const trees = new Map<string, Promise<Head>>();
  const blobs = new Map<string, Buffer>();

  /** The commit the ref points at now; undefined before the first write. */
  const headCommit = async (): Promise<string | undefined> => {
    try {
      const found = await api.find(
        "read the registry ref",
        () =>
          octokit.rest.git.getRef({
            owner,
            repo,
            ref: shortRef,
            headers: cachedRef ? { "if-none-match": cachedRef.etag } : {},
          }),
        { expects: [304] },
      );
      if (!found) {
        cachedRef = undefined;
        return undefined;
      }
      const etag = found.headers.etag;
      cachedRef = etag ? { etag, commit: found.data.object.sha } : undefined;
      return found.data.object.sha;
    } catch (error) {
      if (statusOf(error) === 304 && cachedRef) return cachedRef.commit;
      throw error;
    }
  };

  /**
   * The files under one tree, `prefix` before their paths: one recursive read, unless GitHub truncates it (past 100,000
   * entries or 7 MB, its docs on get-tree), when this level is read alone and each subtree the same way, so no key is
   * ever dropped. A level too large even alone cannot be listed: said so, never half a tree.
   */
  const readTree = async (sha: string, prefix: string, files: Map<string, RefFile>): Promise<string> => {
    const { data } = await api.call("read the registry tree", () =>
      octokit.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: "1" }),
    );
    if (!data.truncated) {
      for (const entry of data.tree) {
        if (entry.type === "blob" && entry.path && entry.sha)
          files.set(`${prefix}${entry.path}`, { sha: entry.sha, size: entry.size ?? 0 });
      }
      return data.sha;
    }
    const { data: level } = await api.call("read the registry tree", () =>
      octokit.rest.git.getTree({ owner, repo, tree_sha: sha }),
    );
    if (level.truncated) {
      throw new ExternalError(
        `cannot list ${prefix === "" ? "the top folder" : prefix} of ${REGISTRY_REF} in ${api.where}: it holds more ` +
          `entries than GitHub lists in one answer (it truncated the listing after ${level.tree.length})`,
        {
          hint:
            "the registry ref grew too large for GitHub's tree listings: keep such a registry in S3 " +
            "(registry.uri: s3://bucket/prefix), or prune the model's records",
        },
      );
    }
    const subtrees: Promise<string>[] = [];
    for (const entry of level.tree) {
      if (!entry.path || !entry.sha) continue;
      if (entry.type === "blob") files.set(`${prefix}${entry.path}`, { sha: entry.sha, size: entry.size ?? 0 });
      else if (entry.type === "tree") subtrees.push(readTree(entry.sha, `${prefix}${entry.path}/`, files));
    }
    await Promise.all(subtrees);
    return level.sha;
  };

  /** A commit's tree as a file list (GET .../git/trees/<commit> takes a commit sha and answers with its tree's). */
  const treeOf = (commit: string): Promise<Head> => {
    let tree = trees.get(commit);
    if (!tree) {
      const files = new Map<string, RefFile>();
      tree = readTree(commit, "", files).then((sha) => ({ commit, tree: sha, files }));
      tree.catch(() => trees.delete(commit));
      trees.set(commit, tree);
    }
    return tree;
  };

  const head = async (): Promise<Head | undefined> => {
    const commit = await headCommit();
    return commit === undefined ? undefined : treeOf(commit);
  };

  const blob = async (sha: string): Promise<Buffer> => {
    const known = blobs.get(sha);
    if (known) return known;
    const { data } = await api.call("read a registry file", () =>
      octokit.rest.git.getBlob({ owner, repo, file_sha: sha }),
    );
    const bytes = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
    blobs.set(sha, bytes);
    return bytes;
  };

  /** The tree entry of one edit: text inline in the tree request, other bytes as a blob of their own first. */
  const entryOf = async (edit: Edit) => {
    if ("remove" in edit) return { path: edit.path, mode: "100644" as const, type: "blob" as const, sha: null };
    const text = edit.content.toString("utf8");
    if (Buffer.from(text, "utf8").equals(edit.content))
      return { path: edit.path, mode: "100644" as const, type: "blob" as const, content: text };
    const { data } = await api.call(
      "write a registry file",
      () => octokit.rest.git.createBlob({ owner, repo, content: edit.content.toString("base64"), encoding: "base64" }),
      { write: true },
    );
    return { path: edit.path, mode: "100644" as const, type: "blob" as const, sha: data.sha };
  };

  /** One attempt: true when the ref now holds the commit, false when another writer moved it first. */
  const commit = async (message: string, base: Head | undefined, edits: Edit[]): Promise<boolean> => {
    const entries = await Promise.all(edits.map(entryOf));
    const { data: tree } = await api.call(
      "write the registry tree",
      () => octokit.rest.git.createTree({ owner, repo, tree: entries, ...(base ? { base_tree: base.tree } : {}) }),
      { write: true },
    );
    const { data: made } = await api.call(
      "commit to the registry ref",
      () => octokit.rest.git.createCommit({ owner, repo, message, tree: tree.sha, parents: base ? [base.commit] : [] }),
      { write: true },
    );
    try {
      if (base) {
        await api.call(
          "move the registry ref",
          () => octokit.rest.git.updateRef({ owner, repo, ref: shortRef, sha: made.sha, force: false }),
          { write: true, expects: [422] },
        );
      } else {
        await api.call(
          "create the registry ref",
          () => octokit.rest.git.createRef({ owner, repo, ref: REGISTRY_REF, sha: made.sha }),
          { write: true, expects: [422] },
        );
      }
      return true;
    } catch (error) {
      if (statusOf(error) === 422) return false;
      throw error;
    }
  };

  return {
    async files() {
      return (await head())?.files ?? new Map<string, RefFile>();
    },
    async read(path) {
      const file = (await head())?.files.get(path);
      return file === undefined ? undefined : blob(file.sha);
    },
    async update(message, plan) {
      for (let contest = 0; contest < MAX_CONTESTS; contest++) {
        const base = await head();
        const { edits, result } = plan(base?.files ?? new Map<string, RefFile>());
        if (edits.length === 0) return result;
        if (await commit(message, base, edits)) return result;
        // Another writer moved the ref: decide again on its head, after a pause that spreads the writers out.
        await api.sleep(Math.round(Math.random() * Math.min(2000, 50 * 2 ** Math.min(contest, 5))));
      }
      throw new ExternalError(
        `could not write to ${REGISTRY_REF} in ${api.where}: other writers moved it first ${MAX_CONTESTS} times`,
        { hint: "run again; serialise registry writes with a `concurrency:` group in the workflow" },
      );
    },
  };
}
