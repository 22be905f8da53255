import * as z from "../zod.ts";
import type { ConfigDiagnostic } from "../errors.ts";
import { closestMatch } from "./suggest.ts";

/**
 * Turns zod's issues into diagnostics a person can act on: what was expected, what was found, and a hint
 * ("did you mean `model`?"). Locations are added later by the loader, which knows the YAML source.
 */

type Path = (string | number)[];
type Issue = z.core.$ZodIssue;

export function diagnosticsFromIssues(issues: readonly Issue[], schema: z.ZodMiniType): ConfigDiagnostic[] {
  const diagnostics = issues.flatMap((issue) => fromIssue(issue, [], schema));
  // `nmae: x` yields "unknown key nmae, did you mean name?" and "missing required field name": the first says it
  // all, so the second is dropped.
  const suggested = new Set(
    diagnostics.flatMap((d) => {
      const near = d.pointAt === "key" ? /did you mean `([^`]+)`/.exec(d.hint ?? "")?.[1] : undefined;
      return near === undefined ? [] : [JSON.stringify([...d.path.slice(0, -1), near])];
    }),
  );
  return diagnostics.filter(
    (d) => !(d.message.startsWith("missing required field") && suggested.has(JSON.stringify(d.path))),
  );
}

function fromIssue(issue: Issue, prefix: Path, schema: z.ZodMiniType): ConfigDiagnostic[] {
  const path: Path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const found = "input" in issue ? describeValue(issue.input) : undefined;
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) {
        const key = String(path.at(-1));
        const what = describeSchemaHint(schema, path);
        const where = path.length > 1 ? ` under \`${String(path.at(-2))}\`` : "";
        return [
          error(
            path,
            `missing required field \`${key}\``,
            `add \`${key}:\`${where}${what ? `: ${lowerFirst(what)}` : ""}`,
          ),
        ];
      }
      return [error(path, `expected ${describeType(issue.expected)}, found ${found}`)];
    }
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v));
      // A required literal or enum that is absent (`version:` left out) is a missing field, not a wrong value.
      if (issue.input === undefined) {
        const expected = options.length === 1 ? `${options[0]}` : `one of ${options.join(", ")}`;
        return [error(path, `missing required field \`${String(path.at(-1))}\``, `expected ${expected}`)];
      }
      const message =
        options.length === 1
          ? `expected ${options[0]}, found ${found}`
          : `expected one of ${options.join(", ")}, found ${found}`;
      const near =
        typeof issue.input === "string"
          ? closestMatch(
              issue.input,
              issue.values.filter((v): v is string => typeof v === "string"),
            )
          : undefined;
      return [error(path, message, near === undefined ? undefined : `did you mean "${near}"?`)];
    }
    case "unrecognized_keys": {
      const allowed = allowedKeys(schema, path);
      return issue.keys.map((key) => {
        const near = allowed ? closestMatch(key, allowed) : undefined;
        const hint =
          near !== undefined
            ? `did you mean \`${near}\`?`
            : allowed && allowed.length > 0
              ? `allowed here: ${allowed.join(", ")}`
              : undefined;
        return { ...error([...path, key], `unknown key \`${key}\``, hint), pointAt: "key" as const };
      });
    }
    case "invalid_union": {
      const branch = matchingBranch(issue);
      if (branch) return branch.flatMap((inner) => fromIssue(inner, path, schema));
      return [error(path, `${issue.message}, found ${found}`)];
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array") return [error(path, `expected at least ${min} item${min === 1 ? "" : "s"}`)];
      if (issue.origin === "string") return [error(path, issue.message)];
      const op = issue.inclusive ? "at least" : "more than";
      return [error(path, `expected a number ${op} ${min}, found ${found}`)];
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array") return [error(path, `expected at most ${max} items`)];
      const op = issue.inclusive ? "at most" : "less than";
      return [error(path, `expected a number ${op} ${max}, found ${found}`)];
    }
    default:
      // invalid_format (our regexes carry their own messages), custom refinements, and the rare rest.
      return [error(path, found === undefined ? issue.message : `${issue.message}, found ${found}`)];
  }
}

/**
 * A union fails in every branch. The branch worth reporting is the one whose type matched the input (its issues are
 * deeper than "expected string, found a mapping"); if there is exactly one such branch, report its issues.
 */
function matchingBranch(issue: z.core.$ZodIssueInvalidUnion): Issue[] | undefined {
  const typeMatched = issue.errors.filter(
    (branch) => !branch.every((inner) => inner.path.length === 0 && isTypeMismatch(inner)),
  );
  return typeMatched.length === 1 ? typeMatched[0] : undefined;
}

function isTypeMismatch(issue: Issue): boolean {
  if (issue.code === "invalid_type") return true;
  // A literal branch ("none", "champion") that did not match is a mismatch too, unless the input was a string
  // and no other branch takes strings; keeping it simple: literals never count as the matching branch.
  return issue.code === "invalid_value" || issue.code === "invalid_union";
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function error(path: Path, message: string, hint?: string): ConfigDiagnostic {
  return hint === undefined ? { severity: "error", path, message } : { severity: "error", path, message, hint };
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)",
};

function describeType(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

/** A short, safe rendering of what the user wrote. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `text ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  return typeof value;
}

// --- walking the zod schema (zod 4 keeps its structure in `_zod.def`) ----------------------------------------------

interface Def {
  type: string;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  getter?: () => z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  valueType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
}

function defOf(schema: z.ZodMiniType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Peels optional/default/nullable/pipe/lazy wrappers. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else if (def.type === "lazy" && def.getter) current = def.getter();
    else break;
  }
  return current;
}

/** The schemas that could sit at `path` (several when a union is on the way). */
function schemasAt(schema: z.ZodMiniType, path: Path): z.ZodMiniType[] {
  let current = [unwrap(schema)];
  for (const segment of path) {
    const next: z.ZodMiniType[] = [];
    for (const candidate of current.flatMap(expandUnion)) {
      const def = defOf(candidate);
      if (def.type === "object" && def.shape && typeof segment === "string" && def.shape[segment]) {
        next.push(unwrap(def.shape[segment]));
      } else if (def.type === "record" && def.valueType) {
        next.push(unwrap(def.valueType));
      } else if (def.type === "array" && def.element && typeof segment === "number") {
        next.push(unwrap(def.element));
      }
    }
    current = next;
  }
  return current.flatMap(expandUnion);
}

function expandUnion(schema: z.ZodMiniType): z.ZodMiniType[] {
  const def = defOf(schema);
  return def.type === "union" && def.options ? def.options.map(unwrap).flatMap(expandUnion) : [schema];
}

/** Whether the schema has a field at `path` (a key of a mapping, an entry of a record or list). */
export function schemaHasPath(schema: z.ZodMiniType, path: Path): boolean {
  return schemasAt(schema, path).length > 0;
}

/** The keys an object at `path` accepts, for "did you mean". */
export function allowedKeys(schema: z.ZodMiniType, path: Path): string[] | undefined {
  const keys = schemasAt(schema, path).flatMap((candidate) => {
    const def = defOf(candidate);
    return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
  });
  return keys.length > 0 ? [...new Set(keys)] : undefined;
}

/**
 * Where the schema takes a plain value as the shorthand of a mapping (`predictions: p.csv` for `{ path: p.csv }`, a
 * union of the value's type and an object), the mapping's key that holds the value: the object's one required field,
 * when it accepts the value. Undefined where `value` is no such shorthand (a record, an object with no or several
 * required fields, a value the union does not take).
 */
export function shorthandKey(schema: z.ZodMiniType, path: Path, value: unknown): string | undefined {
  const options = schemasAt(schema, path);
  if (!options.some((option) => option.safeParse(value).success)) return undefined;
  for (const option of options) {
    const def = defOf(option);
    if (def.type !== "object" || !def.shape) continue;
    // A field that takes undefined is optional or has a default: not the one a shorthand stands for.
    const required = Object.entries(def.shape).filter(([, field]) => !field.safeParse(undefined).success);
    const [only] = required;
    if (required.length === 1 && only && only[1].safeParse(value).success) return only[0];
  }
  return undefined;
}

function describeSchemaHint(schema: z.ZodMiniType, path: Path): string | undefined {
  for (const candidate of schemasAt(schema, path)) {
    const description = z.globalRegistry.get(candidate)?.description;
    if (description) return description;
  }
  return undefined;
}
