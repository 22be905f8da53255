import { createHash } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse as parseToml, stringify as stringifyToml } from "smol-toml";
import { isCollection, isNode, isScalar, parseDocument } from "yaml";
import type { OnInterrupt } from "../command/interrupts.ts";
import { type Params, type ParamsFormat, paramsFormat } from "../config/params.ts";

/**
 * A params file rewritten for one training run (like `dvc exp run -S`): `--set` overrides and a sweep leg's values are
 * written into the file the script reads, in the file's own format, and the original bytes are put back afterwards,
 * whether the command succeeds, fails, times out, or the kit gets SIGINT/SIGTERM. A file nothing overrides is not
 * touched at all.
 *
 * Layout (in the workspace, `.mlops/` by default): before the file is rewritten, `params-backup.json` records the
 * file (relative to mlops.yml's folder), its original bytes (base64) and the sha256 of what the kit wrote. It is
 * written whole (temporary file, then rename) and removed once the original is back, so one left behind means a kit
 * stopped hard (SIGKILL, power loss) in the middle of a run: {@link recoverParamsFile} puts the original back.
 */

export const PARAMS_BACKUP = "params-backup.json";

interface ParamsBackup {
  file: string;
  original: string;
  written: string;
}

/** One param to write: its path of keys and its value. */
export interface ParamChange {
  keys: string[];
  value: unknown;
}

export interface ParamsRewrite {
  /** The params file, absolute. */
  file: string;
  /** mlops.yml's folder: the backup names the file relative to it. */
  root: string;
  workspaceDir: string;
  /** The params as the file holds them. */
  original: Params;
  /** The params the run trains with. */
  resolved: Params;
  onInterrupt?: OnInterrupt | undefined;
}

/** Runs `work` with the resolved params written into the params file; the original bytes are back when it returns. */
export async function withParamsRewritten<T>(rewrite: ParamsRewrite, work: () => Promise<T>): Promise<T> {
  const changes = paramChanges(rewrite.original, rewrite.resolved);
  if (changes.length === 0) return work();
  const originalBytes = await readFile(rewrite.file);
  const text = renderParams(originalBytes.toString("utf8"), paramsFormat(rewrite.file), changes);
  const backupFile = path.join(rewrite.workspaceDir, PARAMS_BACKUP);
  const backup: ParamsBackup = {
    file: path.relative(rewrite.root, rewrite.file).split(path.sep).join("/"),
    original: originalBytes.toString("base64"),
    written: sha256(text),
  };
  await mkdir(rewrite.workspaceDir, { recursive: true });
  await writeFile(`${backupFile}.tmp`, `${JSON.stringify(backup)}\n`);
  await rename(`${backupFile}.tmp`, backupFile);
  // Synchronous, so that it also completes inside a signal listener just before the kit ends.
  const restore = (): void => {
    writeFileSync(rewrite.file, originalBytes);
    rmSync(backupFile, { force: true });
  };
  const stopListening = rewrite.onInterrupt?.(restore);
  try {
    await writeFile(rewrite.file, text);
    return await work();
  } finally {
    stopListening?.();
    restore();
  }
}

/**
 * Puts back a params file that a kit stopped hard left rewritten, and returns a warning to print; null when there was
 * nothing to do. A file changed since the kit wrote it is the user's: it is left alone and the original is kept
 * beside the backup for them to pick from.
 */
export async function recoverParamsFile(
  root: string,
  workspaceDir: string,
  paramsFile: string | undefined,
): Promise<string | null> {
  const backupFile = path.join(workspaceDir, PARAMS_BACKUP);
  const shownBackup = path.relative(root, backupFile).split(path.sep).join("/");
  let backup: unknown;
  try {
    backup = JSON.parse(await readFile(backupFile, "utf8")) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
  }
  if (!isParamsBackup(backup)) {
    await rm(backupFile, { force: true });
    return `removed ${shownBackup}, which could not be read: check that your params file holds what you expect`;
  }
  const file = path.resolve(root, backup.file);
  const original = Buffer.from(backup.original, "base64");
  // Only ever train.params is written back: a backup naming another file (train.params changed since, or a backup
  // that did not come from this kit) is kept aside, never written over a file elsewhere.
  const expected = paramsFile === undefined ? null : path.resolve(root, paramsFile);
  const current = file === expected ? await readFile(file).catch(() => null) : null;
  if (current?.equals(original)) {
    await rm(backupFile, { force: true });
    return null;
  }
  if (file !== expected || (current !== null && sha256(current) !== backup.written)) {
    const kept = path.join(workspaceDir, `params-original-${path.basename(file)}`);
    await writeFile(kept, original);
    await rm(backupFile, { force: true });
    const shownKept = path.relative(root, kept).split(path.sep).join("/");
    return file === expected
      ? `${backup.file} was rewritten for a run that was stopped hard, and has changed since: left it as it is; the content it had before that run is in ${shownKept}`
      : `${shownBackup} names ${backup.file}, which is not train.params: left that file alone; the content the backup holds is in ${shownKept}`;
  }
  await writeFile(file, original);
  await rm(backupFile, { force: true });
  return `${backup.file} was still rewritten with the params of a run that was stopped hard (killed): restored its original content from ${shownBackup}`;
}

/** A backup as this kit writes it; anything else (hand-edited, truncated, another tool's) is not one. */
function isParamsBackup(value: unknown): value is ParamsBackup {
  const backup = value as Partial<Record<keyof ParamsBackup, unknown>> | null;
  return (
    typeof backup === "object" &&
    backup !== null &&
    typeof backup.file === "string" &&
    typeof backup.original === "string" &&
    typeof backup.written === "string"
  );
}

/** The params whose values differ (or that the resolved params add, as a matrix may): the leaves to write. */
export function paramChanges(before: Params, after: Params, keys: string[] = []): ParamChange[] {
  const changes: ParamChange[] = [];
  for (const [key, value] of Object.entries(after)) {
    const path = [...keys, key];
    const old = before[key];
    if (!Object.hasOwn(before, key)) changes.push({ keys: path, value });
    else if (isMapping(old) && isMapping(value)) changes.push(...paramChanges(old, value, path));
    else if (!isDeepStrictEqual(old, value)) changes.push({ keys: path, value });
  }
  return changes;
}

/**
 * The file's text with the changes written in. YAML goes through the `yaml` Document, so comments, key order and
 * the style of untouched values stay; a replaced value keeps the comments around it. JSON keeps its key order and
 * indentation (JSON has no comments). TOML keeps each value's type (renderToml).
 */
export function renderParams(text: string, format: ParamsFormat, changes: readonly ParamChange[]): string {
  if (format === "json") {
    const value = JSON.parse(text) as Params;
    for (const change of changes) setIn(value, change.keys, change.value);
    const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? (text.trim().includes("\n") ? 2 : 0);
    return `${JSON.stringify(value, null, indent)}${text.endsWith("\n") ? "\n" : ""}`;
  }
  if (format === "toml") return renderToml(text, changes);
  const document = parseDocument(text);
  for (const change of changes) {
    const old: unknown = document.getIn(change.keys, true);
    const next = document.createNode(change.value);
    if (isNode(old)) {
      next.comment = old.comment;
      next.commentBefore = old.commentBefore;
      next.spaceBefore = old.spaceBefore;
      // The same kind of value keeps its style: a quoted string stays quoted, a `[a, b]` list stays on one line.
      if (isScalar(old) && isScalar(next) && typeof old.value === typeof next.value) next.type = old.type;
      if (isCollection(old) && isCollection(next)) next.flow = old.flow;
    }
    document.setIn(change.keys, next);
  }
  return document.toString();
}

/**
 * TOML through smol-toml: the file is read with its integers as BigInt, so each value keeps its TOML type when written
 * back (`epochs = 10` stays an integer, `lr = 1.0` a float), and a changed number takes the type the file had for it
 * (`--set lr=1` writes `lr = 1.0`). Comments and layout are not kept while the run's values are in the file: the
 * original bytes are put back afterwards.
 */
function renderToml(text: string, changes: readonly ParamChange[]): string {
  const value = parseToml(text, { integersAsBigInt: true }) as Params;
  for (const change of changes) setIn(value, change.keys, tomlValue(getIn(value, change.keys), change.value));
  return stringifyToml(value, { numbersAsFloat: true });
}

/** A new value in TOML's types: an integer where the file had one (or had nothing and the value is whole). */
function tomlValue(old: unknown, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => tomlValue(undefined, item));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tomlValue(undefined, v)]));
  if (typeof value !== "number" || !Number.isSafeInteger(value)) return value;
  return typeof old === "number" ? value : BigInt(value);
}

function getIn(target: Params, keys: readonly string[]): unknown {
  let node: unknown = target;
  for (const key of keys) node = isMapping(node) ? node[key] : undefined;
  return node;
}

function setIn(target: Params, keys: readonly string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!isMapping(next)) node[key] = {};
    node = node[key] as Params;
  }
  const last = keys.at(-1);
  if (last !== undefined) node[last] = value;
}

function isMapping(value: unknown): value is Params {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}
