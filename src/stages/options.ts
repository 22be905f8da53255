import path from "node:path";
import * as z from "../zod.ts";
import { UsageError } from "../errors.ts";

/**
 * A stage's options, declared once for both doors (STYLE.md: the zod schema is the single source of truth). Each field
 * of a stage's options object is a zod schema that reads what a door hands over (a text, lines, or a flag) and is
 * registered with how each door names it: the CLI flag with its --help line, the action input with its action.yml
 * entry. {@link parseStageOptions} runs in phases, like the config: shape (zod), then normalise (paths resolved against
 * the door's folder, globs expanded). A problem comes back from either phase as data, and the door's name for the
 * option goes into the message: the core never guesses which door it serves.
 */

/** How a door hands an option over: one text, any number of lines (a repeatable flag), or a boolean. */
export type OptionForm = "text" | "lines" | "flag";

/** The option as a CLI flag: `--<flag>`, shown in --help with its description. */
export interface CliFlag {
  flag: string;
  description: string;
  /** The `<value>` placeholder in --help. */
  valueName?: string;
  short?: string;
}

/** The option as the CLI takes it from its environment instead of a flag (a token, never typed on a command line). */
export interface CliVariable {
  env: string;
}

/** The option as an action input: its action.yml entry. */
export interface ActionInput {
  input: string;
  description: string;
  /** action.yml's default; by default "false" for a flag and "" otherwise (an empty input reads as not given). */
  default?: string;
  /** What a relative path in this input is relative to: the folder of mlops.yml, or the repository's root. */
  relativeTo?: "config" | "repository";
}

/** Paths in an option: one folder, or globs expanded to the files they match. */
export type OptionPaths =
  | { kind: "folder" }
  | {
      kind: "globs";
      /** What the files are, for "no profile matches ...". */
      noun: string;
      /** What to do when nothing matches, in each door's terms. */
      noMatchHint: Record<DoorName, string>;
    };

export interface OptionDoc {
  form: OptionForm;
  /** The CLI's flag (or environment variable); null when only the action takes the option. */
  cli: CliFlag | CliVariable | null;
  /** The action's input; null when only the CLI takes the option. */
  action: ActionInput | null;
  paths?: OptionPaths;
  /**
   * The action takes the count only as plain digits (`2`, not `2.0`), where the CLI takes whatever Number reads as a
   * whole number: the doors always differed here, and issue 14 changes no behaviour (see {@link describeProblem}).
   */
  digitsOnlyInAction?: boolean;
}

/** Every option schema's doc, looked up by the schema (zod's metadata registry). */
export const optionDocs = z.registry<OptionDoc>();

/** The options object of a stage: a zod object whose every field is one of the option schemas below. */
export type StageOptionsSchema = z.ZodMiniObject<Record<string, z.ZodMiniType>>;

/** What went wrong with an option's value, as data; {@link describeProblem} puts it in a door's words. */
export type OptionProblem =
  | { code: "not-a-flag"; raw: string }
  | { code: "not-a-choice"; raw: string; choices: readonly string[] }
  | { code: "not-a-count"; raw: string }
  | { code: "not-a-shard"; raw: string }
  | { code: "no-match"; patterns: string[] };

function problem(ctx: z.core.ParsePayload, value: unknown, details: OptionProblem): typeof z.NEVER {
  // The message is only for debugging: doors word the problem themselves (describeProblem).
  ctx.issues.push({ code: "custom", message: details.code, input: value, params: details });
  return z.NEVER;
}

type Doors = Pick<OptionDoc, "cli" | "action">;

/** `schema` piped into `transform`, which reports a bad value with {@link problem}: classic zod's `.transform()`. */
function transformed<Schema extends z.ZodMiniType, Value>(
  schema: Schema,
  transform: (raw: z.output<Schema>, ctx: z.core.ParsePayload) => Value,
) {
  return z.pipe(schema, z.transform(transform));
}

/** A text: a leg id, a token. */
export function textOption(doors: Doors) {
  return z.optional(z.string()).register(optionDocs, { form: "text", ...doors });
}

/** Any number of values: a repeatable flag, one action input line each (blank and `#` lines are skipped). */
export function linesOption(doors: Doors) {
  return z._default(z.array(z.string()), []).register(optionDocs, { form: "lines", ...doors });
}

/** On or off, off by default. The CLI hands over a boolean; an action input must read true or false. */
export function flagOption(doors: Doors) {
  return transformed(z.optional(z.union([z.boolean(), z.string()])), (raw, ctx): boolean => {
    if (raw === undefined || typeof raw === "boolean") return raw === true;
    if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
    return problem(ctx, raw, { code: "not-a-flag", raw });
  }).register(optionDocs, { form: "flag", ...doors });
}

/** One of a few words, in any case and with spaces around it. */
export function choiceOption<const Choice extends string>(choices: readonly Choice[], doors: Doors) {
  return transformed(z.optional(z.string()), (raw, ctx): Choice | undefined => {
    if (raw === undefined) return undefined;
    const choice = choices.find((c) => c === raw.trim().toLowerCase());
    return choice ?? problem(ctx, raw, { code: "not-a-choice", raw, choices });
  }).register(optionDocs, { form: "text", ...doors });
}

/** A whole number of at least 1 (a thread count). */
export function countOption(doors: Doors) {
  return transformed(z.optional(z.string()), (raw, ctx): number | undefined => {
    if (raw === undefined) return undefined;
    const count = Number(raw);
    return Number.isInteger(count) && count >= 1 ? count : problem(ctx, raw, { code: "not-a-count", raw });
  }).register(optionDocs, { form: "text", ...doors, digitsOnlyInAction: true });
}

/** One leg of a matrix, `i/n` with 1 <= i <= n (the second of four is `2/4`). */
export function shardOption(doors: Doors) {
  return transformed(z.optional(z.string()), (raw, ctx): { index: number; count: number } | undefined => {
    if (raw === undefined) return undefined;
    const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
    const [index, count] = [Number(match?.[1]), Number(match?.[2])];
    return match && count >= 1 && index >= 1 && index <= count
      ? { index, count }
      : problem(ctx, raw, { code: "not-a-shard", raw });
  }).register(optionDocs, { form: "text", ...doors });
}

/** A folder, resolved against the door's folder for relative paths (see {@link ActionInput.relativeTo}). */
export function folderOption(doors: Doors) {
  return z.optional(z.string()).register(optionDocs, { form: "text", ...doors, paths: { kind: "folder" } });
}

/** Globs, expanded to the files they match (sorted); matching nothing at all is a usage error. */
export function globsOption(doors: Doors & { noun: string; noMatchHint: Record<DoorName, string> }) {
  const { noun, noMatchHint, ...names } = doors;
  return z
    ._default(z.array(z.string()), [])
    .register(optionDocs, { form: "lines", ...names, paths: { kind: "globs", noun, noMatchHint } });
}

export type DoorName = "cli" | "action";

/** What a value looks like when a door hands it over, before parsing. */
export type RawOption = string | boolean | string[] | undefined;

/** A door as option parsing sees it: where values come from, how it names an option, where relative paths start. */
export interface OptionDoor {
  name: DoorName;
  /** The option's value as the door received it; undefined when it was not given (or the door does not take it). */
  read(doc: OptionDoc): RawOption;
  /** The option in messages: `--workers`, `input "workers"`. */
  label(doc: OptionDoc): string;
  /** The folder relative paths in this option are resolved against. */
  base(doc: OptionDoc): string;
}

/** The doc of every field of an options object, in declaration order. */
export function optionEntries(schema: StageOptionsSchema): [key: string, doc: OptionDoc][] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const doc = optionDocs.get(field);
    if (!doc) throw new Error(`option ${key} was not declared with an option helper (src/stages/options.ts)`);
    return [key, doc];
  });
}

/**
 * Reads and parses a stage's options through one door: the values the door received, checked by the stage's zod
 * schema, then paths resolved and globs expanded. Throws a UsageError in the door's words for the first problem.
 */
export async function parseStageOptions<Schema extends StageOptionsSchema>(
  schema: Schema,
  door: OptionDoor,
): Promise<z.output<Schema>> {
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
    const details = issue?.code === "custom" ? (issue.params as OptionProblem | undefined) : undefined;
    // Doors hand over only the forms the helpers accept, so anything else is a bug in a door.
    if (!doc || !details) throw new Error(`a door handed over a malformed option: ${parsed.error.message}`);
    throw describeProblem(details, doc, door);
  }
  const options: Record<string, unknown> = { ...parsed.data };
  for (const [key, doc] of entries) {
    const value = options[key];
    if (doc.paths?.kind === "folder" && typeof value === "string") options[key] = path.resolve(door.base(doc), value);
    if (doc.paths?.kind === "globs") options[key] = await expandGlobs(value as string[], doc, door);
  }
  return options as z.output<Schema>;
}

async function expandGlobs(patterns: string[], doc: OptionDoc, door: OptionDoor): Promise<string[]> {
  if (patterns.length === 0) return [];
  // tinyglobby (with picomatch) is loaded only when there is a pattern to expand: most runs have none, and an action
  // stopped by a config error never gets here (issue 22, start-up).
  const { glob } = await import("tinyglobby");
  const cwd = door.base(doc);
  const files = (await Promise.all(patterns.map((p) => glob(p, { cwd, absolute: true, expandDirectories: false }))))
    .flat()
    .sort();
  if (patterns.length > 0 && files.length === 0) throw describeProblem({ code: "no-match", patterns }, doc, door);
  return files;
}

/**
 * A problem in the door's words. The doors have always worded a bad count and an empty glob differently; the
 * wording is kept (issue 14 changes no message), side by side here so that making them one is a one-line change.
 */
export function describeProblem(details: OptionProblem, doc: OptionDoc, door: OptionDoor): UsageError {
  const label = door.label(doc);
  switch (details.code) {
    case "not-a-flag":
      return new UsageError(`${label} must be true or false, not "${details.raw}"`);
    case "not-a-choice":
      return new UsageError(`${label} must be one of ${details.choices.join(", ")}, not "${details.raw}"`);
    case "not-a-count":
      return new UsageError(
        door.name === "cli"
          ? `${label} is a whole number of at least 1, not "${details.raw}"`
          : `${label} must be a whole number, not "${details.raw}"`,
      );
    case "not-a-shard":
      return new UsageError(`${label} is i/n with 1 <= i <= n, not "${details.raw}"`, { hint: "e.g. 2/4" });
    case "no-match": {
      const globs = doc.paths?.kind === "globs" ? doc.paths : null;
      const patterns = details.patterns.join(", ");
      return new UsageError(
        door.name === "cli"
          ? `no ${globs?.noun ?? "file"} matches ${patterns}`
          : `${label}: no file matches ${patterns}`,
        globs ? { hint: globs.noMatchHint[door.name] } : {},
      );
    }
  }
}
