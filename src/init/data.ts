import type { DataTemplate } from "./config-template.ts";
import { closestMatch } from "../config/suggest.ts";
import { UsageError } from "../errors.ts";
import { chooseData, chooseTarget, evalBeside, namedByTraining, roleOf } from "./data-choice.ts";
import {
  type DataCandidate,
  resolveDataOption,
  SCAN_LIMITS,
  scanDataFiles,
  type UnreadableFile,
} from "./data-files.ts";

/**
 * `mlops init`'s answer about the data: data.train, data.eval and data.target, each with where it came from, what else
 * was found, what could not be read, and what init could not decide (a file without a header). `--data`, `--eval` and
 * `--target` override; a value that does not exist is a usage error before anything is written.
 */

export interface DataRequest {
  /** The folder of mlops.yml: the walk starts here and never goes above it. */
  configDir: string;
  /** Where init runs: --data and --eval are relative to it. */
  cwd: string;
  data?: string;
  eval?: string;
  target?: string;
  /** The detected training command: the script it runs is read for the data files it names. */
  trainCommand: string | null;
  /** Folders below configDir the walk skips (the registry and workspace mlops.yml names): ./data-files.ts. */
  skip?: readonly string[];
}

export interface DataDetection {
  /** data.train, relative to mlops.yml; null: none found (the template keeps a placeholder). */
  train: string | null;
  trainFrom: string | null;
  eval: string | null;
  evalFrom: string | null;
  target: string | null;
  targetFrom: string | null;
  /** The target is only the last column: the summary calls it a guess. */
  targetGuessed: boolean;
  /** data.train's columns, when init read them. */
  columns: string[] | null;
  /** data.train's first row looks like data: it needs `header: false` and named columns, which init does not guess. */
  headerless: { path: string; fields: number } | null;
  /** Readable data files not chosen. */
  others: string[];
  unreadable: UnreadableFile[];
  /** Why the search stopped early, if it did. */
  truncated: string | null;
  /** Other things the user should know (an eval file left out, and why). */
  notes: string[];
}

export async function detectData(request: DataRequest): Promise<DataDetection> {
  const scan = await scanDataFiles(request.configDir, SCAN_LIMITS, request.skip ?? []);
  const known = scan.candidates.map((c) => c.path);
  const notes: string[] = [];
  // `shown`: how an error names the file (as the user gave it, for --data and --eval).
  let train: { source: string; head: DataCandidate | null; shown: string } | null = null;
  let trainFrom: string | null = null;
  let evalData: { source: string; head: DataCandidate | null; shown: string } | null = null;
  let evalFrom: string | null = null;
  let others = known;
  let namedBy: string | null = null;

  if (request.data !== undefined) {
    train = await resolveDataOption("--data", request.data, request.cwd, request.configDir, known);
    trainFrom = "--data";
    const head = train.head;
    if (request.eval === undefined && head && roleOf(head.path) === "train") {
      const beside = evalBeside(head, scan.candidates);
      if (beside)
        [evalData, evalFrom] = [
          { source: beside.path, head: beside, shown: beside.path },
          `its name, beside ${head.path}`,
        ];
    }
    others = known.filter((p) => p !== head?.path && p !== evalData?.source);
  } else {
    const named = await namedByTraining(request.configDir, request.trainCommand, scan.candidates);
    const choice = chooseData(scan.candidates, named);
    if (choice.train)
      [train, trainFrom] = [{ source: choice.train.path, head: choice.train, shown: choice.train.path }, choice.from];
    if (choice.eval)
      [evalData, evalFrom] = [
        { source: choice.eval.path, head: choice.eval, shown: choice.eval.path },
        choice.evalFrom,
      ];
    if (choice.from?.startsWith("named by")) namedBy = named.by;
    others = choice.others;
  }
  if (request.eval !== undefined) {
    evalData = await resolveDataOption("--eval", request.eval, request.cwd, request.configDir, known);
    evalFrom = "--eval";
    others = others.filter((p) => p !== evalData?.head?.path);
  }

  const head = train?.head ?? null;
  const columns = head && !head.headerless ? head.columns : null;
  let target: string | null = null;
  let targetFrom: string | null = null;
  let targetGuessed = false;
  if (request.target !== undefined) {
    if (columns && !columns.includes(request.target))
      throw missingColumn("--target", request.target, train!.shown, columns);
    [target, targetFrom] = [request.target, "--target"];
  } else if (columns && head) {
    const chosen = chooseTarget(columns, head.path, namedBy);
    [target, targetFrom, targetGuessed] = [chosen.column, chosen.from, chosen.guessed];
  }

  const evalHead = evalData?.head;
  if (target !== null && evalHead && !evalHead.headerless && !evalHead.columns.includes(target)) {
    if (evalFrom === "--eval") throw missingColumn("--eval", target, evalData!.shown, evalHead.columns);
    notes.push(
      `${evalHead.path} has no column ${target}, so it is not data.eval (a test file without labels cannot score a model)`,
    );
    others = [...others, evalHead.path].sort();
    evalData = null;
    evalFrom = null;
  }

  return {
    train: train?.source ?? null,
    trainFrom,
    eval: evalData?.source ?? null,
    evalFrom,
    target,
    targetFrom,
    targetGuessed,
    columns,
    headerless: head?.headerless ? { path: head.path, fields: head.fields } : null,
    others,
    unreadable: scan.unreadable,
    truncated: scan.truncated,
    notes,
  };
}

function missingColumn(flag: string, column: string, file: string, columns: string[]): UsageError {
  const near = closestMatch(column, columns);
  const listed = columns.length > 8 ? `${columns.slice(0, 8).join(", ")}, ...` : columns.join(", ");
  const what = flag === "--target" ? "" : ` (the target, which every evaluation file needs)`;
  return new UsageError(`${flag}: ${file} has no column ${JSON.stringify(column)}${what}`, {
    hint: `${near ? `did you mean ${near}? ` : ""}its columns: ${listed}; nothing was written`,
  });
}

const CONFIG_SET = "npx mlops-kit config set";

/** What the summary of `mlops init` says about the data: what was chosen, from where, and how to change it. */
export function describeData(data: DataDetection): string[] {
  const lines: string[] = [];
  if (data.train === null) {
    lines.push(
      `Data: no CSV, TSV, JSON Lines or Parquet file found below the folder of mlops.yml; data.train and data.target are placeholders.`,
      `  Set them: \`${CONFIG_SET} data.train <path>\` and \`${CONFIG_SET} data.target <column>\` (or init --data <path> --target <column>).`,
    );
  } else {
    lines.push(
      !data.eval
        ? `Data: data.train ${data.train} (${data.trainFrom}), no data.eval.`
        : data.evalFrom === data.trainFrom
          ? `Data: data.train ${data.train} and data.eval ${data.eval} (${data.trainFrom}).`
          : `Data: data.train ${data.train} (${data.trainFrom}), data.eval ${data.eval} (${data.evalFrom}).`,
    );
    if (data.headerless) {
      lines.push(
        `  ${data.headerless.path}: the first row looks like data, not column names: if the file has no header, set`,
        `  \`data.header: false\` and name its ${data.headerless.fields} columns in order under data.schema.columns (init does not guess names).`,
      );
    }
    if (data.target)
      lines.push(
        `Target: ${data.target} (${data.targetFrom})${data.targetGuessed ? "; check it" : ""}. Change it: \`${CONFIG_SET} data.target <column>\` or init --target <column>.`,
      );
    else
      lines.push(
        `Target: not chosen${data.headerless ? " (no column names to choose from)" : ""}; data.target is a placeholder. Set it: \`${CONFIG_SET} data.target <column>\`.`,
      );
  }
  for (const note of data.notes) lines.push(`  ${note}.`);
  if (data.others.length > 0) {
    const shown = data.others.length > 10 ? [...data.others.slice(0, 10), "..."] : data.others;
    lines.push(
      `  Also found: ${shown.join(", ")}. To use another: init --data <path> [--eval <path>], or \`${CONFIG_SET} data.train <path>\`.`,
    );
  }
  for (const file of data.unreadable) lines.push(`  Not read: ${file.path}: ${file.reason}.`);
  if (data.truncated) lines.push(`  The search ${data.truncated}; name the data with --data if it is not above.`);
  return lines;
}

/** The data section's inputs for the config template. */
export function dataTemplateInput(data: DataDetection): DataTemplate {
  const notes: string[] = [];
  if (data.train === null) notes.push("No data file found here: put your training data's path below.");
  else {
    notes.push(
      data.eval && data.evalFrom !== data.trainFrom
        ? `data.train: ${data.trainFrom}; data.eval: ${data.evalFrom}.`
        : `data.${data.eval ? "train and data.eval" : "train"}: ${data.trainFrom}.`,
    );
    if (data.target) notes.push(`data.target: ${data.targetFrom}.`);
  }
  return {
    train: data.train,
    eval: data.eval,
    target: data.target,
    notes,
    headerless: data.headerless !== null,
  };
}
