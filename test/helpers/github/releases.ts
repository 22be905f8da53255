import { rm } from "node:fs/promises";
import { exampleResponse, findOperation } from "../openapi.ts";
import { assetJson } from "./assets.ts";
import { compareAndSwapRef, readRef, resolveCommit, runGit } from "./bare-repo.ts";
import {
  type Handler,
  type RequestContext,
  type StoredRelease,
  type StoredRepository,
  notFound,
  paginate,
  timestamp,
  validationFailed,
} from "./context.ts";

/**
 * Releases as GitHub keeps them: a draft has no tag and is seen only by users with push access (never by tag, not even
 * by them); publishing creates the tag at `target_commitish` in the bare repository, unless the tag already exists,
 * which the release then uses as GitHub does; a second published release on one tag is 422 `already_exists`.
 */

interface ReleaseInput {
  tag_name?: string;
  target_commitish?: string;
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  make_latest?: "true" | "false" | "legacy";
}

function releaseExample(): Record<string, unknown> {
  const get = findOperation("GET", "/repos/o/r/releases/1");
  if (!get) throw new Error("GitHub's description lacks repos/get-release");
  return exampleResponse(get, "200") as Record<string, unknown>;
}

export function releaseJson(context: RequestContext, repository: StoredRepository, release: StoredRelease): unknown {
  const { discussion_url: _discussion, ...example } = releaseExample();
  const full = repository.fullName;
  const self = `${context.hosts.api}/repos/${full}/releases/${release.id}`;
  const tag = encodeURIComponent(release.tagName);
  return {
    ...example,
    url: self,
    html_url: `https://github.com/${full}/releases/tag/${release.draft ? `untagged-${release.id}` : tag}`,
    assets_url: `${self}/assets`,
    upload_url: `${context.hosts.uploads}/repos/${full}/releases/${release.id}/assets{?name,label}`,
    tarball_url: release.draft ? null : `${context.hosts.api}/repos/${full}/tarball/${tag}`,
    zipball_url: release.draft ? null : `${context.hosts.api}/repos/${full}/zipball/${tag}`,
    id: release.id,
    node_id: `RE_${release.id}`,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: release.immutable,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    // Every asset, starters of broken uploads too, as GitHub lists them.
    assets: release.assets.map((a) => assetJson(context, repository, release, a)),
  };
}

/** The release with this id the caller may see (drafts only with push access). */
export function visibleRelease(context: RequestContext, id: number): StoredRelease | undefined {
  const release = context.repository?.releases.find((r) => r.id === id);
  return release && (!release.draft || context.canPush) ? release : undefined;
}

async function validTagName(repository: StoredRepository, tag: string): Promise<boolean> {
  if (tag === "" || tag.startsWith("-")) return false;
  return (await runGit(repository.gitDir, ["check-ref-format", `refs/tags/${tag}`])).code === 0;
}

function publishedWithTag(repository: StoredRepository, tag: string, except: number): StoredRelease | undefined {
  return repository.releases.find((r) => !r.draft && r.tagName === tag && r.id !== except);
}

/** The tag a published release stands on: kept if it exists, else created at the target. False: no such target. */
async function ensureTag(repository: StoredRepository, release: StoredRelease): Promise<boolean> {
  const ref = `refs/tags/${release.tagName}`;
  if (await readRef(repository.gitDir, ref)) return true;
  const sha = await resolveCommit(repository.gitDir, release.targetCommitish);
  if (!sha) return false;
  // Losing this race means another release made the same tag a moment ago: it exists, which is all we need.
  await compareAndSwapRef(repository.gitDir, ref, sha, undefined);
  return true;
}

function newestLatestCandidate(repository: StoredRepository): number | null {
  const published = repository.releases.filter((r) => !r.draft && !r.prerelease);
  return published.at(-1)?.id ?? null;
}

/**
 * Publishes `release` (claiming its tag synchronously, before any await, so two publishes of one tag cannot both
 * pass) and creates the tag. Answers and returns false when it must refuse.
 */
async function publish(
  context: RequestContext,
  release: StoredRelease,
  makeLatest: string | undefined,
): Promise<boolean> {
  const repository = context.repository as StoredRepository;
  if (publishedWithTag(repository, release.tagName, release.id)) {
    validationFailed(context, { resource: "Release", code: "already_exists", field: "tag_name" });
    return false;
  }
  const wasDraft = release.draft;
  release.draft = false;
  release.publishedAt = timestamp();
  if (!(await ensureTag(repository, release))) {
    release.draft = wasDraft;
    release.publishedAt = null;
    validationFailed(context, { resource: "Release", code: "invalid", field: "target_commitish" });
    return false;
  }
  if (!release.prerelease && makeLatest !== "false") repository.latestReleaseId = release.id;
  release.immutable = repository.immutableReleases;
  return true;
}

export const releaseHandlers: Record<string, Handler> = {
  "repos/create-release": async (context) => {
    const repository = context.repository as StoredRepository;
    const input = context.body as ReleaseInput & { tag_name: string };
    if (!(await validTagName(repository, input.tag_name)))
      return validationFailed(context, { resource: "Release", code: "invalid", field: "tag_name" });
    const release: StoredRelease = {
      id: context.nextId(),
      tagName: input.tag_name,
      targetCommitish: input.target_commitish ?? repository.defaultBranch,
      name: input.name ?? input.tag_name,
      body: input.body ?? null,
      draft: true,
      prerelease: input.prerelease ?? false,
      createdAt: timestamp(),
      publishedAt: null,
      immutable: false,
      assets: [],
    };
    if (input.draft) {
      const tagExists = await readRef(repository.gitDir, `refs/tags/${input.tag_name}`);
      if (!tagExists && !(await resolveCommit(repository.gitDir, release.targetCommitish)))
        return validationFailed(context, { resource: "Release", code: "invalid", field: "target_commitish" });
      repository.releases.push(release);
    } else {
      repository.releases.push(release);
      if (!(await publish(context, release, input.make_latest))) {
        repository.releases.splice(repository.releases.indexOf(release), 1);
        return;
      }
    }
    context.reply(201, releaseJson(context, repository, release));
  },
  "repos/get-release": (context) => {
    const release = visibleRelease(context, Number(context.matched.pathParams.release_id));
    if (!release) return notFound(context);
    context.reply(200, releaseJson(context, context.repository as StoredRepository, release));
  },
  "repos/get-release-by-tag": (context) => {
    const repository = context.repository as StoredRepository;
    const tag = context.matched.pathParams.tag;
    // Drafts have no tag yet: GitHub does not find them by tag, even for users who may see them.
    const release = repository.releases.find((r) => !r.draft && r.tagName === tag);
    if (!release) return notFound(context);
    context.reply(200, releaseJson(context, repository, release));
  },
  "repos/get-latest-release": (context) => {
    const repository = context.repository as StoredRepository;
    const release = repository.releases.find((r) => r.id === repository.latestReleaseId);
    if (!release) return notFound(context);
    context.reply(200, releaseJson(context, repository, release));
  },
  "repos/list-releases": (context) => {
    const repository = context.repository as StoredRepository;
    const visible = repository.releases.filter((r) => !r.draft || context.canPush).reverse();
    const { page, headers } = paginate(visible, context.target);
    context.reply(
      200,
      page.map((r) => releaseJson(context, repository, r)),
      headers,
    );
  },
  "repos/update-release": async (context) => {
    const repository = context.repository as StoredRepository;
    const release = visibleRelease(context, Number(context.matched.pathParams.release_id));
    if (!release) return notFound(context);
    const input = context.body as ReleaseInput;
    if (input.tag_name !== undefined && input.tag_name !== release.tagName) {
      if (!(await validTagName(repository, input.tag_name)))
        return validationFailed(context, { resource: "Release", code: "invalid", field: "tag_name" });
      if (!release.draft && publishedWithTag(repository, input.tag_name, release.id))
        return validationFailed(context, { resource: "Release", code: "already_exists", field: "tag_name" });
      release.tagName = input.tag_name;
      if (!release.draft) await ensureTag(repository, release);
    }
    if (input.target_commitish !== undefined) release.targetCommitish = input.target_commitish;
    if (input.name !== undefined) release.name = input.name;
    if (input.body !== undefined) release.body = input.body;
    if (input.prerelease !== undefined) release.prerelease = input.prerelease;
    if (input.draft === false && release.draft) {
      if (!(await publish(context, release, input.make_latest))) return;
    } else if (!release.draft && !release.prerelease && input.make_latest === "true") {
      repository.latestReleaseId = release.id;
    }
    if (input.draft === true && !release.draft) {
      release.draft = true;
      release.publishedAt = null;
    }
    if (repository.latestReleaseId === release.id && (release.draft || release.prerelease))
      repository.latestReleaseId = newestLatestCandidate(repository);
    context.reply(200, releaseJson(context, repository, release));
  },
  "repos/delete-release": async (context) => {
    const repository = context.repository as StoredRepository;
    const release = visibleRelease(context, Number(context.matched.pathParams.release_id));
    if (!release) return notFound(context);
    // The tag stays, as on GitHub: deleting a release does not delete its tag.
    repository.releases.splice(repository.releases.indexOf(release), 1);
    if (repository.latestReleaseId === release.id) repository.latestReleaseId = newestLatestCandidate(repository);
    await Promise.all(release.assets.map((a) => rm(a.file, { force: true })));
    context.reply(204);
  },
};
