/**
 * Which Python or Node.js a workflow should set up, from what the repository already says (`.python-version`,
 * pyproject's `requires-python`, `.nvmrc`, package.json's `engines.node`). A range is not handed to the setup
 * action as is: it is resolved to one release line, the kit's default when the range allows it, else the
 * line nearest to it that does. `mlops init` uses it; nothing here touches the disk.
 */

export const DEFAULT_PYTHON = "3.12";
export const DEFAULT_NODE = "22";

/** Release lines a hosted runner can set up, newest first. */
const PYTHON_LINES = ["3.14", "3.13", "3.12", "3.11", "3.10", "3.9"];
const NODE_LINES = ["24", "22", "20", "18"];

/** What a version written into a workflow may look like (it lands inside a quoted YAML string). */
const VERSION_TEXT = /^(?:\d+(?:\.\d+){0,2}(?:\.x)?|lts\/(?:\*|[a-z-]+)|node)$/;

export function isVersionText(text: string): boolean {
  return VERSION_TEXT.test(text);
}

/** A pinned version file's content (`.python-version`, `.nvmrc`): its first meaningful line, if it is a version. */
export function pinnedVersion(content: string): string | undefined {
  const line = content
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, "").trim())
    .find((l) => l !== "");
  const version = line?.replace(/^v(?=\d)/, "");
  return version !== undefined && isVersionText(version) ? version : undefined;
}

/** The Python line for a PEP 440 specifier such as `>=3.10,<3.13` or `~=3.11`; undefined when none fits. */
export function pythonForSpecifier(specifier: string): string | undefined {
  const clauses = specifier
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  return pickLine(PYTHON_LINES, DEFAULT_PYTHON, (line) => clauses.every((clause) => pep440Allows(clause, line)));
}

/** The Node.js line for an npm semver range such as `>=20`, `^22.1.0` or `18 || 20`; undefined when none fits. */
export function nodeForRange(range: string): string | undefined {
  const alternatives = range.split("||").map((a) => a.trim());
  return pickLine(NODE_LINES, DEFAULT_NODE, (line) =>
    alternatives.some((alternative) =>
      alternative
        .replace(/([<>=^~]+)\s+/g, "$1")
        .split(/\s+/)
        .filter(Boolean)
        .every((comparator) => semverAllows(comparator, line)),
    ),
  );
}

/** The preferred line when allowed, else the allowed line nearest to it (the older one on a tie: more wheels). */
function pickLine(lines: string[], preferred: string, allows: (line: string) => boolean): string | undefined {
  const at = lines.indexOf(preferred);
  const allowed = lines.map((line, index) => ({ line, index })).filter(({ line }) => allows(line));
  allowed.sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at) || b.index - a.index);
  return allowed[0]?.line;
}

type Version = number[];

function parse(text: string): Version | undefined {
  const cleaned = text.trim().replace(/^v/, "");
  if (!/^\d+(\.(\d+|\*|x))*$/.test(cleaned)) return undefined;
  return cleaned
    .split(".")
    .filter((part) => /^\d+$/.test(part))
    .map(Number);
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The newest release of a line, e.g. 3.12 -> 3.12.999: a line allows `>=3.12.4` because its latest release does. */
const latestOf = (line: string): Version => [...(parse(line) ?? []), 999, 999].slice(0, 3);

/** True when `version` starts with every part of `prefix` (`3.11.*`, `20.x`, `^20`'s major). */
function startsWith(version: Version, prefix: Version): boolean {
  return prefix.every((part, i) => version[i] === part);
}

function pep440Allows(clause: string, line: string): boolean {
  const match = /^(~=|==|!=|<=|>=|<|>|===)\s*(.+)$/.exec(clause);
  if (!match) return true; // not understood: do not let it exclude a line
  const [, operator, text = ""] = match;
  const wildcard = text.endsWith(".*");
  const bound = parse(text);
  if (!bound) return true;
  const lineVersion = parse(line) ?? [];
  const latest = latestOf(line);
  switch (operator) {
    case ">=":
      return compare(latest, bound) >= 0;
    case ">":
      return compare(latest, bound) > 0;
    case "<":
      return compare(lineVersion, bound) < 0;
    case "<=":
      return compare(lineVersion, bound) <= 0;
    case "==":
    case "===":
      return wildcard || bound.length <= 2
        ? startsWith(lineVersion, bound.slice(0, 2))
        : startsWith(bound, lineVersion);
    case "!=":
      return !(wildcard && startsWith(lineVersion, bound.slice(0, 2)));
    case "~=":
      // ~=3.10 means >=3.10, ==3.*; ~=3.10.2 means >=3.10.2, ==3.10.*
      return compare(latest, bound) >= 0 && startsWith(lineVersion, bound.slice(0, Math.max(1, bound.length - 1)));
    default:
      return true;
  }
}

function semverAllows(comparator: string, line: string): boolean {
  const match = /^(\^|~|>=|<=|>|<|=)?(.+)$/.exec(comparator);
  if (!match) return true;
  const [, operator = "", text = ""] = match;
  const bound = parse(text);
  if (!bound) return comparator === "*" || comparator === "x" || !/\d/.test(comparator);
  const major = parse(line) ?? [];
  const latest = latestOf(line);
  switch (operator) {
    case ">=":
      return compare(latest, bound) >= 0;
    case ">":
      return compare(latest, bound) > 0 && !(bound.length === 1 && major[0] === bound[0]);
    case "<":
      return compare(major, bound) < 0;
    case "<=":
      return compare(major, bound) <= 0;
    case "^":
    case "~":
    case "=":
    case "":
      return major[0] === bound[0];
    default:
      return true;
  }
}
