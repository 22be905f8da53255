import { readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { planDataset, SAMPLE_ROWS } from "../../src/data/plan.ts";
import { readPredictions } from "../../src/evaluate/predictions.ts";
import { formatOf, openTable, type TableFormat } from "../../src/data/table.ts";
import { InputError } from "../../src/errors.ts";
import { tempDir } from "../helpers/temp.ts";

/** The streaming table readers (src/data/table.ts): RFC 4180 CSV, TSV, JSON Lines, gzip. */

/** The size of one read (table.ts reads 1 MiB at a time): the boundary tests straddle it. */
const CHUNK = 1 << 20;

interface ReadTable {
  columns: string[];
  rows: (string | null)[][];
  records: number[];
}

async function readTable(file: string, format: TableFormat = formatOf(file)): Promise<ReadTable> {
  const table = await openTable(file, format, { displayName: path.basename(file) });
  const rows: (string | null)[][] = [];
  const records: number[] = [];
  for await (const row of table.rows) {
    rows.push(row.cells);
    records.push(row.record);
  }
  return { columns: table.columns, rows, records };
}

async function writeTable(name: string, body: string | Uint8Array): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, body);
  return file;
}

/** The InputError reading `file` fails with. */
async function readError(file: string, format?: TableFormat): Promise<InputError> {
  const error: unknown = await readTable(file, format).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("CSV (RFC 4180)", () => {
  it("reads quoted fields, escaped quotes, delimiters and newlines inside quotes", async () => {
    const file = await writeTable(
      "t.csv",
      'id,text,n\n1,"a, b",2\n2,"she said ""hi""",3\n3,"line one\nline two",4\n4,plain,5\n',
    );
    expect(await readTable(file)).toEqual({
      columns: ["id", "text", "n"],
      rows: [
        ["1", "a, b", "2"],
        ["2", 'she said "hi"', "3"],
        ["3", "line one\nline two", "4"],
        ["4", "plain", "5"],
      ],
      records: [1, 2, 3, 4],
    });
  });

  it("tells an empty field (null) from a quoted empty one (empty text)", async () => {
    const file = await writeTable("t.csv", 'a,b,c\n,"",x\n"",,\n');
    expect((await readTable(file)).rows).toEqual([
      [null, "", "x"],
      ["", null, null],
    ]);
  });

  it("reads CRLF line ends, a CRLF inside quotes, and a last line without a line end", async () => {
    const file = await writeTable("t.csv", 'a,b\r\n1,"x\r\ny"\r\n2,z');
    expect((await readTable(file)).rows).toEqual([
      ["1", "x\r\ny"],
      ["2", "z"],
    ]);
  });

  it("drops a UTF-8 byte order mark from the first column name", async () => {
    const file = await writeTable("t.csv", "\uFEFFid,name\n1,Zoë\n");
    expect(await readTable(file)).toMatchObject({ columns: ["id", "name"], rows: [["1", "Zoë"]] });
  });

  it("skips blank lines, as pandas does", async () => {
    const file = await writeTable("t.csv", "a,b\n\n1,2\n\n\n3,4\n");
    expect(await readTable(file)).toMatchObject({
      rows: [
        ["1", "2"],
        ["3", "4"],
      ],
      records: [1, 2],
    });
  });

  it("keeps ragged rows as they are (validation reports them)", async () => {
    const file = await writeTable("t.csv", "a,b,c\n1,2\n1,2,3,4\n");
    expect((await readTable(file)).rows).toEqual([
      ["1", "2"],
      ["1", "2", "3", "4"],
    ]);
  });

  it("names columns without a header text by their position", async () => {
    const file = await writeTable("t.csv", "a,,c\n1,2,3\n");
    expect((await readTable(file)).columns).toEqual(["a", "column_2", "c"]);
  });

  it("reads TSV by extension", async () => {
    const file = await writeTable("t.tsv", 'a\tb\n"x\ty"\t2\n');
    expect(await readTable(file)).toMatchObject({ columns: ["a", "b"], rows: [["x\ty", "2"]] });
  });

  it("reads quotes, CRLF and multi-byte characters that straddle the 1 MiB read boundary", async () => {
    // For each case the interesting bytes start at CHUNK - 1 + shift, so they fall on both sides of the boundary.
    const cases = [
      { what: "an escaped quote pair", middle: '""', cell: '"' },
      { what: "a closing quote and the delimiter", middle: '",', cell: "" },
      { what: "a four-byte character", middle: "😀", cell: "😀" },
    ];
    for (const { what, middle, cell } of cases) {
      for (const shift of [-1, 0, 1]) {
        const head = 'id,text,n\n1,"';
        const before = "x".repeat(CHUNK - 1 + shift - Buffer.byteLength(head));
        const row =
          middle === '",' ? `${head}${before}",7\n2,after,8\n` : `${head}${before}${middle}tail",7\n2,after,8\n`;
        const file = await writeTable("big.csv", row);
        const table = await readTable(file);
        const expected = middle === '",' ? before : `${before}${cell}tail`;
        expect(table.rows.length, `${what}, shift ${shift}`).toBe(2);
        expect(table.rows[0]?.[1] === expected, `${what}, shift ${shift}`).toBe(true);
        expect(table.rows[0]?.[2], `${what}, shift ${shift}`).toBe("7");
        expect(table.rows[1], `${what}, shift ${shift}`).toEqual(["2", "after", "8"]);
      }
    }
    // A CRLF split across the boundary is one line end, not a line end and a blank line.
    const head = "a,b\n";
    const filler = "y".repeat(CHUNK - 1 - Buffer.byteLength(head) - 2);
    const file = await writeTable("crlf.csv", `${head}1,${filler}\r\n2,z\r\n`);
    expect((await readTable(file)).rows).toEqual([
      ["1", filler],
      ["2", "z"],
    ]);
  });

  it("reports a quote that is never closed, at the row its record is and the byte of the quote", async () => {
    const file = await writeTable("t.csv", 'a,b\n1,"two\nlines"\n2,"never closed\n3,x\n');
    const error = await readError(file);
    // Row 3 as a spreadsheet numbers it (the header is row 1; the quoted newline does not start a row).
    expect(error.message).toBe("t.csv: a quoted field is never closed (unterminated quote) (row 3, byte 20)");
    expect(error.hint).toBe("check this record for a missing closing quote");
  });

  it("reports text after a closing quote", async () => {
    const file = await writeTable("t.csv", 'a,b\n1,"ab"c\n');
    const error = await readError(file);
    expect(error.message).toBe("t.csv: unexpected text after a closing quote (row 2, byte 10)");
    expect(error.hint).toMatch(/two quotes/);
  });

  it("refuses invalid UTF-8, naming the file, the row and the byte", async () => {
    const file = await writeTable(
      "t.csv",
      Buffer.concat([Buffer.from("a,b\n1,x\n2,"), Buffer.from([0xff, 0xfe]), Buffer.from("\n")]),
    );
    const error = await readError(file);
    expect(error.message).toBe("t.csv: not valid UTF-8 (row 3, byte 10)");
    expect(error.hint).toBe("save the file as UTF-8");
  });

  it("reads a field over 10 MB, and refuses a record over 64 MiB (an unbalanced quote) with its byte offset", async () => {
    const big = "y".repeat(11 << 20);
    const table = await readTable(await writeTable("big.csv", `id,text\n1,"${big}"\n2,short\n`));
    expect(table.rows.length).toBe(2);
    expect(table.rows[0]?.[1]?.length).toBe(big.length);
    expect(table.rows[1]).toEqual(["2", "short"]);
    const error = await readError(await writeTable("open.csv", `id,text\n1,"${"z".repeat(65 << 20)}\n`));
    expect(error.message).toBe("open.csv: a record is longer than 64 MiB (row 2, byte 8)");
    expect(error.hint).toMatch(/quote that is never closed/);
  });

  it("refuses an empty file, and reads a header-only file as a table without rows", async () => {
    const empty = await readError(await writeTable("t.csv", ""));
    expect(empty.message).toBe("t.csv is empty");
    expect(await readTable(await writeTable("h.csv", "a,b,c\n"))).toEqual({
      columns: ["a", "b", "c"],
      rows: [],
      records: [],
    });
  });

  it("refuses a header that names a column twice", async () => {
    const error = await readError(await writeTable("t.csv", "id,name,id\n1,a,2\n"));
    expect(error.message).toBe('t.csv: column "id" appears twice in the header (columns 1 and 3)');
    expect(error.hint).toBe("column names must be unique");
  });

  it("names a file that does not exist, with what it is", async () => {
    const dir = await tempDir();
    const error: unknown = await openTable(path.join(dir, "nope.csv"), "csv", {
      displayName: "data/nope.csv",
      what: "predictions file",
      missingHint: "the evaluate command should write it",
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      "predictions file not found: data/nope.csv\n  hint: the evaluate command should write it",
    );
  });
});

describe("gzip and JSON Lines", () => {
  it("reads gzip-compressed CSV", async () => {
    const file = await writeTable("t.csv.gz", gzipSync('a,b\n1,"x,y"\n2,z\n'));
    expect(formatOf(file)).toBe("csv");
    expect(await readTable(file)).toMatchObject({
      columns: ["a", "b"],
      rows: [
        ["1", "x,y"],
        ["2", "z"],
      ],
    });
  });

  it("refuses a .gz file that is not gzip", async () => {
    const error = await readError(await writeTable("t.csv.gz", "a,b\n1,2\n"));
    expect(error.message).toBe("t.csv.gz is not a valid gzip file");
  });

  it("reads JSON Lines: the first object's keys are the columns; nulls stay null", async () => {
    const file = await writeTable(
      "t.jsonl",
      '{"id":1,"name":"a","tags":["x"],"ok":true}\n\n{"id":2,"name":null,"ok":false}\n{"id":3,"name":"c","extra":1}',
    );
    expect(await readTable(file)).toEqual({
      columns: ["id", "name", "tags", "ok"],
      rows: [
        ["1", "a", '["x"]', "true"],
        ["2", null, null, "false"],
        ["3", "c", null, null],
      ],
      records: [1, 2, 3],
    });
  });

  it("reports a broken JSON Lines record with its line", async () => {
    const error = await readError(await writeTable("t.jsonl", '{"a":1}\n\n{"a":2\n{"a":3}\n'));
    expect(error.message).toMatch(/^t\.jsonl: line 3 is not valid JSON \(.*\) \(byte 9\)$/);
    expect(error.hint).toBe("each line of a JSON Lines file is one JSON object");
    const notObject = await readError(await writeTable("u.jsonl", '{"a":1}\n[1,2]\n'));
    expect(notObject.message).toBe("u.jsonl: line 2 is not a JSON object (byte 8)");
  });

  it("reads gzip-compressed JSON Lines", async () => {
    const file = await writeTable("t.jsonl.gz", gzipSync('{"a":1}\n{"a":2}\n'));
    expect(await readTable(file)).toMatchObject({ columns: ["a"], rows: [["1"], ["2"]] });
  });

  it("tells the format by extension, and refuses one it cannot tell", () => {
    expect(formatOf("x.tsv.gz")).toBe("tsv");
    expect(formatOf("x.ndjson")).toBe("jsonl");
    expect(formatOf("x.data", "csv")).toBe("csv");
    expect(formatOf("x.parquet")).toBe("parquet");
    expect(() => formatOf("x.xlsx")).toThrow(/^cannot tell the format of x\.xlsx from its extension$/);
    expect(() => formatOf("x.xlsx")).toThrow(
      expect.objectContaining({ hint: "name it .csv, .tsv, .jsonl (optionally .gz) or .parquet, or set data.format" }),
    );
  });
});

describe("Parquet (hyparquet)", () => {
  const fixture = (name: string): string => path.join(import.meta.dirname, "../fixtures/data", name);

  it("reads every row group of a ZSTD-compressed file (fixture written by DuckDB)", async () => {
    const table = await readTable(fixture("people.parquet"), "parquet");
    expect(table.columns).toEqual(["id", "score", "team", "joined", "active", "big"]);
    expect(table.rows.length).toBe(2500);
    // Values follow from id (test/fixtures/data/generate_parquet.mjs).
    expect(table.rows[0]).toEqual(["1", "0.5", "green", "2024-01-02T00:00:00.000Z", "false", "1000000000"]);
    expect(table.rows[6]).toEqual(["7", null, "blue", "2024-01-08T00:00:00.000Z", "false", "7000000000"]);
    expect(table.rows[2499]?.[0]).toBe("2500");
    expect(table.records.at(-1)).toBe(2500);
  });

  it("refuses a truncated file with one clear error", async () => {
    const error = await readError(fixture("truncated.parquet"), "parquet");
    expect(error.message).toMatch(/^.*truncated\.parquet: not a readable Parquet file \(.*footer.*\) \(byte 12817\)$/);
    expect(error.hint).toMatch(/truncated or partly copied/);
  });
});

describe("open files", () => {
  /** Descriptors this process holds (Linux: /proc/self/fd). */
  const openDescriptors = (): number => readdirSync("/proc/self/fd").length;

  it("a plan over many files holds none of them open once the type sample is full (the rest are read for headers)", async () => {
    const dir = await tempDir();
    // 40 files of 2,000 rows: the sample (1,000 rows) fills in the first, so the others are opened for their header.
    const files = [];
    for (let i = 0; i < 40; i++) {
      const file = path.join(dir, `part-${i}.${i % 2 === 0 ? "csv" : "csv.gz"}`);
      const text = `id,score\n${Array.from({ length: 2000 }, (_, row) => `${i * 2000 + row},${row / 7}`).join("\n")}\n`;
      await writeFile(file, i % 2 === 0 ? text : gzipSync(text));
      files.push({ path: file, shown: path.basename(file) });
    }
    const before = openDescriptors();
    const plan = await planDataset("train", files, { format: "auto", header: true }, undefined);
    expect(plan.files).toHaveLength(40);
    expect(plan.sampledRows).toBe(SAMPLE_ROWS);
    // A gzip stream closes its descriptor a turn after it is destroyed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openDescriptors()).toBe(before);
  });

  it("a predictions file refused for its header is closed, not left open", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "predictions.csv");
    await writeFile(file, "label,predicted\nyes,yes\n");
    const columns = { path: file, label: "label", prediction: "prediction", score: undefined, scoreRequired: false };
    const before = openDescriptors();
    const read = readPredictions(
      file,
      { ...columns, scorePrefix: undefined, id: undefined },
      { task: "classification", slices: [], source: "predictions.csv" },
    );
    await expect(read).rejects.toThrow('predictions.csv has no "prediction" column');
    expect(openDescriptors()).toBe(before);
  });

  it("close() on a table never read closes its file, and a second close is harmless", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "t.csv");
    await writeFile(file, "a,b\n1,2\n");
    const before = openDescriptors();
    const table = await openTable(file, "csv");
    expect(openDescriptors()).toBe(before + 1);
    table.close();
    table.close();
    expect(openDescriptors()).toBe(before);
  });
});
