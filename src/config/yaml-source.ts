import { stat } from "node:fs/promises";
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from "yaml";
import { type ConfigDiagnostic, isErrnoException, type SourceLocation, UserError } from "../errors.ts";
import { FileTooLargeError, readFileLimited } from "../files/read-limited.ts";

/**
 * Reads a YAML file defensively: configs are small, so anything odd (huge, binary, several documents, aliases that
 * expand exponentially, tabs, duplicate keys) is refused with a message that names the place, never a hang.
 */

/** Real configs are a few KB; a larger file is almost certainly the wrong file (or an attack on the parser). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** yaml's own guard against "billion laughs": more alias expansions than this aborts toJS(). */
const MAX_ALIAS_COUNT = 100;

export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JS value of the document. */
  value: unknown;
}

/** Why a YAML file was refused before any schema check: each problem with its place in the file. */
export class YamlSourceError extends UserError {
  readonly diagnostics: ConfigDiagnostic[];
  constructor(diagnostics: ConfigDiagnostic[]) {
    super(
      diagnostics[0]?.message ?? "unreadable YAML",
      diagnostics[0]?.location ? { location: diagnostics[0].location } : {},
    );
    this.diagnostics = diagnostics;
  }
}

const FRIENDLY_YAML_ERRORS: Partial<Record<string, { message: string; hint?: string }>> = {
  TAB_AS_INDENT: { message: "a tab is used for indentation", hint: "YAML allows only spaces for indentation" },
  DUPLICATE_KEY: {
    message: "duplicate key: this key already appears in the same mapping",
    hint: "remove one of them; YAML would otherwise silently keep only one value",
  },
  MULTIPLE_DOCS: {
    message: "the file holds several YAML documents (a `---` separator)",
    hint: "mlops.yml must be a single document",
  },
  BLOCK_AS_IMPLICIT_KEY: {
    message: "a nested mapping on the same line as its key",
    hint: "put the nested keys on their own, indented lines, or quote the value",
  },
};

export interface YamlFileKind {
  /** "config file", "params file" ... for messages. */
  what: string;
  /** What to do when the file does not exist. */
  missingHint: string;
}

const CONFIG_FILE: YamlFileKind = {
  what: "config file",
  missingHint: "run `mlops init` to write one, or pass --config <path>",
};

export async function readYamlFile(
  file: string,
  displayName = file,
  kind: YamlFileKind = CONFIG_FILE,
): Promise<YamlSource> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UserError(`${displayName} is a folder, not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (isErrnoException(error, "ENOENT")) {
      throw new UserError(`no ${kind.what} at ${displayName}`, { hint: kind.missingHint });
    }
    throw new UserError(`cannot read ${displayName}: ${(error as Error).message}`, { cause: error });
  }
  const tooLarge = (what: string): UserError =>
    new UserError(`${displayName} ${what}; a ${kind.what} over ${MAX_CONFIG_BYTES / (1024 * 1024)} MB is refused`, {
      hint: `is this the right file? a ${kind.what} is normally a few KB`,
      location: { file: displayName },
    });
  // A regular file's size refuses it before reading; the bytes read are counted too, because a device (/dev/zero),
  // a FIFO or a growing file has no honest size.
  if (size > MAX_CONFIG_BYTES) throw tooLarge(`is ${(size / (1024 * 1024)).toFixed(1)} MB`);
  let bytes: Buffer;
  try {
    bytes = await readFileLimited(file, { shown: displayName, what: kind.what, limit: MAX_CONFIG_BYTES });
  } catch (error) {
    if (error instanceof FileTooLargeError) throw tooLarge(`holds more than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB`);
    throw error;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new UserError(`${displayName} is not valid UTF-8 text`, {
      hint: "save the file as UTF-8",
      location: { file: displayName },
      cause,
    });
  }
  return parseYamlText(text, displayName);
}

/** `recall[malignant]` when a line has it unquoted inside a flow mapping (`{ metric: recall[malignant] }`). */
function unquotedPerClassMetric(line: string): string | null {
  return /\{.*\bmetric:\s*((?:precision|recall|f1)\[[^\]"'{}]*\])/.exec(line)?.[1] ?? null;
}

export function parseYamlText(rawText: string, file: string): YamlSource {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  const problems: ConfigDiagnostic[] = [];
  const reportedAt = new Set<number>();
  const perClassLines = new Set<number>();
  for (const error of [...doc.errors, ...doc.warnings]) {
    // yaml may describe one mistake twice at the same spot (`a: b: c` is both BLOCK_AS_IMPLICIT_KEY and
    // MULTILINE_IMPLICIT_KEY); the first, friendlier one is enough.
    if (reportedAt.has(error.pos[0])) continue;
    reportedAt.add(error.pos[0]);
    // `{ metric: recall[malignant], ... }` breaks the flow mapping into a cascade of errors; say the one thing to do.
    const location = at(error.pos[0]);
    const unquoted = unquotedPerClassMetric(text.split(/\r?\n/)[(location.line ?? 1) - 1] ?? "");
    if (unquoted !== null) {
      if (perClassLines.has(location.line ?? 0)) continue;
      perClassLines.add(location.line ?? 0);
      problems.push({
        severity: "error",
        path: [],
        message: `YAML: the per-class metric ${unquoted} must be quoted inside { }`,
        location: { ...location, column: 1 },
        hint: `write "${unquoted}", or put \`metric: ${unquoted}\` on its own line`,
      });
      continue;
    }
    const friendly = FRIENDLY_YAML_ERRORS[error.code];
    // Unknown tags (`!!js/function`, `!foo`) are only warnings to yaml; a config has no use for them.
    const message =
      friendly?.message ??
      (error.code === "TAG_RESOLVE_FAILED" ? "custom YAML tags are not allowed" : firstLine(error.message));
    const hint =
      friendly?.hint ?? (error.code === "TAG_RESOLVE_FAILED" ? "remove the `!tag` before the value" : undefined);
    problems.push({
      severity: "error",
      path: [],
      message: `YAML: ${message}`,
      location: at(error.pos[0]),
      ...(hint === undefined ? {} : { hint }),
    });
  }
  if (problems.length > 0) throw new YamlSourceError(problems);

  if (doc.contents === null) {
    throw new YamlSourceError([
      {
        severity: "error",
        path: [],
        message: "the config is empty",
        hint: "start with `version: 1` and a `model:` section, or run `mlops init`",
        location: { file, line: 1, column: 1 },
      },
    ]);
  }
  if (!isMap(doc.contents)) {
    throw new YamlSourceError([
      {
        severity: "error",
        path: [],
        message: `expected a mapping (key: value lines) at the top level, found ${describeNode(doc.contents)}`,
        hint: "the config starts with `version: 1` on its own line, not with `- ` or a plain value",
        location: at(doc.contents.range[0]),
      },
    ]);
  }

  const selfNesting = aliasInsideItsAnchor(doc);
  if (selfNesting !== null) {
    throw new YamlSourceError([
      {
        severity: "error",
        path: [],
        message:
          `YAML: the alias *${selfNesting.source} is inside the value its anchor &${selfNesting.source} names, ` +
          "so that value would contain itself without end",
        hint: "an alias may only repeat a value that ends before it: write the inner value out instead",
        location: at(selfNesting.range?.[0] ?? 0),
      },
    ]);
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    if (cause instanceof ReferenceError) {
      throw new YamlSourceError([
        {
          severity: "error",
          path: [],
          message: `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias expansions)`,
          hint: "this looks like an alias bomb; write the values out instead of nesting `*alias` references",
          location: { file, line: 1, column: 1 },
        },
      ]);
    }
    throw new Error(`could not convert ${file} to data`, { cause });
  }
  return { file, text, doc, lineCounter, value };
}

/**
 * The first alias inside the very node its anchor names (`params: &p { inner: *p }`). yaml turns it into data that
 * contains itself, which no check can walk to its end (zod's recursion ran out of stack on it).
 */
export function aliasInsideItsAnchor(doc: Document): Alias | null {
  let found: Alias | null = null;
  visit(doc, {
    Alias(_key, alias, ancestors) {
      const anchored = alias.resolve(doc);
      if (anchored === undefined || !ancestors.includes(anchored)) return undefined;
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Where a field path points in the file. `key: true` points at the key (for unknown keys); otherwise at the value.
 * Stops at the deepest node that exists, so a missing field points at its parent mapping.
 */
export function locate(
  source: YamlSource,
  path: readonly (string | number)[],
  options: { key?: boolean } = {},
): SourceLocation {
  let node: unknown = source.doc.contents;
  let position = startOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      if (i === path.length - 1 && options.key) {
        position = startOf(pair.key) ?? position;
        break;
      }
      node = pair.value;
      // An empty value (`key:`) has no node of its own: point at its key.
      position = startOf(pair.value) ?? startOf(pair.key) ?? position;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      position = startOf(item) ?? position;
    } else {
      break;
    }
  }
  const { line, col } = source.lineCounter.linePos(position);
  return { file: source.file, line, column: col };
}

function startOf(node: unknown): number | undefined {
  if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
    return node.range[0] as number;
  }
  return undefined;
}

function describeNode(node: Node): string {
  if (isSeq(node)) return "a list";
  if (isScalar(node)) return `the plain value ${JSON.stringify(node.value)}`;
  return "something else";
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
