import { copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import * as z from "../zod.ts";
import { isErrnoException } from "../errors.ts";
import { type FileDigest, sha256File } from "../files/hash.ts";
import { isInside, relativePathProblem } from "../files/safe-path.ts";
import { CACHE_FORMAT_VERSION } from "./key.ts";

/**
 * A run cache entry, the same in every backend: a manifest (which run produced it, and each output file with its
 * size and sha256) plus the files themselves stored by content (`blobs/<sha256>`). Content addressing is what keeps
 * two runs saving one key at once correct: blobs with one name have one content, and the manifest is written last
 * as a single object, so whichever manifest wins refers only to complete blobs of its own run.
 *
 * Everything read back is untrusted: the manifest is parsed strictly, its paths must lie inside the declared
 * outputs, and every file is checked against its size and sha256 before anything in the project is touched.
 */

/** The training run an entry came from: what a cache hit reports as "reused from run X". */
export const RunReference = z.object({
  id: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  gitSha: z.nullable(z.string()),
  /** The run started from uncommitted changes on gitSha (absent in entries of older kits, and when unknown). */
  gitDirty: z.optional(z.boolean()),
  ref: z.nullable(z.string()),
  runUrl: z.nullable(z.string()),
  actor: z.nullable(z.string()),
});
export type RunReference = z.infer<typeof RunReference>;

const Sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const EntryManifest = z.object({
  format: z.literal(CACHE_FORMAT_VERSION),
  key: Sha256,
  createdAt: z.string(),
  run: RunReference,
  params: z.record(z.string(), z.unknown()),
  /** The declared outputs and what each was: a file or a folder (possibly empty). */
  outputs: z.array(z.object({ path: z.string(), kind: z.enum(["file", "dir"]) })),
  files: z.array(z.object({ path: z.string(), size: z.number().check(z.int(), z.nonnegative()), sha256: Sha256 })),
});
export type EntryManifest = z.infer<typeof EntryManifest>;

export function blobName(sha256: string): string {
  return `blobs/${sha256.slice(0, 2)}/${sha256}`;
}

/** A fetched entry: its manifest text and a folder holding its blobs (`<dir>/blobs/<xx>/<sha256>`). */
export interface FetchedEntry {
  manifest: string;
  dir: string;
  /** Removes the fetched copy. */
  cleanup(): Promise<void>;
}

export type VerifyOutcome = { ok: true; manifest: EntryManifest } | { ok: false; problem: string; badBlobs: string[] };

/** Checks a fetched entry against the key and the declared outputs, and every blob against its size and sha256. */
export async function verifyEntry(
  fetched: FetchedEntry,
  keyHash: string,
  declared: readonly string[],
): Promise<VerifyOutcome> {
  let manifest: EntryManifest;
  try {
    const parsed = EntryManifest.safeParse(JSON.parse(fetched.manifest));
    if (!parsed.success) return { ok: false, problem: "its manifest is not a valid cache manifest", badBlobs: [] };
    manifest = parsed.data;
  } catch {
    return { ok: false, problem: "its manifest is not JSON (truncated?)", badBlobs: [] };
  }
  if (manifest.key !== keyHash) return { ok: false, problem: "its manifest belongs to another key", badBlobs: [] };
  const outputs = manifest.outputs.map((o) => o.path);
  if (outputs.length !== declared.length || outputs.some((o, i) => o !== declared[i])) {
    return { ok: false, problem: "its outputs are not the declared train.outputs", badBlobs: [] };
  }
  for (const file of manifest.files) {
    if (relativePathProblem(file.path) || !outputs.some((o) => isWithin(o, file.path))) {
      return { ok: false, problem: `it lists ${JSON.stringify(file.path)}, outside train.outputs`, badBlobs: [] };
    }
  }
  const checked = new Set<string>();
  for (const file of manifest.files) {
    if (checked.has(file.sha256)) continue;
    checked.add(file.sha256);
    const blob = path.join(fetched.dir, ...blobName(file.sha256).split("/"));
    let actual: { size: number; sha256: string };
    try {
      actual = await sha256File(blob);
    } catch (error) {
      if (isErrnoException(error, "ENOENT")) return { ok: false, problem: `${file.path} is missing`, badBlobs: [] };
      throw error;
    }
    if (actual.size !== file.size) {
      return {
        ok: false,
        problem: `${file.path} has ${actual.size} bytes, not ${file.size} (truncated)`,
        badBlobs: [file.sha256],
      };
    }
    if (actual.sha256 !== file.sha256) {
      return { ok: false, problem: `${file.path} does not match its sha256 (corrupt)`, badBlobs: [file.sha256] };
    }
  }
  return { ok: true, manifest };
}

/** `file` is the output `output` itself or lies in it (outputs written as `model/` or `model`). */
function isWithin(output: string, file: string): boolean {
  const base = path.posix.normalize(output).replace(/\/+$/, "");
  return file === base || file.startsWith(`${base}/`);
}

/**
 * Puts a verified entry's files in place: each declared output is removed first and rebuilt from the entry, so the
 * result is byte for byte the outputs of the run that saved it (no stale files from another run left in a folder).
 */
export async function placeEntry(fetched: FetchedEntry, manifest: EntryManifest, root: string): Promise<FileDigest[]> {
  for (const output of manifest.outputs) {
    const target = path.resolve(root, output.path);
    if (!isInside(root, target) || target === path.resolve(root)) {
      throw new Error(`refusing to replace ${output.path}: not inside the project folder`);
    }
    await rm(target, { recursive: true, force: true });
    if (output.kind === "dir") await mkdir(target, { recursive: true });
  }
  const uses = new Map<string, number>();
  for (const file of manifest.files) uses.set(file.sha256, (uses.get(file.sha256) ?? 0) + 1);
  for (const file of manifest.files) {
    const blob = path.join(fetched.dir, ...blobName(file.sha256).split("/"));
    const target = path.resolve(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    const left = (uses.get(file.sha256) ?? 1) - 1;
    uses.set(file.sha256, left);
    // The last user of a blob may take it (rename); identical files before it get copies.
    if (left === 0) await moveFile(blob, target);
    else await copyFile(blob, target);
  }
  return manifest.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 }));
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if (!isErrnoException(error, "EXDEV")) throw error;
    await copyFile(from, to);
  }
}

/** What each declared output is right now: a folder or a file. */
export async function declaredOutputKinds(
  root: string,
  outputs: readonly string[],
): Promise<{ path: string; kind: "file" | "dir" }[]> {
  return Promise.all(
    outputs.map(async (output) => ({
      path: output,
      kind: (await stat(path.resolve(root, output))).isDirectory() ? ("dir" as const) : ("file" as const),
    })),
  );
}
