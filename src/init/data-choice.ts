import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { DataCandidate } from "./data-files.ts";
import { scriptCode } from "./notebook.ts";
import { readProjectFile } from "./project-files.ts";

/**
 * Which of the data files init found are the training and evaluation data, and which column is the target. The rules,
 * in order: a file the training script or the train stage of dvc.yaml names; else names (train/training against
 * eval/test/valid/validation/holdout, in the same folder); else the only file, or the largest. The target: a common
 * name (target, label, y, class, quality...), else the last column, called a guess unless the training script names
 * the file. Every answer says where it came from, so the summary can say how to change it.
 */

export interface DataChoice {
  train: DataCandidate | null;
  eval: DataCandidate | null;
  /** Why these files: "named by train.py", "file names (train, test) in data/", "the only data file"... */
  from: string | null;
  evalFrom: string | null;
  /** The readable candidates not chosen, for the summary. */
  others: string[];
}

export interface NamedFiles {
  /** Candidate paths named by the training script or dvc.yaml, in the order they are named. */
  paths: string[];
  /** What named them: "train.py", "dvc.yaml stage train". */
  by: string | null;
}

const TRAIN_WORDS = new Set(["train", "training", "trn"]);
/** In order of preference for data.eval: the data the gate compares models on is a validation set, else the test set. */
const EVAL_WORDS = ["eval", "evaluation", "valid", "validation", "val", "test", "testing", "holdout", "dev"];
/** Files a pipeline writes, not data it learns from. */
const OUTPUT_WORDS = new Set(["prediction", "predictions", "preds", "metrics", "submission", "scores", "results"]);

const words = (file: string): string[] =>
  file
    .toLowerCase()
    .replace(/\.(?:csv|tsv|tab|jsonl|ndjson|parquet|pq)(?:\.gz)?$/, "")
    .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/)
    .filter(Boolean);

export function roleOf(file: string): "train" | "eval" | "output" | null {
  const all = words(file);
  const name = words(path.posix.basename(file));
  if (name.some((w) => OUTPUT_WORDS.has(w))) return "output";
  // The file's own name first (data/train/x_test.csv is test data), then its folders (data/train/part-0.csv).
  for (const list of [name, all]) {
    if (list.some((w) => TRAIN_WORDS.has(w))) return "train";
    if (list.some((w) => EVAL_WORDS.includes(w))) return "eval";
  }
  return null;
}

const folderOf = (file: string): string => path.posix.dirname(file);
const depthOf = (file: string): number => file.split("/").length;
const shownFolder = (file: string): string => (folderOf(file) === "." ? "this folder" : `${folderOf(file)}/`);

/** The eval file for `train`: the same folder, its name with train swapped for an eval word first, then by preference. */
export function evalBeside(train: DataCandidate, candidates: readonly DataCandidate[]): DataCandidate | null {
  const beside = candidates.filter(
    (c) => c !== train && folderOf(c.path) === folderOf(train.path) && roleOf(c.path) === "eval",
  );
  const trainName = path.posix.basename(train.path).toLowerCase();
  const rank = (c: DataCandidate): number => {
    const name = path.posix.basename(c.path).toLowerCase();
    const eval_ = words(name).find((w) => EVAL_WORDS.includes(w)) ?? "";
    const twin = [...TRAIN_WORDS].some((w) => trainName.replace(w, eval_) === name) ? 0 : 1;
    const sameFormat = c.format === train.format ? 0 : 1;
    return twin * 100 + sameFormat * 50 + EVAL_WORDS.indexOf(eval_);
  };
  return beside.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

export function chooseData(candidates: readonly DataCandidate[], named: NamedFiles): DataChoice {
  const usable = candidates.filter((c) => roleOf(c.path) !== "output");
  const byPath = new Map(usable.map((c) => [c.path, c]));
  const namedFiles = named.paths.flatMap((p) => byPath.get(p) ?? []);
  let train: DataCandidate | null = null;
  let eval_: DataCandidate | null = null;
  let from: string | null = null;
  let evalFrom: string | null = null;
  if (namedFiles.length > 0) {
    train =
      namedFiles.find((c) => roleOf(c.path) === "train") ??
      namedFiles.find((c) => roleOf(c.path) !== "eval") ??
      namedFiles[0]!;
    from = `named by ${named.by ?? "the training script"}`;
    eval_ = namedFiles.find((c) => c !== train && roleOf(c.path) === "eval") ?? null;
    evalFrom = eval_ ? from : null;
    if (!eval_) {
      eval_ = evalBeside(train, usable);
      evalFrom = eval_ ? `its name, beside ${train.path}` : null;
    }
  } else {
    const trains = usable.filter((c) => roleOf(c.path) === "train");
    if (trains.length > 0) {
      // A train file with its eval file beside it, nearest to mlops.yml, first by name.
      const ranked = trains
        .map((c) => ({ c, pair: evalBeside(c, usable) }))
        .sort(
          (a, b) =>
            (a.pair ? 0 : 1) - (b.pair ? 0 : 1) ||
            depthOf(a.c.path) - depthOf(b.c.path) ||
            a.c.path.localeCompare(b.c.path),
        );
      train = ranked[0]!.c;
      eval_ = ranked[0]!.pair;
      from = eval_
        ? `file names (${path.posix.basename(train.path)}, ${path.posix.basename(eval_.path)}) in ${shownFolder(train.path)}`
        : `the file name ${path.posix.basename(train.path)}`;
      evalFrom = eval_ ? from : null;
    } else if (usable.length > 0) {
      const learnable = usable.filter((c) => roleOf(c.path) !== "eval");
      const pool = learnable.length > 0 ? learnable : usable;
      train = [...pool].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))[0]!;
      eval_ = evalBeside(train, usable);
      evalFrom = eval_ ? `its name, beside ${train.path}` : null;
      from = usable.length === 1 ? "the only data file" : `the largest of ${pool.length} data files`;
    }
  }
  const chosen = new Set([train?.path, eval_?.path]);
  const others = candidates.filter((c) => !chosen.has(c.path)).map((c) => c.path);
  return { train, eval: eval_, from, evalFrom, others };
}

/**
 * Target names real repositories use, most generic first: the words of ML tutorials and libraries, then the targets
 * of the datasets every newcomer trains on (wine quality, iris, titanic, churn, credit fraud, house prices).
 */
export const COMMON_TARGETS = [
  "target",
  "label",
  "labels",
  "y",
  "class",
  "outcome",
  "quality",
  "species",
  "survived",
  "churn",
  "churned",
  "exited",
  "is_fraud",
  "fraud",
  "default",
  "diagnosis",
  "sentiment",
  "income",
  "saleprice",
  "price",
  "medv",
  "median_house_value",
];

export interface TargetChoice {
  column: string | null;
  from: string | null;
  /** True when the column is only the file's last column: the summary says it is a guess. */
  guessed: boolean;
}

export function chooseTarget(columns: readonly string[], file: string, namedBy: string | null): TargetChoice {
  if (columns.length === 0) return { column: null, from: null, guessed: false };
  const lower = columns.map((c) => c.trim().toLowerCase());
  for (const name of COMMON_TARGETS) {
    const at = lower.indexOf(name);
    if (at >= 0) return { column: columns[at]!, from: "a common name for a target column", guessed: false };
  }
  const affixed = lower.findIndex((c) => /(?:^|_)(?:target|label)(?:$|_)/.test(c));
  if (affixed >= 0) return { column: columns[affixed]!, from: "its name", guessed: false };
  const last = columns[columns.length - 1]!;
  if (namedBy) return { column: last, from: `the last column of ${file}, which ${namedBy} reads`, guessed: false };
  return { column: last, from: `a guess: the last column of ${file}`, guessed: true };
}

// --- what the training code names -----------------------------------------------------------------------------------

/**
 * The script a training command runs: `python train.py` -> train.py, `python -m src.train` -> src/train.py,
 * `jupyter execute train.ipynb` -> train.ipynb.
 */
export function scriptOfCommand(command: string | null): string | null {
  if (!command) return null;
  const tokens = command.split(/\s+/);
  const module = tokens.indexOf("-m");
  if (module >= 0 && tokens[module + 1]) return `${tokens[module + 1]!.replace(/\./g, "/")}.py`;
  return tokens.find((t) => /^[\w./-]+\.(?:py|ipynb)$/.test(t))?.replace(/^\.\//, "") ?? null;
}

const FILE_LITERAL = /["']([^"'\n]{1,300}?\.(?:csv|tsv|tab|jsonl|ndjson|parquet|pq)(?:\.gz)?)["']/gi;

/** Data-file names in a script's string literals, in order ("data/train.csv", f"{DATA}/train.csv" -> train.csv). */
export function fileLiterals(source: string): string[] {
  return [...source.matchAll(FILE_LITERAL)].map((m) => m[1]!.replace(/^\.\//, ""));
}

/** The candidates a literal or a dvc.yaml dep names: the same path, the same path below, or (for a bare name) the name. */
function matching(name: string, candidates: readonly DataCandidate[]): DataCandidate[] {
  const clean = name.replace(/^\.\//, "").replace(/\/+$/, "");
  const exact = candidates.filter((c) => c.path === clean || c.path.startsWith(`${clean}/`));
  if (exact.length > 0) return exact;
  const base = path.posix.basename(clean.replace(/\{[^}]*\}/g, ""));
  return candidates.filter((c) => c.path.endsWith(`/${clean}`) || path.posix.basename(c.path) === base);
}

/**
 * The candidates the training code names: the deps of dvc.yaml's train stages, then the string literals of the
 * training script (the command's, a train stage's, else train.py or train.ipynb). Unreadable or malformed files name
 * nothing.
 */
export async function namedByTraining(
  folder: string,
  command: string | null,
  candidates: readonly DataCandidate[],
): Promise<NamedFiles> {
  const found = (names: string[]): string[] =>
    [...new Set(names.flatMap((n) => matching(n, candidates)))].map((c) => c.path);
  const scripts = [scriptOfCommand(command)];
  for (const [name, stage] of await trainStages(folder)) {
    const wdir = typeof stage.wdir === "string" ? stage.wdir : ".";
    const inStage = (file: string): string => path.posix.join(wdir, file);
    const commands = (Array.isArray(stage.cmd) ? stage.cmd : [stage.cmd]).filter((c) => typeof c === "string");
    scripts.push(...commands.map((c) => scriptOfCommand(c)).flatMap((s) => (s ? [inStage(s)] : [])));
    const deps = Array.isArray(stage.deps) ? stage.deps.filter((d) => typeof d === "string").map(inStage) : [];
    const paths = found(deps);
    if (paths.length > 0) return { paths, by: `dvc.yaml stage ${name}` };
  }
  for (const script of new Set([...scripts, "train.py", "train.ipynb"])) {
    if (!script) continue;
    const text = await readProjectFile(path.join(folder, script));
    // A notebook's literals are in its code cells (its JSON escapes their quotes).
    const source = text === undefined ? null : scriptCode(script, text);
    const paths = source === null ? [] : found(fileLiterals(source));
    if (paths.length > 0) return { paths, by: script };
  }
  return { paths: [], by: null };
}

interface DvcStage {
  cmd?: unknown;
  deps?: unknown[];
  wdir?: unknown;
}

/** dvc.yaml's stages whose name says train, in the file's order; none when there is no dvc.yaml or it is malformed. */
async function trainStages(folder: string): Promise<[string, DvcStage][]> {
  const text = await readProjectFile(path.join(folder, "dvc.yaml"));
  if (text === undefined) return [];
  let dvc: unknown;
  try {
    dvc = parseYaml(text);
  } catch {
    return [];
  }
  const stages = (dvc as { stages?: unknown } | null)?.stages;
  if (stages === null || typeof stages !== "object") return [];
  return Object.entries(stages as Record<string, unknown>).flatMap(([name, stage]) =>
    /train/i.test(name) && stage !== null && typeof stage === "object" ? [[name, stage as DvcStage]] : [],
  );
}
