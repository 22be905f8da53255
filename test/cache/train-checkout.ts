import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeConfig } from "../helpers/config.ts";
import { onTestFinished } from "vitest";
import { removeDir, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * A fresh checkout for the train action's run cache tests, as a new job on another runner sees it: a repository whose
 * `ml/` project trains by writing `model/weights.txt` (random, so a restored file is told apart from a retrained one)
 * and appending a line to `ml/runs.log` for every time the command really ran. Removed when the test ends: concurrent
 * tests pass their own context's `onTestFinished` (vitest ties the global one to a test only outside them).
 */
export async function freshTrainCheckout(whenFinished: typeof onTestFinished = onTestFinished): Promise<string> {
  const workspace = await tempDir({ keep: true });
  whenFinished(() => removeDir(workspace));
  await mkdir(path.join(workspace, ".git"));
  await writeFiles(workspace, {
    "ml/train.mjs": `import fs from "node:fs";
const p = JSON.parse(fs.readFileSync(process.env.MLOPS_PARAMS_FILE, "utf8"));
fs.appendFileSync("runs.log", "run\\n");
fs.mkdirSync("model", { recursive: true });
fs.writeFileSync("model/weights.txt", "lr=" + p.lr + " " + Math.random());
`,
    "ml/data/train.csv": "x\n1\n",
  });
  await writeConfig(
    path.join(workspace, "ml"),
    "version: 1\nmodel: { name: demo }\ndata: { train: data/train.csv }\ntrain:\n  command: node train.mjs\n  params: { lr: 0.1 }\n  outputs: [model/]\n",
  );
  return workspace;
}

/** The train action's inputs for that project. */
export const TRAIN_INPUTS = { "working-directory": "ml" };

/** How many times the training command ran in this checkout. */
export async function trainingRuns(workspace: string): Promise<number> {
  const log = path.join(workspace, "ml", "runs.log");
  if (!existsSync(log)) return 0;
  return (await readFile(log, "utf8")).split("\n").filter(Boolean).length;
}

/** The trained model file's content. */
export function modelFile(workspace: string): Promise<string> {
  return readFile(path.join(workspace, "ml", "model", "weights.txt"), "utf8");
}
