// RFC 4180 CSV, small enough to read in one sitting, so the example needs no dependencies.
import { InputError, readTextFile } from "./cli.mjs";

/**
 * Splits CSV text into rows of raw string fields. Accepts LF or CRLF line ends, quoted fields with embedded commas,
 * line breaks and doubled quotes. A final line end does not start an extra row.
 * @param {string} text
 * @param {string} source names the text in error messages, e.g. "--data file data/train.csv"
 * @returns {string[][]}
 */
export function parseCsv(text, source) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let field = "";
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // spreadsheets like to prepend a byte-order mark

  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    line += 1;
  };

  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === "") {
      // A quoted field runs to the next quote that is not doubled.
      const quotedFrom = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new InputError(`${source}, line ${quotedFrom}: quoted field is never closed`);
        const quoted = text[i];
        if (quoted === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (quoted === '"') {
          i += 1;
          break;
        } else {
          if (quoted === "\n") line += 1;
          field += quoted;
          i += 1;
        }
      }
      const next = text[i];
      if (i < text.length && next !== "," && next !== "\n" && !(next === "\r" && text[i + 1] === "\n")) {
        throw new InputError(`${source}, line ${line}: unexpected ${JSON.stringify(next)} after a closing quote`);
      }
    } else if (char === ",") {
      endField();
      i += 1;
    } else if (char === "\n") {
      endRow();
      i += 1;
    } else if (char === "\r" && text[i + 1] === "\n") {
      endRow();
      i += 2;
    } else {
      field += char;
      i += 1;
    }
  }
  // Text that does not end in a line break still holds one last row.
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/**
 * Reads a CSV file whose first row names the columns.
 * @param {string} path
 * @param {string} what how the file is named in error messages, e.g. "--data file"
 * @returns {Promise<{ columns: string[], records: Record<string, string>[] }>}
 */
export async function readCsvRecords(path, what) {
  const rows = parseCsv(await readTextFile(path, what), `${what} ${path}`);
  const [columns, ...body] = rows;
  if (!columns) throw new InputError(`${what} ${path} is empty; expected a header row`);
  const records = body.map((fields, index) => {
    if (fields.length !== columns.length) {
      throw new InputError(
        `${what} ${path}, data row ${index + 1}: ${fields.length} fields, but the header has ${columns.length}`,
      );
    }
    return Object.fromEntries(columns.map((column, c) => [column, /** @type {string} */ (fields[c])]));
  });
  return { columns, records };
}

/**
 * Formats rows as CSV with a header, `\n` line ends and a final line end. `null` and `undefined` become empty fields;
 * numbers keep JavaScript's shortest round-trip form, so no precision is lost.
 * @param {string[]} columns
 * @param {(string | number | null | undefined)[][]} rows
 * @returns {string}
 */
export function formatCsv(columns, rows) {
  return [columns, ...rows].map((fields) => fields.map(formatField).join(",") + "\n").join("");
}

/** @param {string | number | null | undefined} value */
function formatField(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
