import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  NEVER,
  _default,
  array,
  boolean,
  optional,
  pipe,
  registry,
  string,
  transform,
  union
} from "./chunk-MOKAEFJD.js";
import {
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/stages/options.ts
import path from "node:path";
var optionDocs = registry();
function problem(ctx, value, details) {
  ctx.issues.push({ code: "custom", message: details.code, input: value, params: details });
  return NEVER;
}
function transformed(schema, transform2) {
  return pipe(schema, transform(transform2));
}
function textOption(doors) {
  return optional(string()).register(optionDocs, { form: "text", ...doors });
}
function linesOption(doors) {
  return _default(array(string()), []).register(optionDocs, { form: "lines", ...doors });
}
function flagOption(doors) {
  return transformed(optional(union([boolean(), string()])), (raw, ctx) => {
    if (raw === void 0 || typeof raw === "boolean") return raw === true;
    if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
    return problem(ctx, raw, { code: "not-a-flag", raw });
  }).register(optionDocs, { form: "flag", ...doors });
}
function choiceOption(choices, doors) {
  return transformed(optional(string()), (raw, ctx) => {
    if (raw === void 0) return void 0;
    const choice = choices.find((c) => c === raw.trim().toLowerCase());
    return choice ?? problem(ctx, raw, { code: "not-a-choice", raw, choices });
  }).register(optionDocs, { form: "text", ...doors });
}
function countOption(doors) {
  return transformed(optional(string()), (raw, ctx) => {
    if (raw === void 0) return void 0;
    const count = Number(raw);
    return Number.isInteger(count) && count >= 1 ? count : problem(ctx, raw, { code: "not-a-count", raw });
  }).register(optionDocs, { form: "text", ...doors, digitsOnlyInAction: true });
}
function shardOption(doors) {
  return transformed(optional(string()), (raw, ctx) => {
    if (raw === void 0) return void 0;
    const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
    const [index, count] = [Number(match?.[1]), Number(match?.[2])];
    return match && count >= 1 && index >= 1 && index <= count ? { index, count } : problem(ctx, raw, { code: "not-a-shard", raw });
  }).register(optionDocs, { form: "text", ...doors });
}
function folderOption(doors) {
  return optional(string()).register(optionDocs, { form: "text", ...doors, paths: { kind: "folder" } });
}
function globsOption(doors) {
  const { noun, noMatchHint, ...names } = doors;
  return _default(array(string()), []).register(optionDocs, { form: "lines", ...names, paths: { kind: "globs", noun, noMatchHint } });
}
function optionEntries(schema) {
  return Object.entries(schema.shape).map(([key, field]) => {
    const doc = optionDocs.get(field);
    if (!doc) throw new Error(`option ${key} was not declared with an option helper (src/stages/options.ts)`);
    return [key, doc];
  });
}
async function parseStageOptions(schema, door) {
  const entries = optionEntries(schema);
  const raw = Object.fromEntries(entries.map(([key, doc]) => [key, door.read(doc)]));
  for (const [key, doc] of entries) {
    const value = raw[key];
    if (door.name === "action" && doc.digitsOnlyInAction && typeof value === "string" && !/^[1-9]\d*$/.test(value))
      throw describeProblem({ code: "not-a-count", raw: value }, doc, door);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const doc = entries.find(([key]) => key === issue?.path[0])?.[1];
    const details = issue?.code === "custom" ? issue.params : void 0;
    if (!doc || !details) throw new Error(`a door handed over a malformed option: ${parsed.error.message}`);
    throw describeProblem(details, doc, door);
  }
  const options = { ...parsed.data };
  for (const [key, doc] of entries) {
    const value = options[key];
    if (doc.paths?.kind === "folder" && typeof value === "string") options[key] = path.resolve(door.base(doc), value);
    if (doc.paths?.kind === "globs") options[key] = await expandGlobs(value, doc, door);
  }
  return options;
}
async function expandGlobs(patterns, doc, door) {
  if (patterns.length === 0) return [];
  const { glob } = await import("./dist-2CYDFUFM.js");
  const cwd = door.base(doc);
  const files = (await Promise.all(patterns.map((p) => glob(p, { cwd, absolute: true, expandDirectories: false })))).flat().sort();
  if (patterns.length > 0 && files.length === 0) throw describeProblem({ code: "no-match", patterns }, doc, door);
  return files;
}
function describeProblem(details, doc, door) {
  const label = door.label(doc);
  switch (details.code) {
    case "not-a-flag":
      return new UsageError(`${label} must be true or false, not "${details.raw}"`);
    case "not-a-choice":
      return new UsageError(`${label} must be one of ${details.choices.join(", ")}, not "${details.raw}"`);
    case "not-a-count":
      return new UsageError(
        door.name === "cli" ? `${label} is a whole number of at least 1, not "${details.raw}"` : `${label} must be a whole number, not "${details.raw}"`
      );
    case "not-a-shard":
      return new UsageError(`${label} is i/n with 1 <= i <= n, not "${details.raw}"`, { hint: "e.g. 2/4" });
    case "no-match": {
      const globs = doc.paths?.kind === "globs" ? doc.paths : null;
      const patterns = details.patterns.join(", ");
      return new UsageError(
        door.name === "cli" ? `no ${globs?.noun ?? "file"} matches ${patterns}` : `${label}: no file matches ${patterns}`,
        globs ? { hint: globs.noMatchHint[door.name] } : {}
      );
    }
  }
}

export {
  textOption,
  linesOption,
  flagOption,
  choiceOption,
  countOption,
  shardOption,
  folderOption,
  globsOption,
  optionEntries,
  parseStageOptions
};
