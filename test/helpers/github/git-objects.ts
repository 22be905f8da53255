import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { git, objectType, runGit } from "./bare-repo.ts";
import { type Handler, type RequestContext, type StoredRepository, notFound, unprocessable } from "./context.ts";

/**
 * The Git Data API's objects (blobs, trees, commits), written into the repository's bare git repository with the git
 * CLI: a blob is `git hash-object -w`, a tree is built in a scratch index (`read-tree` the base, `update-index
 * --index-info` the entries, `write-tree`), a commit is `git commit-tree`.
 */

const repositoryOf = (context: RequestContext): StoredRepository => context.repository as StoredRepository;
const apiRoot = (context: RequestContext): string => `${context.hosts.api}/repos/${repositoryOf(context).fullName}`;

/** GitHub wraps base64 content at 60 characters, one line each. */
function wrappedBase64(bytes: Buffer): string {
  return (bytes.toString("base64").match(/.{1,60}/g) ?? [""]).join("\n") + "\n";
}

interface TreeEntryInput {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string | null;
  content?: string;
}

/** One `git ls-tree` line as GitHub's tree entry. */
function treeEntryJson(context: RequestContext, line: string): Record<string, unknown> {
  const tab = line.indexOf("\t");
  const [mode = "", type = "", sha = "", size = "-"] = line.slice(0, tab).split(/\s+/);
  const entry: Record<string, unknown> = { path: line.slice(tab + 1), mode, type, sha };
  if (type === "blob") entry.size = Number(size);
  if (type !== "commit") entry.url = `${apiRoot(context)}/git/${type === "tree" ? "trees" : "blobs"}/${sha}`;
  return entry;
}

async function treeJson(context: RequestContext, sha: string, recursive: boolean): Promise<unknown> {
  const { gitDir, treeEntryLimit } = repositoryOf(context);
  const listing = await git(gitDir, ["ls-tree", "-l", "-z", ...(recursive ? ["-r", "-t"] : []), sha]);
  const lines = listing.split("\0").filter(Boolean);
  // Past its limit GitHub answers the first entries only, with `truncated: true`.
  return {
    sha,
    url: `${apiRoot(context)}/git/trees/${sha}`,
    tree: lines.slice(0, treeEntryLimit).map((line) => treeEntryJson(context, line)),
    truncated: lines.length > treeEntryLimit,
  };
}

/** The index lines (`mode sha\tpath`, or a zero mode to remove) that put one requested entry in the tree. */
async function indexLines(gitDir: string, entry: TreeEntryInput, existing: string[]): Promise<string[] | string> {
  const at = entry.path ?? "";
  if (at === "" || at.startsWith("/") || at.split("/").some((part) => part === "" || part === "." || part === ".."))
    return `tree.path ${JSON.stringify(at)} is not a valid path`;
  if (entry.sha !== undefined && entry.content !== undefined) return "Must supply either tree.sha or tree.content";
  const under = existing.filter((p) => p === at || p.startsWith(`${at}/`));
  const removals = under.map((p) => `0 ${"0".repeat(40)}\t${p}`);
  if (entry.sha === null) return removals;
  let sha = entry.sha;
  if (entry.content !== undefined) sha = await git(gitDir, ["hash-object", "-w", "--stdin"], { input: entry.content });
  if (!sha) return "Must supply either tree.sha or tree.content";
  const type = entry.type ?? "blob";
  if (type === "commit") return [...removals, `160000 ${sha}\t${at}`];
  if ((await objectType(gitDir, sha)) !== type) return `tree.sha ${sha} is not a valid ${type}`;
  if (type === "blob") return [...removals, `${entry.mode ?? "100644"} ${sha}\t${at}`];
  // A subtree: its files, under the entry's path.
  const files = await git(gitDir, ["ls-tree", "-r", "-z", sha]);
  return [
    ...removals,
    ...files
      .split("\0")
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf("\t");
        const [mode = "", , blob = ""] = line.slice(0, tab).split(" ");
        return `${mode} ${blob}\t${at}/${line.slice(tab + 1)}`;
      }),
  ];
}

async function createTree(context: RequestContext): Promise<void> {
  const gitDir = repositoryOf(context).gitDir;
  const input = context.body as { tree: TreeEntryInput[]; base_tree?: string };
  const scratch = await mkdtemp(path.join(os.tmpdir(), "fake-github-index-"));
  const env = { GIT_INDEX_FILE: path.join(scratch, "index") };
  try {
    if (input.base_tree !== undefined) {
      if ((await objectType(gitDir, input.base_tree)) !== "tree")
        return unprocessable(context, `base_tree ${input.base_tree} is not a valid tree oid`);
      await git(gitDir, ["read-tree", input.base_tree], { env });
    } else {
      await git(gitDir, ["read-tree", "--empty"], { env });
    }
    let existing = (await git(gitDir, ["ls-files", "-z"], { env })).split("\0").filter(Boolean);
    for (const entry of input.tree) {
      const lines = await indexLines(gitDir, entry, existing);
      if (typeof lines === "string") return unprocessable(context, lines);
      if (lines.length > 0)
        await git(gitDir, ["update-index", "--index-info"], { input: lines.join("\n") + "\n", env });
      existing = (await git(gitDir, ["ls-files", "-z"], { env })).split("\0").filter(Boolean);
    }
    const sha = await git(gitDir, ["write-tree"], { env });
    context.reply(201, await treeJson(context, sha, false));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

interface Identity {
  name: string;
  email: string;
  date?: string;
}

/** A GitHub identity as git's environment: the date as epoch seconds and the offset it was given in. */
function identityEnv(role: "AUTHOR" | "COMMITTER", who: Identity): Record<string, string> {
  const date = who.date ?? new Date().toISOString();
  const offset = /([+-])(\d\d):?(\d\d)$/.exec(date);
  const zone = offset ? `${offset[1]}${offset[2]}${offset[3]}` : "+0000";
  return {
    [`GIT_${role}_NAME`]: who.name,
    [`GIT_${role}_EMAIL`]: who.email,
    [`GIT_${role}_DATE`]: `@${Math.floor(Date.parse(date) / 1000)} ${zone}`,
  };
}

/** `Name <email> 1700000000 +0100` as GitHub shows an identity (the date in UTC). */
function parseIdentity(line: string): { name: string; email: string; date: string } {
  const match = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(line) ?? [];
  const seconds = Number(match[3] ?? 0);
  return {
    name: match[1] ?? "",
    email: match[2] ?? "",
    date: new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

async function commitJson(context: RequestContext, sha: string): Promise<unknown> {
  const raw = await git(repositoryOf(context).gitDir, ["cat-file", "commit", sha]);
  const split = raw.indexOf("\n\n");
  const headers = (split < 0 ? raw : raw.slice(0, split)).split("\n");
  const field = (name: string): string[] =>
    headers.filter((h) => h.startsWith(`${name} `)).map((h) => h.slice(name.length + 1));
  const root = apiRoot(context);
  const html = `https://github.com/${repositoryOf(context).fullName}/commit`;
  return {
    sha,
    node_id: `C_${sha}`,
    url: `${root}/git/commits/${sha}`,
    html_url: `${html}/${sha}`,
    author: parseIdentity(field("author")[0] ?? ""),
    committer: parseIdentity(field("committer")[0] ?? ""),
    tree: { sha: field("tree")[0] ?? "", url: `${root}/git/trees/${field("tree")[0] ?? ""}` },
    message: split < 0 ? "" : raw.slice(split + 2),
    parents: field("parent").map((p) => ({ sha: p, url: `${root}/git/commits/${p}`, html_url: `${html}/${p}` })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

export const gitObjectHandlers: Record<string, Handler> = {
  "git/create-blob": async (context) => {
    const input = context.body as { content: string; encoding?: string };
    const encoding = input.encoding ?? "utf-8";
    if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "base64")
      return unprocessable(context, `encoding must be utf-8 or base64, not ${encoding}`);
    const bytes = Buffer.from(input.content, encoding === "base64" ? "base64" : "utf8");
    const sha = await git(repositoryOf(context).gitDir, ["hash-object", "-w", "--stdin"], { input: bytes });
    context.reply(201, { sha, url: `${apiRoot(context)}/git/blobs/${sha}` });
  },
  "git/get-blob": async (context) => {
    const sha = context.matched.pathParams.file_sha ?? "";
    const gitDir = repositoryOf(context).gitDir;
    if ((await objectType(gitDir, sha)) !== "blob") return notFound(context);
    const bytes = (await runGit(gitDir, ["cat-file", "blob", sha])).stdout;
    context.reply(200, {
      sha,
      node_id: `B_${sha}`,
      size: bytes.length,
      url: `${apiRoot(context)}/git/blobs/${sha}`,
      content: wrappedBase64(bytes),
      encoding: "base64",
    });
  },
  "git/create-tree": createTree,
  "git/get-tree": async (context) => {
    const gitDir = repositoryOf(context).gitDir;
    const wanted = context.matched.pathParams.tree_sha ?? "";
    const resolved = await runGit(gitDir, ["rev-parse", "--verify", "--quiet", `${wanted}^{tree}`]);
    if (wanted.startsWith("-") || resolved.code !== 0) return notFound(context);
    const recursive = !["", "0", "false"].includes(context.target.searchParams.get("recursive") ?? "");
    context.reply(200, await treeJson(context, resolved.stdout.toString("utf8").trim(), recursive));
  },
  "git/create-commit": async (context) => {
    const gitDir = repositoryOf(context).gitDir;
    const input = context.body as {
      message: string;
      tree: string;
      parents?: string[];
      author?: Identity;
      committer?: Identity;
    };
    if ((await objectType(gitDir, input.tree)) !== "tree") return unprocessable(context, "Tree SHA does not exist");
    for (const parent of input.parents ?? [])
      if ((await objectType(gitDir, parent)) !== "commit")
        return unprocessable(context, "Parent SHA does not exist or is not a commit object");
    const fallback: Identity = {
      name: "github-actions[bot]",
      email: "41898282+github-actions[bot]@users.noreply.github.com",
    };
    const author = input.author ?? input.committer ?? fallback;
    const env = { ...identityEnv("AUTHOR", author), ...identityEnv("COMMITTER", input.committer ?? author) };
    const parents = (input.parents ?? []).flatMap((p) => ["-p", p]);
    const sha = await git(gitDir, ["commit-tree", input.tree, ...parents, "-F", "-"], { input: input.message, env });
    context.reply(201, await commitJson(context, sha));
  },
  "git/get-commit": async (context) => {
    const sha = context.matched.pathParams.commit_sha ?? "";
    if ((await objectType(repositoryOf(context).gitDir, sha)) !== "commit") return notFound(context);
    context.reply(200, await commitJson(context, sha));
  },
};
