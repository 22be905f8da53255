import path from "node:path";
import { Random } from "../../src/gate/significance/random.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import type { MonitorResult } from "../../src/monitor/run.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * A served binary classifier for the monitor's tests, in plain numbers: rows have features x1 ~ N(shift, 1),
 * x2 ~ N(5, 2) and a colour, P(yes) = sigmoid(1.2 x1 - 0.4 (x2 - 5) + colour effect), the logged score is that
 * probability (calibrated by construction, unless `flip` makes the world disagree with the model), and each row's
 * label is drawn from it. Seeded with the gate's generator.
 */

const uniform = (random: Random): number => (random.nextUint32() + 0.5) / 4294967296;
const normal = (random: Random): number =>
  Math.sqrt(-2 * Math.log(uniform(random))) * Math.cos(2 * Math.PI * uniform(random));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const COLOURS = ["red", "green", "blue"] as const;
const EFFECT = { red: 0.4, green: 0, blue: -0.4 };

export interface WorldRow {
  id: string;
  x1: number;
  x2: number;
  colour: string;
  score: number;
  prediction: string;
  label: string;
}

export function worldRows(
  seed: number,
  rows: number,
  options: { shift?: number; flip?: boolean; idPrefix?: string } = {},
): WorldRow[] {
  const random = new Random(seed);
  const out: WorldRow[] = [];
  for (let i = 0; i < rows; i++) {
    const x1 = (options.shift ?? 0) + normal(random);
    const x2 = 5 + 2 * normal(random);
    const colour = COLOURS[random.nextUint32() % 3] ?? "red";
    const score = sigmoid(1.2 * x1 - 0.4 * (x2 - 5) + EFFECT[colour]);
    const truth = options.flip ? 1 - score : score;
    out.push({
      id: `${options.idPrefix ?? `s${seed}`}-${i}`,
      x1: Number(x1.toFixed(4)),
      x2: Number(x2.toFixed(4)),
      colour,
      score,
      prediction: score >= 0.5 ? "yes" : "no",
      label: uniform(random) < truth ? "yes" : "no",
    });
  }
  return out;
}

export const MONITOR_CONFIG = `version: 1
model: { name: scorer, task: classification, positive_label: "yes" }
data:
  train: data/train.csv
  target: label
  schema:
    columns:
      x1: { type: number }
      x2: { type: number, min: -20, max: 30 }
      colour: { type: category, values: [red, green, blue] }
      label: { type: category, values: ["yes", "no"] }
  drift: { reference: champion, columns: { x1: { threshold: 0.2 }, x2: { threshold: 0.2 } } }
evaluate:
  predictions: { path: predictions.csv, score: score }
gate:
  rules:
    - { metric: accuracy, min: 0.6 }
registry: { uri: registry }
publish: { files: [model/] }
monitor:
  logs:
    path: logs/*.csv
    timestamp: ts
    id: request_id
    score: score
    latency: latency_ms
  labels: { path: labels/*.csv, id: request_id, label: label, delay: 2d }
  slices: [colour]
  rules:
    - { metric: rows, min: 50 }
    - { metric: drift_share, max: 0.3 }
    - { metric: estimated_accuracy, max_regression: 0.08 }
    - { metric: accuracy, min: 0.6 }
`;

const csv = (header: string[], rows: (string | number)[][]): string =>
  `${[header.join(","), ...rows.map((row) => row.join(","))].join("\n")}\n`;

/** A project with a champion published from the world's training data (profile and evaluation predictions stored). */
export async function monitorProject(options: { config?: string; attachments?: boolean } = {}): Promise<string> {
  const config = options.config ?? MONITOR_CONFIG;
  const dir = await tempDir();
  const train = worldRows(1, 3000);
  const evaluation = worldRows(2, 1000);
  await writeFiles(dir, {
    "mlops.yml": config,
    "data/train.csv": csv(
      ["x1", "x2", "colour", "label"],
      train.map((r) => [r.x1, r.x2, r.colour, r.label]),
    ),
    "predictions.csv": csv(
      ["label", "prediction", "score"],
      evaluation.map((r) => [r.label, r.prediction, r.score]),
    ),
    "model/weights.json": '{"w": [1.2, -0.4]}\n',
  });
  const validated = await runCli(["validate"], { cwd: dir });
  if (validated.exitCode !== 0) throw new Error(`validate failed: ${validated.stderr}`);
  const registry = createRegistry(createLocalStore(path.join(dir, "registry")));
  const accuracy = evaluation.filter((r) => r.label === r.prediction).length / evaluation.length;
  const manifest = await registry.publish(
    publishInput({
      model: "scorer",
      files: [{ path: "model/weights.json", source: path.join(dir, "model/weights.json") }],
      attachments:
        options.attachments === false
          ? []
          : [
              { name: "profile", source: path.join(dir, ".mlops/out/profile-train.json") },
              { name: "predictions", source: path.join(dir, "predictions.csv") },
            ],
      metrics: { accuracy },
    }),
  );
  await registry.moveAlias("scorer", "champion", manifest.version, {
    at: new Date().toISOString(),
    actor: "tester",
    reason: "test",
    runUrl: null,
    forced: false,
  });
  return dir;
}

const DAY = 86_400_000;

/** One day of logged predictions at `logs/<date>.csv`, spread over the day, and returns the rows. */
export async function logDay(
  dir: string,
  date: string,
  seed: number,
  rows: number,
  options: { shift?: number; flip?: boolean } = {},
): Promise<WorldRow[]> {
  const world = worldRows(seed, rows, { ...options, idPrefix: `${date}-${seed}` });
  const start = Date.parse(`${date}T00:00:00Z`);
  await writeFiles(dir, {
    [`logs/${date}.csv`]: csv(
      ["ts", "request_id", "x1", "x2", "colour", "prediction", "score", "latency_ms"],
      world.map((r, i) => [
        new Date(start + Math.floor(((i + 0.5) * DAY) / rows)).toISOString(),
        r.id,
        r.x1,
        r.x2,
        r.colour,
        r.prediction,
        r.score,
        5 + (i % 20),
      ]),
    ),
  });
  return world;
}

/** The labels of `rows`, arriving on `arrival` at `labels/<arrival>.csv`. */
export async function labelDay(dir: string, arrival: string, rows: readonly WorldRow[]): Promise<void> {
  await writeFiles(dir, {
    [`labels/${arrival}.csv`]: csv(
      ["request_id", "label"],
      rows.map((r) => [r.id, r.label]),
    ),
  });
}

/** `mlops monitor --json --now <now>` in `dir`, with its parsed result (null when it printed none). */
export async function monitor(
  dir: string,
  now: string,
  ...args: string[]
): Promise<{ exitCode: number; result: MonitorResult; stderr: string; stdout: string }> {
  const run = await runCli(["monitor", "--json", "--now", now, ...args], { cwd: dir });
  return { ...run, result: JSON.parse(run.stdout || "null") as MonitorResult };
}
