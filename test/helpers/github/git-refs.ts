import { type RefEntry, compareAndSwapRef, isAncestor, listRefs, objectType, runGit } from "./bare-repo.ts";
import { type Handler, type RequestContext, type StoredRepository, notFound, unprocessable } from "./context.ts";

/**
 * Refs of the Git Data API over the bare repository. Every change is git's own compare-and-swap: `git update-ref
 * <ref> <new> <old>` with <old> the value read before the fast-forward check, so of two racing updates from one old
 * sha exactly one wins; the loser re-reads and is judged again against the winner's value (a fast-forward of it still
 * succeeds, as it would had the two arrived one after the other; anything else is "Update is not a fast forward").
 */

/** Attempts before a ref under constant contention is reported as failed (GitHub answers such races with 422 too). */
const MAX_ATTEMPTS = 20;

const repositoryOf = (context: RequestContext): StoredRepository => context.repository as StoredRepository;

function refJson(context: RequestContext, entry: RefEntry): unknown {
  const root = `${context.hosts.api}/repos/${repositoryOf(context).fullName}`;
  const kind = entry.type === "tag" ? "tags" : entry.type === "commit" ? "commits" : `${entry.type}s`;
  return {
    ref: entry.ref,
    node_id: `REF_${Buffer.from(entry.ref).toString("base64url")}`,
    url: `${root}/git/${entry.ref}`,
    object: { type: entry.type, sha: entry.sha, url: `${root}/git/${kind}/${entry.sha}` },
  };
}

/** The path's `{ref}` (e.g. heads/main) as a full ref name. */
const fullRef = (context: RequestContext): string => `refs/${context.matched.pathParams.ref ?? ""}`;

async function findRef(context: RequestContext, ref: string): Promise<RefEntry | undefined> {
  return (await listRefs(repositoryOf(context).gitDir)).find((entry) => entry.ref === ref);
}

async function validRefName(gitDir: string, ref: string): Promise<boolean> {
  return (
    ref.startsWith("refs/") &&
    ref.split("/").length >= 3 &&
    (await runGit(gitDir, ["check-ref-format", ref])).code === 0
  );
}

export const gitRefHandlers: Record<string, Handler> = {
  "git/get-ref": async (context) => {
    const entry = await findRef(context, fullRef(context));
    if (!entry) return notFound(context);
    context.reply(200, refJson(context, entry));
  },
  "git/list-matching-refs": async (context) => {
    // GitHub matches by prefix of the name, not by whole path components: heads/feat matches heads/feature-a.
    const prefix = fullRef(context);
    const refs = (await listRefs(repositoryOf(context).gitDir)).filter((entry) => entry.ref.startsWith(prefix));
    context.reply(
      200,
      refs.map((entry) => refJson(context, entry)),
    );
  },
  "git/create-ref": async (context) => {
    const gitDir = repositoryOf(context).gitDir;
    const input = context.body as { ref: string; sha: string };
    if (!(await validRefName(gitDir, input.ref)))
      return unprocessable(context, "Reference name must start with 'refs/' and have at least two slashes.");
    if (!(await objectType(gitDir, input.sha))) return unprocessable(context, "Object does not exist");
    if (!(await compareAndSwapRef(gitDir, input.ref, input.sha, undefined)))
      return unprocessable(context, "Reference already exists");
    context.reply(201, refJson(context, (await findRef(context, input.ref)) as RefEntry));
  },
  "git/update-ref": async (context) => {
    const gitDir = repositoryOf(context).gitDir;
    const ref = fullRef(context);
    const input = context.body as { sha: string; force?: boolean };
    if ((await objectType(gitDir, input.sha)) === undefined) return unprocessable(context, "Object does not exist");
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // Read first, judge the read value, then swap only if the ref still holds it.
      const old = await findRef(context, ref);
      if (!old) return unprocessable(context, "Reference does not exist");
      if (!input.force && old.sha !== input.sha && !(await isAncestor(gitDir, old.sha, input.sha)))
        return unprocessable(context, "Update is not a fast forward");
      if (await compareAndSwapRef(gitDir, ref, input.sha, old.sha)) {
        return context.reply(200, refJson(context, (await findRef(context, ref)) as RefEntry));
      }
    }
    unprocessable(context, "Reference cannot be updated");
  },
  "git/delete-ref": async (context) => {
    const gitDir = repositoryOf(context).gitDir;
    const ref = fullRef(context);
    const old = await findRef(context, ref);
    if (!old) return unprocessable(context, "Reference does not exist");
    // An immutable release's tag "cannot be deleted while the release exists" (GitHub's docs, "Immutable releases").
    if (repositoryOf(context).releases.some((r) => r.immutable && `refs/tags/${r.tagName}` === ref))
      return unprocessable(context, "Cannot delete a tag of an immutable release.");
    const result = await runGit(gitDir, ["update-ref", "-d", ref, old.sha]);
    if (result.code !== 0) return unprocessable(context, "Reference cannot be updated");
    context.reply(204);
  },
};
