/**
 * Just enough of TOML for `mlops init` to recognise a pyproject.toml or a Pipfile: the table headers it has
 * (`[project]`, `[tool.uv]`, `[tool.poetry.dependencies]`) and the first line that cannot be TOML at all. It is not a
 * TOML parser (params files go through smol-toml, config/params.ts): values are skipped, strings and comments only so
 * that a `[` or `#` inside them is not taken for structure, and TOML that is valid line by line but not as a whole
 * (a table defined twice) passes: the Python tool that reads the file says so.
 */
export interface TomlOutline {
  /** Table names in the order they appear, quotes removed: `tool.poetry.dependencies`. */
  tables: string[];
  /** "line N: ..." for the first line that is neither a table header nor `key = value`; null when none. */
  error: string | null;
}

const HEADER = /^\[\[?\s*([^[\]]+?)\s*\]\]?$/;
const KEY_VALUE = /^(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*\s*=/;

export function tomlOutline(text: string): TomlOutline {
  const tables: string[] = [];
  let depth = 0; // brackets and braces of a value spanning lines
  let open: '"""' | "'''" | null = null; // a multi-line string still open
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    let line = raw;
    if (open !== null) {
      const end = line.indexOf(open);
      if (end < 0) continue;
      line = line.slice(end + 3);
      open = null;
    }
    const code = codeOf(line);
    open = code.open;
    const trimmed = code.text.trim();
    if (depth === 0 && trimmed !== "") {
      // A header's quoted parts (`[tool."uv"]`) are kept for its name; in the structure check they are emptied.
      const header = HEADER.test(trimmed) ? HEADER.exec(code.kept.trim()) : null;
      if (header?.[1]) {
        tables.push(header[1].replace(/["'\s]/g, ""));
        continue;
      }
      if (!KEY_VALUE.test(trimmed)) return { tables, error: `line ${index + 1}: expected [table] or key = value` };
    }
    for (const char of code.text) {
      if (char === "[" || char === "{") depth++;
      else if (char === "]" || char === "}") depth = Math.max(0, depth - 1);
    }
  }
  if (open !== null) return { tables, error: `a ${open} string is never closed` };
  if (depth > 0) return { tables, error: "a [ or { is never closed" };
  return { tables, error: null };
}

/**
 * The line with strings emptied and the comment cut (`text`), the same with its strings kept (`kept`), and the
 * multi-line string left open at its end, if any.
 */
function codeOf(line: string): { text: string; kept: string; open: '"""' | "'''" | null } {
  let text = "";
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === "#") break;
    const triple = line.startsWith('"""', i) ? '"""' : line.startsWith("'''", i) ? "'''" : null;
    if (triple) {
      const end = line.indexOf(triple, i + 3);
      if (end < 0) return { text: `${text}""`, kept: line.slice(0, i), open: triple };
      text += '""';
      i = end + 3;
      continue;
    }
    if (char === '"' || char === "'") {
      let j = i + 1;
      while (j < line.length && line[j] !== char) j += char === '"' && line[j] === "\\" ? 2 : 1;
      text += '""';
      i = j + 1;
      continue;
    }
    text += char;
    i++;
  }
  return { text, kept: line.slice(0, i), open: null };
}
