import { tempDir, writeFiles } from "./temp.ts";

/**
 * A project that trains in milliseconds: the model is the learning rate; predictions are right for the first
 * `round(10 * lr)` of ten eval rows, so each param gives its own accuracy.
 */
export const PROJECT = {
  "mlops.yml": `version: 1
model: { name: toy }
data:
  train: data/train.csv
  eval: data/eval.csv
train:
  command: node train.mjs
  params: { lr: 0.9 }
  outputs: [model/]
  cache: false
evaluate:
  command: node predict.mjs
  predictions: predictions.csv
gate:
  rules:
    - { metric: accuracy, min: 0.1 }
`,
  "data/train.csv": "x,label\n1,a\n2,b\n",
  "data/eval.csv": "x,label\n1,a\n2,b\n",
  "train.mjs": `import fs from "node:fs";
const params = JSON.parse(fs.readFileSync(process.env.MLOPS_PARAMS_FILE, "utf8"));
if (params.lr > 5) { console.error("lr too high"); process.exit(3); }
fs.mkdirSync("model", { recursive: true });
fs.writeFileSync("model/weights.json", JSON.stringify({ lr: params.lr }));
`,
  "predict.mjs": `import fs from "node:fs";
const { lr } = JSON.parse(fs.readFileSync("model/weights.json", "utf8"));
const right = Math.round(10 * lr);
const rows = Array.from({ length: 10 }, (_, i) => \`\${i % 2 ? "b" : "a"},\${i < right ? (i % 2 ? "b" : "a") : "c"}\`);
fs.writeFileSync("predictions.csv", ["label,prediction", ...rows].join("\\n") + "\\n");
`,
};

/** Writes the toy project into a fresh temp folder (or `dir`) and returns the folder. */
export async function toyProject(dir?: string): Promise<string> {
  const folder = dir ?? (await tempDir());
  await writeFiles(folder, PROJECT);
  return folder;
}
