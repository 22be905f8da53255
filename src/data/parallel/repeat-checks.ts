import type { ScanPlan } from "../plan.ts";
import type { RangeTask } from "../ranges.ts";
import { type CheckFindings, mergeRepeatTallies, type RepeatExample, tallyOf } from "../repeats/findings.ts";
import type { RepeatWriter } from "../repeats/writer.ts";
import type { KeyOrder } from "../column/unique.ts";
import { readFieldsAt, type Respill, respill } from "../reread.ts";
import type { Tally } from "../tally.ts";
import { capText } from "../text-cap.ts";

/**
 * The whole-dataset checks at the end of a parallel scan (unique values, a unique key, duplicate rows), once every
 * range is merged in file order (merger.ts): what the ranges left out of the spill and must be checked after all is
 * spilled now, the spill is checked, and each rule that found repeats gets its tally.
 */

/** Runs the spilled checks over all of the spill's partitions (by thread, see WorkerPool.repeats). */
export type FindRepeats = (checks: number[], rowStart: Map<number, number>) => Promise<CheckFindings[]>;

/** A merged range: the task that read it and, per plan column, how its unique values went (KeyOrder). */
export interface AcceptedRange {
  task: RangeTask;
  keyOrders: (KeyOrder | null)[];
}

/** What the merged ranges tell the checks. */
export interface MergedRanges {
  readonly accepted: readonly AcceptedRange[];
  /** The dataset row of each range's first record, by range id (ranges read again are missing). */
  readonly rowStart: Map<number, number>;
  /** The plan file of each range, by range id. */
  readonly rangeFile: Map<number, number>;
  /** The file marking a range's values of a column left out of the spill (a bit per record, see KeyOrder). */
  keyedFile(range: number, column: number): string;
}

/**
 * Spills the values left out that must still be checked, runs the checks (`findAll`), and adds to `checks` the tally
 * of each rule that found repeats, its `observed` the first repeat's value. Returns how many unique values needed no
 * check at all: they ascended within their range, apart from every other value of the column.
 */
export async function checkRepeats(
  plan: ScanPlan,
  merged: MergedRanges,
  writer: RepeatWriter,
  findAll: FindRepeats,
  checks: Record<string, Tally>,
): Promise<number> {
  // The value a repeat had: kept as text, or read back from the file at the record's offset.
  const valueOf = async (example: RepeatExample, columnsShown: string[]): Promise<string> => {
    if (example.text !== null) return example.text;
    const file = merged.rangeFile.get(example.range);
    if (file === undefined || example.offset === null) return "";
    const cells = await readFieldsAt(plan, file, example.offset);
    const header = plan.files[file]!.columns;
    return columnsShown.map((name) => String(cells[header.indexOf(name)] ?? null)).join(", ");
  };
  // Unique values left out of the spill in order, whose span meets other values', are spilled now (read again).
  // The rest cannot repeat, nor can their rows be duplicates: they differ from every other row in that column.
  const { jobs, inOrder } = leftOutToSpill(plan, merged);
  // One range at a time: its marks are read from disk then.
  for (const job of jobs) await respill(plan, job, writer);
  writer.flush();
  const spilled = [plan.duplicateCheck, plan.keyCheck, ...plan.columns.map((c) => c.uniqueCheck)].filter(
    (c): c is number => c !== null,
  );
  const all = await findAll(spilled, merged.rowStart);
  const findingsOf = (check: number | null): CheckFindings | undefined =>
    check === null ? undefined : all[spilled.indexOf(check)];
  const repeat = async (check: number | null, rule: string, shown: string[] | null): Promise<void> => {
    if (check === null) return;
    const found =
      check === plan.duplicateCheck
        ? // Rows with a value in the carrying column were checked with its repeats; the rest on their own.
          mergeRepeatTallies([
            findingsOf(check)?.repeats ?? null,
            findingsOf(plan.duplicateCarrier)?.duplicates ?? null,
          ])
        : (findingsOf(check)?.repeats ?? null);
    if (!found) return;
    const first = found.examples[0];
    const observed = shown === null || !first ? "a repeated row" : capText(await valueOf(first, shown));
    checks[rule] = tallyOf(found, observed);
  };
  await repeat(plan.duplicateCheck, "duplicate_rows", null);
  await repeat(plan.keyCheck, "unique_key", plan.keyColumns);
  for (const column of plan.columns) await repeat(column.uniqueCheck, `unique:${column.name}`, [column.name]);
  return inOrder;
}

/**
 * The values left out of the spill (KeyOrder) that must be checked after all: a range's values in order whose span
 * meets another span of values of the column (another range's in order, or any range's spilled). Counts the rest.
 */
function leftOutToSpill(plan: ScanPlan, merged: MergedRanges): { jobs: Respill[]; inOrder: number } {
  const jobs = new Map<number, Respill>();
  let inOrder = 0;
  const meets = (a: number, b: number, c: number, d: number): boolean => !(b < c || d < a);
  plan.columns.forEach((column, c) => {
    if (column.uniqueCheck === null) return;
    const ranges = merged.accepted.filter((r) => r.keyOrders[c] != null);
    for (const range of ranges) {
      const order = range.keyOrders[c]!;
      if (order.inOrder === 0) continue;
      const apart = ranges.every((other) => {
        const o = other.keyOrders[c]!;
        if (o.spilled > 0 && meets(order.first, order.last, o.min, o.max)) return false;
        return other === range || o.inOrder === 0 || !meets(order.first, order.last, o.first, o.last);
      });
      if (apart) {
        inOrder += order.inOrder;
        continue;
      }
      const job = jobs.get(range.task.id) ?? { task: range.task, columns: [] };
      job.columns.push({ column: c, marks: merged.keyedFile(range.task.id, c), end: order.inOrderEnd });
      jobs.set(range.task.id, job);
    }
  });
  return { jobs: [...jobs.values()], inOrder };
}
