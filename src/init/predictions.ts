import path from "node:path";
import { formatOf, openTable } from "../data/table.ts";
import { TASK_SAMPLE_ROWS } from "./task.ts";

/**
 * Per-class probability columns in the predictions file init names (evaluate.predictions), when it is already there:
 * `proba_cat, proba_dog, ...` for the classes of its label column. Written as the mapping form with `score_prefix`,
 * they let evaluate compute log_loss, roc_auc, roc_auc_ovr_weighted, roc_auc_ovo and expected_calibration_error,
 * which the plain path form (columns label, prediction, score) silently skips for a file without a `score` column.
 */

export interface ScorePrefixGuess {
  /** evaluate.predictions.score_prefix. */
  prefix: string;
  /** The probability columns it names, in the file's order. */
  columns: string[];
  /** Why, in the words of init's summary. */
  from: string;
}

/** The label column evaluate reads when the mapping names none (src/config/schema/evaluate.ts). */
const LABEL = "label";
const PREDICTION = "prediction";

/**
 * The prefix whose columns, one per class, cover every class seen: `proba_` for proba_cat, proba_dog. Of several, the
 * longest (`p_` over `p` for p_1, p_11). Evaluate takes every column starting with the prefix for a class, so one that
 * would also catch the label or prediction column is no answer; nor is an empty prefix, which catches them all.
 */
export function scorePrefixOf(header: readonly string[], classes: readonly string[]): string | null {
  if (classes.length < 2) return null;
  const covered = new Map<string, Set<string>>();
  for (const column of header) {
    for (const name of classes) {
      if (column.length <= name.length || !column.endsWith(name)) continue;
      const prefix = column.slice(0, -name.length);
      covered.set(prefix, (covered.get(prefix) ?? new Set()).add(name));
    }
  }
  const fits = [...covered]
    .filter(
      ([prefix, names]) => names.size === classes.length && ![LABEL, PREDICTION].some((c) => c.startsWith(prefix)),
    )
    .map(([prefix]) => prefix)
    .sort((a, b) => b.length - a.length);
  return fits[0] ?? null;
}

/**
 * The guess for `file` (relative to mlops.yml's folder): null when it is not there, not CSV or TSV, has no label and
 * prediction columns, or no prefix fits the label classes of its first rows. A binary file with a `score` column
 * needs nothing: evaluate reads that column by default.
 */
export async function detectScorePrefix(configDir: string, file: string): Promise<ScorePrefixGuess | null> {
  const format = formatOf(file);
  if (format !== "csv" && format !== "tsv") return null;
  const classes = new Set<string>();
  let header: string[];
  try {
    const table = await openTable(path.join(configDir, file), format, { displayName: file });
    header = table.columns;
    const labelAt = header.indexOf(LABEL);
    if (labelAt < 0 || !header.includes(PREDICTION)) {
      table.close();
      return null;
    }
    let rows = 0;
    // The table's reader, stopped after the sample: leaving the loop closes the file.
    for await (const row of table.rows) {
      const label = row.cells[labelAt];
      if (label !== null && label !== undefined && label !== "") classes.add(label);
      if (++rows >= TASK_SAMPLE_ROWS) break;
    }
  } catch {
    return null; // absent or unreadable: evaluate says what is wrong with it when it runs
  }
  if (classes.size <= 2 && header.includes("score")) return null;
  const sorted = [...classes].sort();
  const prefix = scorePrefixOf(header, sorted);
  if (prefix === null) return null;
  const columns = header.filter((column) => column.startsWith(prefix));
  const shown = sorted.length > 4 ? `${sorted.slice(0, 4).join(", ")}, ...` : sorted.join(", ");
  return {
    prefix,
    columns,
    from: `a ${prefix}<class> column in ${file} for each class of ${LABEL} in its first rows: ${shown}`,
  };
}

/** The summary's line: the guess, why, what it brings, and how to undo it. */
export function describeScorePrefix(guess: ScorePrefixGuess | null, file: string): string[] {
  if (guess === null) return [];
  return [
    `Predictions: evaluate.predictions.score_prefix ${guess.prefix} (${guess.from}): evaluate computes log_loss, roc_auc and calibration from them. If they are not probabilities: \`npx mlops-kit config set evaluate.predictions ${file}\`.`,
  ];
}
