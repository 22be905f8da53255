import type { FileMetaData } from "hyparquet";
import { DataReadError } from "../../errors.ts";
import { cellText } from "./jsonl.ts";

/**
 * Parquet through hyparquet (pure JavaScript, so the bundled action needs no native binary), one row group at a time
 * so memory follows the row group, not the file.
 */
export interface ParquetSource {
  columns: string[];
  rows: number;
  rowGroups(): AsyncGenerator<(string | null)[][]>;
}

export async function openParquet(file: string, shown: string): Promise<ParquetSource> {
  // Loaded here, not at the top: hyparquet and its decompressors are 300 KB that CSV and JSON Lines readers (the
  // validate stage and each of its scan workers among them) would otherwise compile for nothing.
  const [{ asyncBufferFromFile, parquetMetadataAsync, parquetRead }, { compressors }] = await Promise.all([
    import("hyparquet"),
    import("hyparquet-compressors"),
  ]);
  let metadata: FileMetaData;
  const buffer = await asyncBufferFromFile(file);
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new DataReadError(
      shown,
      `not a readable Parquet file (${(error as Error).message})`,
      buffer.byteLength,
      null,
      {
        hint: "a truncated or partly copied file has no valid footer; copy it again",
        cause: error,
      },
    );
  }
  const root = metadata.schema[0];
  const columns: string[] = [];
  const decimalScales = new Map<string, number>();
  // Top-level fields: the root's children, skipping the nested elements of each (their num_children).
  let index = 1;
  for (let i = 0; i < (root?.num_children ?? 0); i++) {
    const element = metadata.schema[index];
    if (!element) break;
    columns.push(element.name);
    const scale =
      element.logical_type?.type === "DECIMAL"
        ? element.logical_type.scale
        : element.converted_type === "DECIMAL"
          ? (element.scale ?? 0)
          : undefined;
    if (scale !== undefined && scale > 0) decimalScales.set(element.name, scale);
    index += 1 + countDescendants(metadata, index);
  }
  const groups = metadata.row_groups.map((group) => Number(group.num_rows));
  return {
    columns,
    rows: Number(metadata.num_rows),
    async *rowGroups() {
      let rowStart = 0;
      for (const size of groups) {
        let rows: Record<string, unknown>[] = [];
        try {
          await parquetRead({
            file: buffer,
            metadata,
            compressors,
            rowStart,
            rowEnd: rowStart + size,
            rowFormat: "object",
            onComplete: (result) => (rows = result),
          });
        } catch (error) {
          throw new DataReadError(
            shown,
            `cannot read rows ${rowStart + 1}-${rowStart + size} of the Parquet file (${(error as Error).message})`,
            0,
            rowStart,
            {
              hint: "the file may be truncated or written by an unsupported encoder",
              cause: error,
            },
          );
        }
        rowStart += size;
        yield rows.map((row) =>
          columns.map((name) => {
            const scale = decimalScales.get(name);
            return cellText(scale === undefined ? row[name] : exactDecimal(row[name], scale));
          }),
        );
      }
    },
  };
}

/**
 * hyparquet turns DECIMAL(p, s) into `unscaled * 10 ** -s`, which is not the decimal's nearest double (6 at scale 1
 * gives 0.6000000000000001). The unscaled integer is recoverable by rounding, and dividing it by 10 ** s (exact for
 * s <= 22) rounds correctly: the same number as reading the decimal's text, as a CSV of the same data would give.
 */
export function exactDecimal(value: unknown, scale: number): unknown {
  if (typeof value !== "number" || !Number.isFinite(value) || scale > 22) return value;
  const unscaled = Math.round(value * 10 ** scale);
  return Number.isSafeInteger(unscaled) ? unscaled / 10 ** scale : value;
}

function countDescendants(metadata: FileMetaData, index: number): number {
  const element = metadata.schema[index];
  let count = 0;
  let next = index + 1;
  for (let i = 0; i < (element?.num_children ?? 0); i++) {
    const child = 1 + countDescendants(metadata, next);
    count += child;
    next += child;
  }
  return count;
}
