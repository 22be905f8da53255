import { randomBytes } from "node:crypto";
import { NAME_PATTERN, NAME_RULE } from "../config/schema/common.ts";
import { InputError } from "../errors.ts";
import { describePathProblem, relativePathProblem } from "../files/safe-path.ts";

/**
 * Names and references the registry accepts (DOMAIN.md §4). Model names, aliases, version ids and file paths reach it
 * from configs, command lines and manifests; each is checked here before it becomes part of an object key.
 */

/** `v<UTC time to the millisecond>-<6 hex>`: unique without coordination, and text order is time order. */
export const VERSION_ID = /^v(\d{8}T\d{9}Z)-[0-9a-f]{6}$/;
const COMPACT_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;
/** A friendly sequence number as a reference: `7` or `v7`. */
const SEQUENCE_REF = /^v?([1-9]\d{0,8})$/;

export function newVersionId(at: Date): string {
  return `v${compactTime(at)}-${randomBytes(3).toString("hex")}`;
}

/** `2026-01-01T12:00:00.000Z` -> `20260101T120000000Z`: sortable as text, safe in a key. */
export function compactTime(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, "");
}

/** `20260101T120000000Z` -> the Date it stands for; undefined for any other text. */
export function parseCompactTime(text: string): Date | undefined {
  const m = COMPACT_TIME.exec(text);
  if (!m) return undefined;
  const [y = 0, mo = 1, d, h, mi, s, ms] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}

/** When a version was created, from its id; undefined for an id the kit did not make. */
export function versionTime(id: string): Date | undefined {
  const time = VERSION_ID.exec(id)?.[1];
  return time === undefined ? undefined : parseCompactTime(time);
}

export function checkModelName(model: string): string {
  if (!NAME_PATTERN.test(model)) throw new InputError(`"${model}" is not a valid model name: expected ${NAME_RULE}`);
  return model;
}

export function checkVersionName(version: string): string {
  if (!NAME_PATTERN.test(version)) throw new InputError(`"${version}" is not a valid version id`);
  return version;
}

/** Alias names are names that cannot be mistaken for a version id or a sequence number. */
export function checkAliasName(alias: string): string {
  if (!NAME_PATTERN.test(alias)) throw new InputError(`"${alias}" is not a valid alias name: expected ${NAME_RULE}`);
  if (VERSION_ID.test(alias) || SEQUENCE_REF.test(alias)) {
    throw new InputError(`"${alias}" cannot be an alias name: it reads as a version id or a version number`);
  }
  return alias;
}

/** A path inside a version (`model/weights.bin`): relative, no `..`, `.` or empty segment, no control characters. */
export function checkFilePath(file: string): string {
  const problem = relativePathProblem(file);
  if (problem) throw new InputError(`refusing the file path "${file}": ${describePathProblem(problem)}`);
  if (file.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw new InputError(`refusing the file path "${file}": it has an empty, "." or ".." segment`);
  }
  return file;
}

export type VersionRef =
  { kind: "version"; id: string } | { kind: "sequence"; sequence: number } | { kind: "alias"; alias: string };

/** What a reference means: a version id, a sequence number (`7`, `v7`) or an alias name. */
export function parseRef(ref: string): VersionRef {
  if (VERSION_ID.test(ref)) return { kind: "version", id: ref };
  const sequence = SEQUENCE_REF.exec(ref)?.[1];
  if (sequence) return { kind: "sequence", sequence: Number(sequence) };
  if (NAME_PATTERN.test(ref)) return { kind: "alias", alias: ref };
  throw new InputError(`"${ref}" is not a version id, a version number or an alias name`, {
    hint: "e.g. champion, 7 or v20260101T120000000Z-a1b2c3 (see `mlops models list`)",
  });
}

/** `churn@champion`, `churn@7`, `churn` (= `churn@champion`). */
export function parseModelRef(text: string, defaultRef = "champion"): { model: string; ref: string } {
  const at = text.indexOf("@");
  const model = at < 0 ? text : text.slice(0, at);
  const ref = at < 0 ? defaultRef : text.slice(at + 1);
  checkModelName(model);
  parseRef(ref);
  return { model, ref };
}
