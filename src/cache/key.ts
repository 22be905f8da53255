import { createHash } from "node:crypto";
import type { Params } from "../config/params.ts";

/**
 * The run cache key (DOMAIN.md §5): sha256 over everything a training run's outputs depend on. Pure: the material is
 * gathered elsewhere (./material.ts); this only puts it in canonical form and hashes it.
 */

/** Bump when the entry layout or the key material changes meaning: every older entry then misses. */
export const CACHE_FORMAT_VERSION = 1;

export interface FileFingerprint {
  /** Where the file is, relative to mlops.yml's folder (`/` separators), or `<repo>/...` for the repository root. */
  path: string;
  size: number;
  sha256: string;
}

/** An s3:// data object, identified without downloading it. */
export interface RemoteFingerprint {
  path: string;
  size: number;
  etag: string;
}

export interface KeyMaterial {
  format: number;
  model: string;
  command: string;
  params: Params;
  /** train.env: variables the command is given. */
  env: Record<string, string>;
  /** train.outputs, as declared: what a hit restores. */
  outputs: string[];
  /** train.inputs plus files named in the command. */
  code: FileFingerprint[];
  /** data.train and data.eval: local files by sha256, s3:// objects by size and ETag (src/data/fingerprint.ts). */
  data: (FileFingerprint | RemoteFingerprint)[];
  /** Lockfiles and version pins found next to mlops.yml and at the repository root. */
  lockfiles: FileFingerprint[];
  /** OS and CPU: `linux-x64 ubuntu 24.04`. */
  platform: string;
  /** Versions of the interpreters the command names, e.g. { python3: "Python 3.12.3" }. */
  runtimes: Record<string, string>;
}

export const KEY_PARTS = [
  "command",
  "params",
  "env",
  "outputs",
  "code",
  "data",
  "lockfiles",
  "platform",
  "runtimes",
  "format",
] as const;
export type KeyPart = (typeof KEY_PARTS)[number];

export interface CacheKey {
  /** sha256 of the canonical material, hex. */
  hash: string;
  /** The key as stored: `mlops-train-<model>-<hash>` (<= 512 characters, no commas, as the Actions cache needs). */
  id: string;
  /** sha256 of each part on its own, so two run records show which part changed between them. */
  parts: Record<KeyPart, string>;
}

export function cacheKeyOf(material: KeyMaterial): CacheKey {
  const hash = sha256Text(canonicalJson(material));
  const parts = Object.fromEntries(
    KEY_PARTS.map((part) => [part, sha256Text(canonicalJson(material[part])).slice(0, 16)]),
  ) as Record<KeyPart, string>;
  return { hash, id: `mlops-train-${material.model}-${hash}`, parts };
}

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` hash alike; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function sha256Text(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
