import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  commentForNewValue
} from "./chunk-4DETVATI.js";
import {
  MlopsConfigSchema,
  allowedKeys,
  loadConfig,
  parseConfig,
  readConfigSource,
  schemaHasPath,
  shorthandKey
} from "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-WYGES5K7.js";
import {
  locate,
  require_dist
} from "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import {
  closestMatch
} from "./chunk-NFSXRCFZ.js";
import {
  ConfigError,
  ExitCode,
  UsageError,
  formatDiagnostic,
  formatPath,
  isErrnoException
} from "./chunk-XOZC47AQ.js";
import {
  __toESM
} from "./chunk-RZGYXAJU.js";

// src/cli/commands/config.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/config/edit.ts
var import_yaml = __toESM(require_dist(), 1);
import { randomBytes } from "node:crypto";
import { chmod, rename, rm, stat, writeFile } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
function parseConfigPath(dotted) {
  const segments = dotted.replace(/\[(\d+)\](?=\.|\[|$)/g, ".$1").split(".");
  if (segments.some((segment) => segment.trim() === "")) {
    throw new UsageError(`"${dotted}" is not a config path`, { hint: "name a field with dots, e.g. registry.uri" });
  }
  const path = [];
  for (const segment of segments) {
    path.push(/^\d+$/.test(segment) ? Number(segment) : segment);
    if (schemaHasPath(MlopsConfigSchema, path)) continue;
    const parent = path.slice(0, -1);
    const allowed = allowedKeys(MlopsConfigSchema, parent);
    const near = allowed ? closestMatch(segment, allowed) : void 0;
    const under = parent.length === 0 ? "mlops.yml has" : `\`${parent.join(".")}\` has`;
    throw new UsageError(`${under} no field \`${segment}\``, {
      hint: near !== void 0 ? `did you mean \`${[...parent, near].join(".")}\`?` : allowed ? `the fields there: ${allowed.join(", ")}` : "see docs/configuration.md for the fields"
    });
  }
  return path;
}
function setConfigValue(source, file, displayFile, path, valueText) {
  checkListIndexes(source, path);
  const shorthand = expandedShorthand(source, path, valueText);
  if (shorthand) {
    const edit = setConfigValue(source, file, displayFile, shorthand.path, shorthand.valueText);
    return { ...edit, value: getConfigValue(edit.loaded, path) };
  }
  const doc = source.doc.clone();
  const newNode = valueNode(path, valueText);
  const oldNode = doc.getIn(path, true);
  if ((0, import_yaml.isScalar)(oldNode) && oldNode.comment && !newNode.comment) {
    const kept = commentForNewValue(
      path,
      oldNode.comment,
      oldNode.value,
      (0, import_yaml.isScalar)(newNode) ? newNode.value : void 0
    );
    if (kept !== null) newNode.comment = kept === oldNode.comment ? kept : ` ${kept}`;
  }
  makeRoom(doc, path);
  doc.setIn(path, newNode);
  const padded = /[[{] [^\s\]}]/.test(source.text);
  const text = spliced(source, path, oldNode, valueText, doc) ?? replacedBlock(source, path, oldNode, valueText, doc) ?? inserted(source, path, valueText, doc) ?? doc.toString({ flowCollectionPadding: padded });
  let loaded;
  try {
    loaded = parseConfig(text, file, displayFile);
  } catch (error) {
    if (error instanceof ConfigError) throw unchanged(error, path, displayFile);
    throw error;
  }
  return { text, loaded, value: getConfigValue(loaded, path) };
}
function unchanged(error, path, displayFile) {
  const note = `${displayFile} was not changed`;
  const errors = error.diagnostics.filter((d) => d.severity === "error");
  const ours = errors.filter((d) => path.every((segment, i) => d.path[i] === segment));
  const noted = new Set(ours.length > 0 ? ours : errors.slice(0, 1));
  return new ConfigError(
    error.diagnostics.map((d) => noted.has(d) ? { ...d, hint: d.hint ? `${d.hint}; ${note}` : note } : d)
  );
}
function valueNode(path, valueText) {
  const parsed = (0, import_yaml.parseDocument)(valueText, { strict: true, uniqueKeys: true });
  const problem = parsed.errors[0];
  if (problem) {
    throw new UsageError(`cannot read ${JSON.stringify(valueText)} as a YAML value for ${path.join(".")}`, {
      hint: `quote it to set it as text, e.g. '"${valueText.replaceAll('"', '\\"')}"'`,
      cause: problem
    });
  }
  return parsed.contents ?? new import_yaml.Scalar(null);
}
function checkListIndexes(source, path) {
  for (const [end, segment] of path.entries()) {
    if (typeof segment !== "number") continue;
    const list = source.doc.getIn(path.slice(0, end), true);
    const count = (0, import_yaml.isSeq)(list) ? list.items.length : list === void 0 || (0, import_yaml.isScalar)(list) ? 0 : void 0;
    if (count === void 0 || segment <= count) continue;
    const at = formatPath(path.slice(0, end));
    throw new ConfigError([
      {
        severity: "error",
        path: path.slice(0, end),
        message: `${at} has ${count === 0 ? "no entries" : `${count} ${count === 1 ? "entry" : "entries"}`}: use ${formatPath([...path.slice(0, end), count])} to add one`,
        hint: `${source.file} was not changed`,
        location: locate(source, path.slice(0, end))
      }
    ]);
  }
}
function expandedShorthand(source, path, valueText) {
  for (let end = 1; end < path.length; end++) {
    const prefix = path.slice(0, end);
    const node = source.doc.getIn(prefix, true);
    if (node === void 0 || (0, import_yaml.isCollection)(node)) continue;
    if (!(0, import_yaml.isScalar)(node) || node.value === null) return void 0;
    const key = shorthandKey(MlopsConfigSchema, prefix, node.value);
    if (key === void 0 || path[end] === key && path.length > end + 1) {
      throw new ConfigError([
        {
          severity: "error",
          path: prefix,
          message: `cannot set ${formatPath(path)}: \`${formatPath(prefix)}\` holds the plain value ${JSON.stringify(node.value)}, not a mapping`,
          hint: `set \`${formatPath(prefix)}\` itself, or write it as a mapping in ${source.file}; ${source.file} was not changed`,
          location: locate(source, prefix)
        }
      ]);
    }
    const expanded = new import_yaml.Document(new import_yaml.YAMLMap());
    expanded.contents.flow = true;
    const kept = node.clone();
    kept.comment = kept.commentBefore = void 0;
    expanded.setIn([key], kept);
    expanded.setIn(path.slice(end), valueNode(path, valueText));
    const padded = /[[{] [^\s\]}]/.test(source.text) || !/[[{][^\s\]}]/.test(source.text);
    return { path: prefix, valueText: expanded.toString({ flowCollectionPadding: padded }).trim() };
  }
  return void 0;
}
function makeRoom(doc, path) {
  for (let end = 1; end < path.length; end++) {
    const prefix = path.slice(0, end);
    const node = doc.getIn(prefix, true);
    if (node === void 0) return;
    if ((0, import_yaml.isScalar)(node) && node.value === null) {
      doc.setIn(prefix, new import_yaml.YAMLMap());
      return;
    }
    if (!(0, import_yaml.isCollection)(node)) {
      throw new UsageError(`cannot set ${path.join(".")}: \`${prefix.join(".")}\` holds a plain value in the file`, {
        hint: `set \`${prefix.join(".")}\` itself, or rewrite it as a mapping`
      });
    }
  }
}
function spliced(source, path, oldNode, valueText, edited) {
  const raw = valueText.trim();
  if (raw === "" || raw.includes("\n") || !isInline(oldNode)) return void 0;
  const [start, end] = oldNode.range ?? [];
  if (start === void 0 || end === void 0) return void 0;
  const rest = source.text.slice(end);
  const beside = /^([ \t]+#)([^\n]*)/.exec(rest);
  if (!beside || !(0, import_yaml.isScalar)(oldNode)) return readsBack(`${source.text.slice(0, start)}${raw}${rest}`, edited);
  const [whole, mark = "", comment = ""] = beside;
  const kept = commentForNewValue(path, comment, oldNode.value, edited.getIn(path));
  const after = kept === comment ? rest : `${kept === null ? "" : `${mark} ${kept}`}${rest.slice(whole.length)}`;
  return readsBack(`${source.text.slice(0, start)}${raw}${after}`, edited);
}
function replacedBlock(source, path, oldNode, valueText, edited) {
  const raw = valueText.trim();
  if (raw === "" || raw.includes("\n") || !((0, import_yaml.isMap)(oldNode) || (0, import_yaml.isSeq)(oldNode)) || oldNode.flow === true)
    return void 0;
  const parent = source.doc.getIn(path.slice(0, -1), true);
  if (!(0, import_yaml.isMap)(parent) || parent.flow === true) return void 0;
  const pair = parent.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === path.at(-1));
  const keyEnd = rangeEnd(pair?.key);
  const [, blockEnd] = oldNode.range ?? [];
  if (keyEnd === void 0 || blockEnd === void 0) return void 0;
  const colon = source.text.indexOf(":", keyEnd);
  const lineEnd = source.text.indexOf("\n", colon);
  if (colon === -1 || lineEnd === -1 || lineEnd > blockEnd) return void 0;
  const comment = /\s#.*$/.exec(source.text.slice(colon + 1, lineEnd))?.[0] ?? "";
  const rest = source.text.slice(blockEnd);
  const tail = source.text[blockEnd - 1] === "\n" ? `
${rest}` : rest;
  return readsBack(`${source.text.slice(0, colon + 1)} ${raw}${comment}${tail}`, edited);
}
function inserted(source, path, valueText, edited) {
  const raw = valueText.trim();
  if (raw === "" || raw.includes("\n") || path.some((segment) => typeof segment !== "string")) return void 0;
  let map = source.doc.contents;
  for (let depth = 0; depth < path.length; depth++) {
    if (!(0, import_yaml.isMap)(map)) return void 0;
    const pair = map.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === path[depth]);
    if (!pair && map.flow) {
      const text = insertedInFlow(source, map, path.slice(depth), raw);
      return text === void 0 ? void 0 : readsBack(text, edited);
    }
    if (map.flow) {
      map = pair?.value;
      continue;
    }
    if (!pair) {
      const last = map.items.at(-1);
      const first = map.items[0];
      if (!last || !(0, import_yaml.isScalar)(first?.key) || !first.key.range) return void 0;
      const end = (isNodeWithRange(last.value) ? last.value.range[1] : void 0) ?? rangeEnd(last.key);
      const indent = source.lineCounter.linePos(first.key.range[0]).col - 1;
      if (end === void 0) return void 0;
      return readsBack(insertLines(source.text, end, path.slice(depth), indent, raw), edited);
    }
    const value = pair.value;
    if (depth < path.length - 1 && (value === null || (0, import_yaml.isScalar)(value) && value.value === null)) {
      if (!(0, import_yaml.isScalar)(pair.key) || !pair.key.range) return void 0;
      const indent = source.lineCounter.linePos(pair.key.range[0]).col + 1;
      const end = isNodeWithRange(value) ? value.range[1] : pair.key.range[1];
      return readsBack(insertLines(source.text, end, path.slice(depth + 1), indent, raw), edited);
    }
    map = value;
  }
  return void 0;
}
function insertedInFlow(source, map, keys, raw) {
  const [start, end] = map.range ?? [];
  if (start === void 0 || end === void 0) return void 0;
  const close = source.text.lastIndexOf("}", end - 1);
  if (close <= start) return void 0;
  const padded = /[[{] [^\s\]}]/.test(source.text);
  const wrap = (inner) => padded ? `{ ${inner} }` : `{${inner}}`;
  const entry = keys.reduceRight(
    (value, key, i) => `${String(key)}: ${i === keys.length - 1 ? value : wrap(value)}`,
    raw
  );
  const last = map.items.at(-1);
  if (!last) return `${source.text.slice(0, start)}${wrap(entry)}${source.text.slice(close + 1)}`;
  const after = rangeEnd(last.value) ?? rangeEnd(last.key);
  if (after === void 0 || after > close) return void 0;
  return `${source.text.slice(0, after)}, ${entry}${source.text.slice(after)}`;
}
function insertLines(text, after, keys, indent, raw) {
  const lines = keys.map(
    (key, i) => `${" ".repeat(indent + 2 * i)}${String(key)}:${i === keys.length - 1 ? ` ${raw}` : ""}
`
  );
  const newline = text[after - 1] === "\n" ? after - 1 : text.indexOf("\n", after);
  const at = newline === -1 ? text.length : newline + 1;
  return `${text.slice(0, at)}${newline === -1 ? "\n" : ""}${lines.join("")}${text.slice(at)}`;
}
function readsBack(text, edited) {
  const reread = (0, import_yaml.parseDocument)(text, { strict: true, uniqueKeys: true });
  return reread.errors.length > 0 || !isDeepStrictEqual(reread.toJS(), edited.toJS()) ? void 0 : text;
}
function isNodeWithRange(node) {
  return ((0, import_yaml.isScalar)(node) || (0, import_yaml.isCollection)(node)) && Array.isArray(node.range);
}
function rangeEnd(node) {
  return isNodeWithRange(node) ? node.range[1] : void 0;
}
function isInline(node) {
  if ((0, import_yaml.isScalar)(node)) return node.type === "PLAIN" || node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  return ((0, import_yaml.isMap)(node) || (0, import_yaml.isSeq)(node)) && node.flow === true;
}
function getConfigValue(loaded, path) {
  let current = loaded.config;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[segment];
  }
  return current;
}
async function writeConfigFile(file, text) {
  const temporary = `${file}.tmp-${randomBytes(6).toString("hex")}`;
  try {
    await writeFile(temporary, text, { flag: "wx" });
    try {
      await chmod(temporary, (await stat(file)).mode & 4095);
    } catch (error) {
      if (!isErrnoException(error, "ENOENT")) throw error;
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UsageError(`cannot write ${file}: ${error.message}`, { cause: error });
  }
}

// src/cli/commands/config.ts
var configCommand = {
  name: "config",
  summary: "Set or show one field of mlops.yml by its path, keeping the file's comments and order",
  details: "`mlops config set registry.uri s3://bucket/models` edits mlops.yml in place. The value is read as YAML, as for\n--set: `0.1` is a number, `[self-hosted, gpu]` a list; quote it to keep it text. Missing sections on the way\nare created. The edited config is checked as `mlops check` would check it, and written only if it is valid;\notherwise the file is left as it was (exit 2). `mlops config get gate.primary_metric` prints a value, with the\ndefaults applied.",
  positionals: [
    { name: "action", required: true, description: "set or get" },
    {
      name: "path",
      required: true,
      description: "the field, with dots: registry.uri, train.runs_on, gate.rules.0.metric"
    },
    { name: "value", required: false, description: "set: the new value, as YAML" }
  ],
  run: async (args, io) => {
    const [action, dotted = "", valueText] = args.positionals;
    if (action !== "set" && action !== "get") {
      throw new UsageError(`mlops config has no action "${action}"`, {
        hint: "use `mlops config set <path> <value>` or `mlops config get <path>`"
      });
    }
    const path = parseConfigPath(dotted);
    if (action === "get") {
      if (valueText !== void 0)
        throw new UsageError("mlops config get takes no value", {
          hint: `to change it: mlops config set ${dotted} ${valueText}`
        });
      const value = getConfigValue(await loadConfig(args.config, io.cwd), path);
      return {
        exitCode: ExitCode.ok,
        result: { ok: true, path: dotted, value: value ?? null },
        text: showValue(value)
      };
    }
    if (valueText === void 0) {
      throw new UsageError(`mlops config set needs a value for ${dotted}`, {
        hint: `mlops config set ${dotted} <value>`
      });
    }
    const { source, file, displayFile } = await readConfigSource(args.config, io.cwd);
    const edit = setConfigValue(source, file, displayFile, path, valueText);
    await writeConfigFile(file, edit.text);
    return {
      exitCode: ExitCode.ok,
      result: { ok: true, file: displayFile, path: dotted, value: edit.value ?? null, warnings: edit.loaded.warnings },
      text: [
        ...edit.loaded.warnings.map(formatDiagnostic),
        // A mapping or list shows as it was typed (the loaded value carries every default the loader filled in).
        `${displayFile}: ${dotted} = ${edit.value !== null && typeof edit.value === "object" ? valueText.trim() : JSON.stringify(edit.value ?? null)}`
      ].join("\n")
    };
  }
};
function showValue(value) {
  if (value === void 0) return "(not set)";
  if (typeof value === "string") return value;
  return (0, import_yaml2.stringify)(value).trimEnd();
}
export {
  configCommand
};
