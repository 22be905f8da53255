import path from "node:path";
import { isDynamicPattern } from "tinyglobby";
import { formatOf, openTable } from "../data/table.ts";
import { isS3Uri } from "../files/safe-path.ts";
import type { DataDetection } from "./data.ts";
import { NUMBER } from "./data-files.ts";

/**
 * The task, when `--task` does not say: from a sample of the target column's values. Words are classes; numbers with
 * a fractional part, or more distinct whole numbers than a classification usually has, are a regression's target;
 * a few distinct whole numbers (0/1, ratings 1-5) stay a classification, with a note that says how to change it.
 */
export interface TaskGuess {
  task: "classification" | "regression";
  /** Why, in the words of init's summary. */
  from: string;
}

/** Rows read from the training file: enough to see a target's kind, bounded whatever the file's size. */
export const TASK_SAMPLE_ROWS = 2000;
/** More distinct whole numbers than this and the target is taken for a quantity, not a class. */
export const MAX_CLASSES_GUESSED = 20;

export function guessTask(values: readonly string[], target: string): TaskGuess {
  if (values.length === 0) return { task: "classification", from: `the default: ${target} has no values to look at` };
  const words = values.filter((value) => !NUMBER.test(value.trim()));
  if (words.length > 0) return { task: "classification", from: `${target} holds words, e.g. ${words[0]}` };
  const numbers = values.map(Number);
  const fractional = numbers.find((n) => !Number.isInteger(n));
  if (fractional !== undefined)
    return { task: "regression", from: `${target} holds fractional numbers, e.g. ${fractional}` };
  const distinct = new Set(numbers).size;
  const sampled = `${distinct} distinct whole numbers in ${values.length} rows`;
  return distinct > MAX_CLASSES_GUESSED
    ? { task: "regression", from: `${target} holds ${sampled}` }
    : { task: "classification", from: `${target} holds ${sampled}: classes` };
}

/**
 * The guess for the detected data: only a local CSV or TSV training file with a header (a glob, s3://, JSON Lines or
 * Parquet keep the default, and say so). A file that cannot be read keeps the default too: the data summary names it.
 */
export async function detectTask(configDir: string, data: DataDetection): Promise<TaskGuess> {
  const fallback = (why: string): TaskGuess => ({ task: "classification", from: `the default: ${why}` });
  const { train, target, columns } = data;
  if (train === null || target === null || columns === null) return fallback("no target column was found");
  const format = isDynamicPattern(train) || isS3Uri(train) ? null : formatOf(train);
  if (format !== "csv" && format !== "tsv")
    return fallback(`init reads the target's values from CSV and TSV files only`);
  const column = columns.indexOf(target);
  if (column < 0) return fallback(`${target} is not a column of ${train}`);
  const values: string[] = [];
  try {
    // The table's reader, stopped after the sample: leaving the loop closes the file.
    const table = await openTable(path.join(configDir, train), format, { displayName: train });
    for await (const row of table.rows) {
      const value = row.cells[column];
      if (value !== null && value !== undefined && value !== "") values.push(value);
      if (values.length >= TASK_SAMPLE_ROWS) break;
    }
  } catch {
    return fallback(`${train} could not be read`);
  }
  return guessTask(values, target);
}
