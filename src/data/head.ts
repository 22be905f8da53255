import { InputError } from "../errors.ts";
import { fileReader, gzipReader, isGzip } from "./formats/chunks.ts";
import { openParquet } from "./formats/parquet.ts";
import { refuseIrregularFile } from "./regular-file.ts";
import { delimitedRecords, explainReadError, jsonRecords, type RawRecord, type TableFormat } from "./table.ts";

/**
 * The head of a table, read with the same readers as `mlops validate` but no further: a CSV or TSV file's first
 * record, a JSON Lines file's first object, a Parquet file's footer. Memory is bounded by one record (the readers'
 * own limit), whatever the file's size. Nothing is judged here: a delimited file's first record is returned as it is,
 * so the caller can tell a header from a first row of data (a header check would refuse `0,0,1` as duplicate names).
 */
export interface TableHead {
  /** The first record of a CSV or TSV file (names or data); the keys of the first JSON object; Parquet's columns. */
  first: (string | null)[];
  /** JSON Lines and Parquet name their columns; a delimited file's first record may be data. */
  named: boolean;
}

/** Enough for the first records of most files; a longer record grows the buffer up to the readers' limit. */
const HEAD_BUFFER_BYTES = 64 << 10;

export async function readTableHead(file: string, format: TableFormat, shown: string): Promise<TableHead> {
  if (format === "parquet") {
    refuseIrregularFile(file, shown);
    const source = await openParquet(file, shown).catch((error: unknown) => {
      throw explainReadError(error, shown, () => null);
    });
    return { first: source.columns, named: true };
  }
  return withRecords(file, format, shown, async (records) => {
    const first = await records.next();
    if (first.done) throw new InputError(`${shown} is empty`, { hint: "a table needs a header row and data rows" });
    return { first: first.value.cells, named: format === "jsonl" };
  });
}

/** The records of a delimited or JSON Lines file for `use`, which may stop early; read errors name the file and record. */
async function withRecords<T>(
  file: string,
  format: Exclude<TableFormat, "parquet">,
  shown: string,
  use: (records: AsyncGenerator<RawRecord>) => Promise<T>,
): Promise<T> {
  refuseIrregularFile(file, shown);
  let reader;
  try {
    reader = isGzip(file) ? gzipReader(file) : fileReader(file, 0);
  } catch (error) {
    throw explainReadError(error, shown, () => null);
  }
  const records =
    format === "jsonl"
      ? jsonRecords(reader, shown)
      : delimitedRecords(reader, shown, format, Buffer.allocUnsafeSlow(HEAD_BUFFER_BYTES));
  try {
    return await use(records);
  } catch (error) {
    throw explainReadError(error, shown, (record) => record + 1);
  } finally {
    await records.return(undefined);
    reader.close();
  }
}
