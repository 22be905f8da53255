import { randomBytes } from "node:crypto";
import { chmod, rename, rm, stat, writeFile } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
import { Document, isCollection, isMap, isScalar, isSeq, type Node, parseDocument, Scalar, YAMLMap } from "yaml";
import { ConfigError, formatPath, isErrnoException, UsageError } from "../errors.ts";
import { commentForNewValue } from "./init-comments.ts";
import { allowedKeys, schemaHasPath, shorthandKey } from "./issues.ts";
import { type LoadedConfig, parseConfig } from "./load.ts";
import { MlopsConfigSchema } from "./schema/index.ts";
import { closestMatch } from "./suggest.ts";
import { locate, type YamlSource } from "./yaml-source.ts";

/**
 * `mlops config set|get`: one field of mlops.yml by its dotted path. An edit goes through the YAML document, so
 * comments, key order and the rest of the file stay as they were; the edited text is checked by the loader before
 * anything is written, and it is written whole or not at all.
 */

export type ConfigPath = (string | number)[];

/**
 * `registry.uri` -> ["registry", "uri"], `gate.rules.0.metric` (or `gate.rules[0].metric`, as yq and jq write it) ->
 * [..., 0, ...]; refuses a path the schema lacks.
 */
export function parseConfigPath(dotted: string): ConfigPath {
  const segments = dotted.replace(/\[(\d+)\](?=\.|\[|$)/g, ".$1").split(".");
  if (segments.some((segment) => segment.trim() === "")) {
    throw new UsageError(`"${dotted}" is not a config path`, { hint: "name a field with dots, e.g. registry.uri" });
  }
  const path: ConfigPath = [];
  for (const segment of segments) {
    path.push(/^\d+$/.test(segment) ? Number(segment) : segment);
    if (schemaHasPath(MlopsConfigSchema, path)) continue;
    const parent = path.slice(0, -1);
    const allowed = allowedKeys(MlopsConfigSchema, parent);
    const near = allowed ? closestMatch(segment, allowed) : undefined;
    const under = parent.length === 0 ? "mlops.yml has" : `\`${parent.join(".")}\` has`;
    throw new UsageError(`${under} no field \`${segment}\``, {
      hint:
        near !== undefined
          ? `did you mean \`${[...parent, near].join(".")}\`?`
          : allowed
            ? `the fields there: ${allowed.join(", ")}`
            : "see docs/configuration.md for the fields",
    });
  }
  return path;
}

export interface ConfigEdit {
  /** The whole new text of the file. */
  text: string;
  /** The config as the loader reads the new text. */
  loaded: LoadedConfig;
  value: unknown;
}

/**
 * Sets `path` to `valueText` (read as YAML: `0.1` a number, `[a, b]` a list) in the document of `source`, creating
 * missing mappings on the way, and checks the result with the loader. Throws ConfigError when the result does not
 * load (naming the field), UsageError when the value is not YAML.
 */
export function setConfigValue(
  source: YamlSource,
  file: string,
  displayFile: string,
  path: ConfigPath,
  valueText: string,
): ConfigEdit {
  checkListIndexes(source, path);
  const shorthand = expandedShorthand(source, path, valueText);
  if (shorthand) {
    const edit = setConfigValue(source, file, displayFile, shorthand.path, shorthand.valueText);
    return { ...edit, value: getConfigValue(edit.loaded, path) };
  }
  const doc = source.doc.clone();
  const newNode = valueNode(path, valueText);
  const oldNode = doc.getIn(path, true);
  // A comment on the old value (`uri: s3://a # prod`) stays with the new one, unless it is init's note on the old value.
  if (isScalar(oldNode) && oldNode.comment && !newNode.comment) {
    const kept = commentForNewValue(
      path,
      oldNode.comment,
      oldNode.value,
      isScalar(newNode) ? newNode.value : undefined,
    );
    if (kept !== null) newNode.comment = kept === oldNode.comment ? kept : ` ${kept}`;
  }
  makeRoom(doc, path);
  doc.setIn(path, newNode);
  // The printer pads flow lists (`[ a, b ]`) unless told not to: follow what the file does.
  const padded = /[[{] [^\s\]}]/.test(source.text);
  const text =
    spliced(source, path, oldNode, valueText, doc) ??
    replacedBlock(source, path, oldNode, valueText, doc) ??
    inserted(source, path, valueText, doc) ??
    doc.toString({ flowCollectionPadding: padded });
  let loaded: LoadedConfig;
  try {
    loaded = parseConfig(text, file, displayFile);
  } catch (error) {
    if (error instanceof ConfigError) throw unchanged(error, path, displayFile);
    throw error;
  }
  return { text, loaded, value: getConfigValue(loaded, path) };
}

/**
 * The loader's places are in the edited text, which was never written: the problems with the new value (or, when
 * the value clashes with another field, the first problem) say that the file was not changed.
 */
function unchanged(error: ConfigError, path: ConfigPath, displayFile: string): ConfigError {
  const note = `${displayFile} was not changed`;
  const errors = error.diagnostics.filter((d) => d.severity === "error");
  const ours = errors.filter((d) => path.every((segment, i) => d.path[i] === segment));
  const noted = new Set(ours.length > 0 ? ours : errors.slice(0, 1));
  return new ConfigError(
    error.diagnostics.map((d) => (noted.has(d) ? { ...d, hint: d.hint ? `${d.hint}; ${note}` : note } : d)),
  );
}

function valueNode(path: ConfigPath, valueText: string): Node {
  const parsed = parseDocument(valueText, { strict: true, uniqueKeys: true });
  const problem = parsed.errors[0];
  if (problem) {
    throw new UsageError(`cannot read ${JSON.stringify(valueText)} as a YAML value for ${path.join(".")}`, {
      hint: `quote it to set it as text, e.g. '"${valueText.replaceAll('"', '\\"')}"'`,
      cause: problem,
    });
  }
  return parsed.contents ?? new Scalar(null);
}

/**
 * An index past the end of a list would have the printer fill the gap with empty entries, each then refused on its own
 * (a cascade that hides the mistake): one message says how many entries there are and which index adds one.
 */
function checkListIndexes(source: YamlSource, path: ConfigPath): void {
  for (const [end, segment] of path.entries()) {
    if (typeof segment !== "number") continue;
    const list = source.doc.getIn(path.slice(0, end), true);
    const count = isSeq(list) ? list.items.length : list === undefined || isScalar(list) ? 0 : undefined;
    if (count === undefined || segment <= count) continue;
    const at = formatPath(path.slice(0, end));
    throw new ConfigError([
      {
        severity: "error",
        path: path.slice(0, end),
        message: `${at} has ${count === 0 ? "no entries" : `${count} ${count === 1 ? "entry" : "entries"}`}: use ${formatPath([...path.slice(0, end), count])} to add one`,
        hint: `${source.file} was not changed`,
        location: locate(source, path.slice(0, end)),
      },
    ]);
  }
}

/**
 * A plain value on the way that the schema reads as the shorthand of a mapping (`predictions: p.csv` for
 * `{ path: p.csv }`): the edit becomes one of that field, to the mapping form with the value kept and the new key in
 * it, written as a flow mapping on the value's line (`{ path: p.csv, score_prefix: proba_ }`), so its comment stays.
 * A plain value that is no shorthand is refused at its place in the file, with what to do instead.
 */
function expandedShorthand(
  source: YamlSource,
  path: ConfigPath,
  valueText: string,
): { path: ConfigPath; valueText: string } | undefined {
  for (let end = 1; end < path.length; end++) {
    const prefix = path.slice(0, end);
    const node = source.doc.getIn(prefix, true);
    if (node === undefined || isCollection(node)) continue;
    if (!isScalar(node) || node.value === null) return undefined;
    const key = shorthandKey(MlopsConfigSchema, prefix, node.value);
    // Through the shorthand's own key (`predictions.path.x`) there is no mapping to reach into.
    if (key === undefined || (path[end] === key && path.length > end + 1)) {
      throw new ConfigError([
        {
          severity: "error",
          path: prefix,
          message: `cannot set ${formatPath(path)}: \`${formatPath(prefix)}\` holds the plain value ${JSON.stringify(node.value)}, not a mapping`,
          hint: `set \`${formatPath(prefix)}\` itself, or write it as a mapping in ${source.file}; ${source.file} was not changed`,
          location: locate(source, prefix),
        },
      ]);
    }
    const expanded = new Document(new YAMLMap());
    (expanded.contents as YAMLMap).flow = true;
    // The value as written (its quotes too); its comment stays beside the field, not inside the mapping.
    const kept = node.clone();
    kept.comment = kept.commentBefore = undefined;
    expanded.setIn([key], kept);
    expanded.setIn(path.slice(end), valueNode(path, valueText));
    // The file's own flow style: `{ a: 1 }` or `{a: 1}`; the printer's padded form when it has no flow collection.
    const padded = /[[{] [^\s\]}]/.test(source.text) || !/[[{][^\s\]}]/.test(source.text);
    return { path: prefix, valueText: expanded.toString({ flowCollectionPadding: padded }).trim() };
  }
  return undefined;
}

/** An empty mapping on the way (`registry:` with nothing under it) becomes a mapping the new key can go into. */
function makeRoom(doc: Document, path: ConfigPath): void {
  for (let end = 1; end < path.length; end++) {
    const prefix = path.slice(0, end);
    const node = doc.getIn(prefix, true);
    if (node === undefined) return;
    if (isScalar(node) && node.value === null) {
      doc.setIn(prefix, new YAMLMap());
      return;
    }
    if (!isCollection(node)) {
      throw new UsageError(`cannot set ${path.join(".")}: \`${prefix.join(".")}\` holds a plain value in the file`, {
        hint: `set \`${prefix.join(".")}\` itself, or rewrite it as a mapping`,
      });
    }
  }
}

/**
 * When the old value is a one-line scalar or flow list/mapping and the new value is one line too, only those
 * characters change: the rest of the file stays byte for byte (the whole-document printer would also tidy spacing
 * elsewhere), except init's comment on the old value, which becomes its comment on the new one (init-comments.ts).
 * Kept only if it reads back as the edited document.
 */
function spliced(
  source: YamlSource,
  path: ConfigPath,
  oldNode: unknown,
  valueText: string,
  edited: Document,
): string | undefined {
  const raw = valueText.trim();
  if (raw === "" || raw.includes("\n") || !isInline(oldNode)) return undefined;
  const [start, end] = oldNode.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const rest = source.text.slice(end);
  // The comment after the value on its line, with the spaces before it (kept as they align it).
  const beside = /^([ \t]+#)([^\n]*)/.exec(rest);
  if (!beside || !isScalar(oldNode)) return readsBack(`${source.text.slice(0, start)}${raw}${rest}`, edited);
  const [whole, mark = "", comment = ""] = beside;
  const kept = commentForNewValue(path, comment, oldNode.value, edited.getIn(path));
  const after = kept === comment ? rest : `${kept === null ? "" : `${mark} ${kept}`}${rest.slice(whole.length)}`;
  return readsBack(`${source.text.slice(0, start)}${raw}${after}`, edited);
}

/**
 * A block mapping or list (`columns:` and the lines under it) given a one-line value: the lines of the old block go,
 * the value is written after the key's colon, and a comment on the key's line stays. The rest of the file is left
 * byte for byte (the whole-document printer would realign every trailing comment). Kept only if it reads back.
 */
function replacedBlock(
  source: YamlSource,
  path: ConfigPath,
  oldNode: unknown,
  valueText: string,
  edited: Document,
): string | undefined {
  const raw = valueText.trim();
  if (raw === "" || raw.includes("\n") || !(isMap(oldNode) || isSeq(oldNode)) || oldNode.flow === true)
    return undefined;
  // An empty path gives the document's contents.
  const parent = source.doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent) || parent.flow === true) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
  const keyEnd = rangeEnd(pair?.key);
  const [, blockEnd] = oldNode.range ?? [];
  if (keyEnd === undefined || blockEnd === undefined) return undefined;
  const colon = source.text.indexOf(":", keyEnd);
  const lineEnd = source.text.indexOf("\n", colon);
  if (colon === -1 || lineEnd === -1 || lineEnd > blockEnd) return undefined;
  const comment = /\s#.*$/.exec(source.text.slice(colon + 1, lineEnd))?.[0] ?? "";
  // A block's range may end on its last line's newline or just past it.
  const rest = source.text.slice(blockEnd);
  const tail = source.text[blockEnd - 1] === "\n" ? `\n${rest}` : rest;
  return readsBack(`${source.text.slice(0, colon + 1)} ${raw}${comment}${tail}`, edited);
}

/**
 * A new key goes in as new lines after the last key of the deepest mapping that exists (or under an empty
 * `registry:`), indented like its neighbours, or into that mapping's braces when it is a flow mapping; nothing else
 * in the file moves (the whole-document printer would realign every trailing comment and pad every flow list). Kept
 * only if it reads back as the edited document.
 */
function inserted(source: YamlSource, path: ConfigPath, valueText: string, edited: Document): string | undefined {
  const raw = valueText.trim();
  if (raw === "" || raw.includes("\n") || path.some((segment) => typeof segment !== "string")) return undefined;
  let map: unknown = source.doc.contents;
  for (let depth = 0; depth < path.length; depth++) {
    if (!isMap(map)) return undefined;
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === path[depth]);
    if (!pair && map.flow) {
      const text = insertedInFlow(source, map, path.slice(depth), raw);
      return text === undefined ? undefined : readsBack(text, edited);
    }
    if (map.flow) {
      map = pair?.value;
      continue;
    }
    if (!pair) {
      const last = map.items.at(-1);
      const first = map.items[0];
      if (!last || !isScalar(first?.key) || !first.key.range) return undefined;
      const end = (isNodeWithRange(last.value) ? last.value.range[1] : undefined) ?? rangeEnd(last.key);
      const indent = source.lineCounter.linePos(first.key.range[0]).col - 1;
      if (end === undefined) return undefined;
      return readsBack(insertLines(source.text, end, path.slice(depth), indent, raw), edited);
    }
    const value = pair.value;
    if (depth < path.length - 1 && (value === null || (isScalar(value) && value.value === null))) {
      if (!isScalar(pair.key) || !pair.key.range) return undefined;
      const indent = source.lineCounter.linePos(pair.key.range[0]).col + 1;
      const end = isNodeWithRange(value) ? value.range[1] : pair.key.range[1];
      return readsBack(insertLines(source.text, end, path.slice(depth + 1), indent, raw), edited);
    }
    map = value;
  }
  return undefined;
}

/**
 * A new key in a flow mapping (`publish: { promote: champion }`) goes in before its closing brace, as the file writes
 * flow collections (`{ a: 1 }` or `{a: 1}`); the rest of the line and the file stay as they were.
 */
function insertedInFlow(source: YamlSource, map: YAMLMap, keys: ConfigPath, raw: string): string | undefined {
  const [start, end] = map.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const close = source.text.lastIndexOf("}", end - 1);
  if (close <= start) return undefined;
  const padded = /[[{] [^\s\]}]/.test(source.text);
  const wrap = (inner: string): string => (padded ? `{ ${inner} }` : `{${inner}}`);
  // `drift: { reference: champion }` for a key whose mapping is missing too.
  const entry = keys.reduceRight<string>(
    (value, key, i) => `${String(key)}: ${i === keys.length - 1 ? value : wrap(value)}`,
    raw,
  );
  const last = map.items.at(-1);
  if (!last) return `${source.text.slice(0, start)}${wrap(entry)}${source.text.slice(close + 1)}`;
  const after = rangeEnd(last.value) ?? rangeEnd(last.key);
  if (after === undefined || after > close) return undefined;
  return `${source.text.slice(0, after)}, ${entry}${source.text.slice(after)}`;
}

function insertLines(text: string, after: number, keys: ConfigPath, indent: number, raw: string): string {
  const lines = keys.map(
    (key, i) => `${" ".repeat(indent + 2 * i)}${String(key)}:${i === keys.length - 1 ? ` ${raw}` : ""}\n`,
  );
  // A block node's range may already end past its line's newline (the last node of the file).
  const newline = text[after - 1] === "\n" ? after - 1 : text.indexOf("\n", after);
  const at = newline === -1 ? text.length : newline + 1;
  return `${text.slice(0, at)}${newline === -1 ? "\n" : ""}${lines.join("")}${text.slice(at)}`;
}

function readsBack(text: string, edited: Document): string | undefined {
  const reread = parseDocument(text, { strict: true, uniqueKeys: true });
  return reread.errors.length > 0 || !isDeepStrictEqual(reread.toJS(), edited.toJS()) ? undefined : text;
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return (isScalar(node) || isCollection(node)) && Array.isArray(node.range);
}

function rangeEnd(node: unknown): number | undefined {
  return isNodeWithRange(node) ? node.range[1] : undefined;
}

function isInline(node: unknown): node is Node {
  if (isScalar(node)) return node.type === "PLAIN" || node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  return (isMap(node) || isSeq(node)) && node.flow === true;
}

/** The value at `path` in the loaded config (defaults applied); undefined when it is not set. */
export function getConfigValue(loaded: LoadedConfig, path: ConfigPath): unknown {
  let current: unknown = loaded.config;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Replaces `file` by `text` in one rename, keeping its permissions; a failed write leaves the file as it was. */
export async function writeConfigFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${randomBytes(6).toString("hex")}`;
  try {
    await writeFile(temporary, text, { flag: "wx" });
    try {
      await chmod(temporary, (await stat(file)).mode & 0o7777);
    } catch (error) {
      if (!isErrnoException(error, "ENOENT")) throw error;
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}
