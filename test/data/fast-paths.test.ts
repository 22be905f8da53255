import { describe, expect, it } from "vitest";
import type { ChunkReader } from "../../src/data/formats/chunks.ts";
import { RecordBatch } from "../../src/data/formats/delimited/batch.ts";
import { DelimitedReader, MORE, RECORD } from "../../src/data/formats/delimited/reader.ts";
import { Random } from "../../src/data/sketch/hash.ts";
import { validateDatasets } from "../../src/data/validate.ts";
import { parseDatetime, parseNumber, parsed, usualDatetime } from "../../src/data/values.ts";
import { configOf } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The scan's fast paths give what the general code gives: records parsed many at a time equal records parsed one at
 * a time, and a CSV's cells read column by column (scan.ts, column.ts) profile exactly as the same cells read one by
 * one from JSON Lines, which goes through the general per-cell code.
 */

/** A ChunkReader over `bytes` that hands out at most `step` bytes a read (records then straddle every fill). */
function pieces(bytes: Buffer, step: number): ChunkReader {
  let at = 0;
  return {
    read(target, offset, length) {
      const n = Math.min(step, length, bytes.length - at);
      target.set(bytes.subarray(at, at + n), offset);
      at += n;
      return Promise.resolve(n);
    },
    close: () => undefined,
  };
}

function reader(text: string, step: number): DelimitedReader {
  return new DelimitedReader({
    reader: pieces(Buffer.from(text), step),
    file: "t.csv",
    offset: 0,
    delimiter: 44,
    align: false,
    stopAt: Infinity,
    atFileStart: true,
  });
}

interface Parsed {
  count: number;
  cells: (string | null)[];
}

/** Records one at a time with next(): every field kept. */
async function oneByOne(text: string): Promise<Parsed[]> {
  const delimited = reader(text, 1 << 20);
  const records: Parsed[] = [];
  for (;;) {
    const got = delimited.next();
    if (got === MORE) await delimited.fill();
    else if (got !== RECORD) return records;
    else {
      const cells: (string | null)[] = [];
      for (let i = 0; i < delimited.fieldCount; i++) {
        const quoted = delimited.quoted[i] === 1;
        cells.push(
          delimited.starts[i] === delimited.ends[i] && !quoted
            ? null
            : delimited.buffer.toString("utf8", delimited.starts[i], delimited.ends[i]),
        );
      }
      records.push({ count: delimited.fieldCount, cells });
    }
  }
}

/** Records in batches of `capacity` that keep `stride` fields, from a source that hands out `step` bytes a read. */
async function inBatches(text: string, capacity: number, stride: number, step: number): Promise<Parsed[]> {
  const delimited = reader(text, step);
  const batch = new RecordBatch(capacity, stride);
  const records: Parsed[] = [];
  for (;;) {
    const got = delimited.nextBatch(batch);
    if (got === MORE) await delimited.fill();
    else if (got !== RECORD) return records;
    else {
      expect(batch.size).toBeGreaterThan(0);
      expect(batch.size).toBeLessThanOrEqual(capacity);
      for (let r = 0; r < batch.size; r++) {
        const cells: (string | null)[] = [];
        const count = batch.fieldCounts[r]!;
        for (let f = 0; f < Math.min(count, stride); f++) {
          const at = r * stride + f;
          const quoted = batch.quoted[at] === 1;
          cells.push(
            batch.starts[at] === batch.ends[at] && !quoted
              ? null
              : delimited.buffer.toString("utf8", batch.starts[at], batch.ends[at]),
          );
        }
        records.push({ count, cells });
      }
    }
  }
}

describe("records parsed in batches", () => {
  const text =
    '\uFEFFa,b,c\r\n1,"x, ""y""",3\n\n"multi\nline\r\nfield",,\r' +
    '4,5,6,7,8\n"",plain,"""quoted"""\n9\n' +
    // Bytes below the comma that end no field (the field loop tests four bytes at a time), and non-ASCII ones.
    " !#$%&'()*+ ,\tx\u0001y,é日本\n" +
    Array.from({ length: 50 }, (_, i) => `${i},"q${i}""",${"z".repeat(i)}`).join("\n") +
    "\nlast,row,";

  it("equal records parsed one at a time, whatever the batch size, the kept fields and the read size", async () => {
    const expected = await oneByOne(text);
    expect(expected[1]).toEqual({ count: 3, cells: ["1", 'x, "y"', "3"] });
    expect(expected[2]).toEqual({ count: 3, cells: ["multi\nline\r\nfield", null, null] });
    expect(expected[3]?.count).toBe(5);
    expect(expected[6]).toEqual({ count: 3, cells: [" !#$%&'()*+ ", "\tx\u0001y", "é日本"] });
    expect(expected.at(-1)).toEqual({ count: 3, cells: ["last", "row", null] });
    for (const [capacity, stride, step] of [
      [1, 3, 1],
      [4, 3, 7],
      [1024, 3, 3],
      [1024, 5, 1 << 20],
      [7, 1, 2],
    ] as const) {
      const got = await inBatches(text, capacity, stride, step);
      expect(got).toEqual(expected.map((r) => ({ count: r.count, cells: r.cells.slice(0, stride) })));
    }
  });

  it("return the records before an unreadable one, then its error with its record number", async () => {
    const bad = 'a,b\n1,2\n3,"x"y\n5,6\n';
    const delimited = reader(bad, 1 << 20);
    const batch = new RecordBatch(16, 2);
    await delimited.fill();
    expect(delimited.nextBatch(batch)).toBe(RECORD);
    expect(batch.size).toBe(2);
    expect(() => delimited.nextBatch(batch)).toThrow(/unexpected text after a closing quote \(at byte 13\)/);
  });
});

describe("parseNumber", () => {
  it("reads decimal numbers as Number() does, surrounding spaces and infinities included", () => {
    const valid = [
      "0",
      "-0",
      "+5",
      "007",
      "-12",
      "1.5",
      "-1.50",
      ".5",
      "5.",
      "-.5",
      "1e3",
      "1E+5",
      "1e-5",
      "2.5e-3",
      " 7",
      "7 ",
      "\t8\t",
      "123456789012345",
      "1234567890123456",
      "9007199254740993",
      "12345678901234567890",
      "0.1234567890123456789",
      "123456789012345.6",
      "0.000",
      "4.35",
      "1.7976931348623157e308",
      "1.7976931348623159e308",
      "5e-324",
      "2e-324",
      "1e400",
      "-1e400",
      "1e-400",
      "0e99999999",
      "000000000000000000001.5",
    ];
    for (const text of valid) {
      const bytes = Buffer.from(text);
      expect(parseNumber(bytes, 0, bytes.length), text).toBe(true);
      expect(Object.is(parsed.value, Number(text)), `${text}: ${parsed.value} vs ${Number(text)}`).toBe(true);
      expect(parsed.integer, text).toBe(/^\s*[+-]?\d+\s*$/.test(text));
    }
    for (const [text, value] of [
      ["inf", Infinity],
      ["-Infinity", -Infinity],
      ["+INF", Infinity],
    ] as const) {
      const bytes = Buffer.from(text);
      expect(parseNumber(bytes, 0, bytes.length)).toBe(true);
      expect(parsed.value).toBe(value);
    }
  });

  it("refuses what is not a decimal number (NaN is a missing value, not a number)", () => {
    for (const text of [
      "",
      " ",
      "NaN",
      "nan",
      "abc",
      "1_000",
      "0x10",
      "1,5",
      "1.2.3",
      "--5",
      "-",
      "+",
      ".",
      "e5",
      "1e",
      "1e+",
      "in",
      "infinit",
      "1 2",
    ]) {
      const bytes = Buffer.from(text);
      expect(parseNumber(bytes, 0, bytes.length), text).toBe(false);
    }
  });
});

describe("parseDatetime", () => {
  /** The ISO 8601 forms DOMAIN.md §3 reads, by a regular expression and Date.UTC. */
  function reference(text: string): number | null {
    const match =
      /^[ \t]*(\d{4})-(\d\d)-(\d\d)(?:[Tt ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?(Z|z|[+-]\d\d:?\d\d)?)?[ \t]*$/.exec(
        text,
      );
    if (!match) return null;
    const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((v) => Number(v ?? 0));
    const leap = (year! % 4 === 0 && year! % 100 !== 0) || year! % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (month! < 1 || month! > 12 || day! < 1 || day! > days[month! - 1]!) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;
    // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
    const date = new Date(0);
    date.setUTCFullYear(year!, month! - 1, day);
    date.setUTCHours(hour, minute, second);
    let ms = date.getTime();
    if (match[7]) ms += Number(match[7].slice(0, 3).padEnd(3, "0"));
    const zone = match[8];
    if (zone && zone !== "Z" && zone !== "z") {
      const hours = Number(zone.slice(1, 3));
      const minutes = Number(zone.slice(-2));
      if (hours > 23 || minutes > 59) return null;
      ms += (zone.startsWith("+") ? -1 : 1) * (hours * 60 + minutes) * 60_000;
    }
    return ms;
  }

  it("reads every form as a regular expression and Date.UTC do, and refuses impossible dates", () => {
    const random = new Random(8);
    const pick = <T>(values: readonly T[]): T => values[random.below(values.length)]!;
    const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
    const texts = ["2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0004-02-29", "1969-12-31T23:59:59.999Z"];
    for (let i = 0; i < 20_000; i++) {
      const date = `${pad(pick([1, 99, 1600, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 9999]), 4)}-${pad(random.below(14))}-${pad(random.below(33))}`;
      const time = pick([
        "",
        `T${pad(random.below(26))}:${pad(random.below(62))}`,
        ` ${pad(random.below(24))}:${pad(random.below(60))}:${pad(random.below(61))}`,
      ]);
      const fraction =
        time.length > 9 ? pick(["", `.${random.below(10)}`, `,${pad(random.below(1000), 3)}`, ".12345", "."]) : "";
      const zone = time
        ? pick([
            "",
            "Z",
            "z",
            `+${pad(random.below(25))}:${pad(random.below(61))}`,
            `-${pad(random.below(24))}${pad(random.below(60))}`,
            "+1",
            "X",
          ])
        : "";
      texts.push(`${pick(["", " ", "\t"])}${date}${time}${fraction}${zone}${pick(["", " "])}`);
    }
    texts.push(
      "2024-1-01",
      "2024-01-01T",
      "2024-01-01T10",
      "2024-01-01T10:0",
      "2024/01/01",
      "x2024-01-01",
      "2024-01-01Zx",
    );
    let valid = 0;
    for (const text of texts) {
      const bytes = Buffer.from(`${text},9`); // a digit after the field: the parser must not read past its end
      const expected = reference(text);
      expect(parseDatetime(bytes, 0, text.length) ? parsed.value : null, text).toBe(expected);
      if (expected !== null) valid++;
    }
    expect(valid).toBeGreaterThan(2000);
  });

  it("has a fast path that reads the usual forms to the same value and leaves every other text to parseDatetime", () => {
    const random = new Random(13);
    const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
    let read = 0;
    for (let i = 0; i < 50_000; i++) {
      const year = [1899, 1900, 1970, 2024, 2100, 2155, 2156, 1890 + random.below(280)][random.below(8)]!;
      const date = `${pad(year, 4)}-${pad(random.below(14))}-${pad(random.below(33))}`;
      const separator = ["T", " ", "t", "X"][random.below(4)]!;
      const time = `${separator}${pad(random.below(26))}:${pad(random.below(62))}:${pad(random.below(62))}`;
      const form = random.below(5);
      let text = [date, `${date}${time}`, `${date}${time}Z`, `${date}${time}z`, `${date}${time}+01:00`][form]!;
      // Now and then a byte that is not a digit where a digit belongs, or a separator out of place.
      const spoiled = random.below(8) === 0;
      if (spoiled) {
        const at = random.below(text.length);
        text = `${text.slice(0, at)}${["/", ":", "a", " ", "-"][random.below(5)]}${text.slice(at + 1)}`;
      }
      const bytes = Buffer.from(`${text}9`); // a digit after the field: the fast path must not read past its end
      const fast = usualDatetime(bytes, 0, text.length);
      const valid = parseDatetime(bytes, 0, text.length);
      // Every valid text of the usual forms (T or a space, no zone or Z, years 1900-2155) takes the fast path.
      const usual = !spoiled && form <= 2 && (form === 0 || separator === "T" || separator === " ");
      if (usual && year >= 1900 && year <= 2155) expect(Number.isNaN(fast), text).toBe(!valid);
      if (Number.isNaN(fast)) continue;
      read++;
      expect(valid, text).toBe(true);
      expect(fast, text).toBe(parsed.value);
    }
    expect(read).toBeGreaterThan(2500);
  });
});

/** Cells of every kind, the usual forms and the odd ones, in a deterministic mix. */
function cellsOf(random: Random, rows: number): Record<string, string>[] {
  const pick = <T>(values: readonly T[]): T => values[random.below(values.length)]!;
  const odd = {
    integer: ["+5", " 7", "1e3", "-0", "007", "1.0", "5.", "12345678901234567890", "1234567890123456", "1e400", "inf"],
    number: [".5", "-.5", "1E+5", "1e-5", "0.1234567890123456789", "-0.00", "1e-400", "-Infinity", "9007199254740993"],
    datetime: [
      "2024-02-29T12:00:00Z",
      "2023-02-29",
      "2024-06-01 10:11",
      "2024-06-01T10:11:12.345+02:00",
      " 2024-03-03",
      "2023-13-01T00:00:00Z",
      "2024-04-31 00:00:00",
      "2024-01-01T24:00:00Z",
      "1899-12-31T23:59:59Z",
      "2100-02-29",
    ],
    boolean: ["FALSE", "t", "Y", "no", "1", "0", "maybe", "True ", "n", "yes", "truE", "fals", "falsey"],
    text: ["x,y", 'say "hi"', "multi\nline", "é", "  pad  ", "NA"],
    missing: ["NaN", "n/a", "NA", "-", "?", "null", "None", "#N/A", "<NA>", "", "oops"],
  };
  return Array.from({ length: rows }, () => {
    const roll = random.below(100);
    const usual = roll < 85;
    const missing = roll >= 95;
    const value = (common: () => string, kind: keyof typeof odd): string =>
      missing ? pick(odd.missing) : usual ? common() : pick(odd[kind]);
    const n = random.next();
    return {
      int: value(() => String((n % 200000) - 1000), "integer"),
      num: value(() => ((n % 1e7) / 10 ** (n % 5)).toFixed(n % 4), "number"),
      when: value(() => {
        const iso = new Date(Date.UTC(2023, 0, 1) + (n % 1e10)).toISOString();
        const day = iso.slice(0, 10);
        return [day, iso.slice(0, 15), iso.slice(0, 20), iso.slice(0, 19), `${iso.slice(0, 19)}Z`, `${day} 23:59:59`][
          n % 6
        ]!;
      }, "datetime"),
      flag: value(() => (n % 2 === 0 ? "true" : "false"), "boolean"),
      label: value(() => `c${n % 40}`, "text"),
      key: value(() => String(n % 3000), "integer"),
      loose: value(() => String(n % 50), "number"),
    };
  });
}

const SCHEMA = `  schema:
    columns:
      int: { type: integer, min: -500, max: 150000 }
      num: { type: number, min: 0 }
      when: { type: datetime, min: "2023-03-01", max: "2024-01-01" }
      flag: { type: boolean, nullable: false }
      label: { type: category, values: [${Array.from({ length: 30 }, (_, i) => `c${i}`).join(", ")}] }
      key: { type: integer, unique: true }
`;

function csvCell(cell: string): string {
  return /[",\n\r]/.test(cell) || cell.length === 0 || cell.startsWith(" ") ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe("the column-by-column fast paths", () => {
  it("profile and check a CSV exactly as the same cells read one by one (JSON Lines)", async () => {
    const dir = await tempDir();
    const rows = cellsOf(new Random(99), 6000);
    const names = Object.keys(rows[0]!);
    // An empty field in CSV and "" in JSON Lines are both missing; JSON Lines has no quoted-empty field.
    const csv = [
      names.join(","),
      ...rows.map((row) => names.map((n) => (row[n] === "" ? "" : csvCell(row[n]!))).join(",")),
    ];
    const jsonl = rows.map((row) => JSON.stringify(row));
    await writeFiles(dir, { "t.csv": `${csv.join("\n")}\n`, "t.jsonl": `${jsonl.join("\n")}\n` });
    const run = async (file: string) => {
      const data = configOf(`version: 1\nmodel: { name: demo }\ndata:\n  train: ${file}\n${SCHEMA}`, dir).data!;
      const { result, profiles } = await validateDatasets(data, dir, { workers: 1 });
      const profile = profiles.get("train")!;
      // Rows count from the first data row (the CSV's header is row 1).
      const shift = (rows: number[]): number[] => rows.map((r) => r - profile.firstRow);
      return {
        columns: profile.columns.map((c) => ({
          ...c,
          checks: Object.fromEntries(Object.entries(c.checks).map(([k, t]) => [k, { ...t, rows: shift(t.rows) }])),
        })),
        findings: result.datasets[0]!.findings.map((f) => ({ ...f, rows: shift(f.rows), message: "" })),
      };
    };
    const fromCsv = await run("t.csv");
    const fromJsonl = await run("t.jsonl");
    expect(fromCsv.findings.map((f) => `${f.column} ${f.rule}`)).toEqual(
      expect.arrayContaining([
        "int type",
        "int min",
        "num type",
        "when type",
        "flag type",
        "label values",
        "key unique",
      ]),
    );
    expect(fromCsv).toEqual(fromJsonl);
  });
});
