import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createRegistry } from "../src/registry/registry.ts";
import { createLocalStore } from "../src/store/local-store.ts";
import { publishInput } from "../test/helpers/publish.ts";

/**
 * The monitor benchmark's project, made deterministically (the same bytes on every machine): a binary classifier
 * published as `scorer@champion` with its training-data profile and evaluation predictions (as test/monitor/world.ts
 * does, at scale), 30 days of prediction logs `logs/<date>.csv` (timestamp, request id, 12 features: 8 numbers and 4
 * categories, prediction, score, latency; about 150 bytes a row) and the labels of each day arriving the next day at
 * `labels/<date>.csv`. A 31st day's log waits in `day-31.csv` for the incremental run.
 */

export const FIRST_DAY = Date.UTC(2026, 2, 1);
export const DAYS = 30;
const DAY = 86_400_000;
const NUMBERS = 8;
const CATEGORIES = 4;
const LEVELS = 12;

export const MONITOR_BENCH_CONFIG = `version: 1
model: { name: scorer, task: classification, positive_label: "yes" }
data:
  train: data/train.csv
  target: label
  schema:
    columns:
${Array.from({ length: NUMBERS }, (_, i) => `      x${i + 1}: { type: number }`).join("\n")}
${Array.from({ length: CATEGORIES }, (_, i) => `      c${i + 1}: { type: category }`).join("\n")}
      label: { type: category, values: ["yes", "no"] }
registry: { uri: registry }
publish: { files: [model/] }
evaluate:
  predictions: { path: predictions.csv, score: score }
gate:
  rules:
    - { metric: accuracy, min: 0.6 }
monitor:
  logs: { path: logs/*.csv, timestamp: ts, id: request_id, score: score, latency: latency_ms }
  labels: { path: labels/*.csv, id: request_id, label: label, delay: 1d }
  rules:
    - { metric: drift_share, max: 0.5 }
    - { metric: accuracy, min: 0.6 }
`;

/** The peer's config: `mlops validate` profiling the same log files as the training data. */
export const VALIDATE_BENCH_CONFIG = `version: 1
model: { name: logs }
data: { train: "logs/*.csv" }
`;

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.next() + 1e-12)) * Math.cos(2 * Math.PI * this.next());
  }
}

interface Row {
  numbers: string[];
  categories: string[];
  score: number;
  label: string;
}

function drawRow(random: Random, shift: number): Row {
  let z = 0;
  const numbers: string[] = [];
  for (let i = 0; i < NUMBERS; i++) {
    const x = (i === 0 ? shift : 0) + random.normal() * (1 + i / 4);
    if (i < 3) z += (i === 1 ? -0.5 : 0.8) * x;
    numbers.push(x.toFixed(3));
  }
  const categories: string[] = [];
  for (let i = 0; i < CATEGORIES; i++) {
    const level = Math.floor(random.next() ** (1 + i / 2) * LEVELS);
    if (i === 0) z += (level - LEVELS / 2) / LEVELS;
    categories.push(`k${i + 1}_${String(level).padStart(2, "0")}`);
  }
  const score = 1 / (1 + Math.exp(-z));
  return { numbers, categories, score, label: random.next() < score ? "yes" : "no" };
}

const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

async function writeLines(file: string, header: string, lines: (emit: (line: string) => void) => void): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 4 << 20 });
  let batch = `${header}\n`;
  const pending: string[] = [];
  lines((line) => {
    batch += `${line}\n`;
    if (batch.length > 1 << 20) {
      pending.push(batch);
      batch = "";
    }
  });
  pending.push(batch);
  for (const chunk of pending) if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

/** One day's log at `logFile`, its rows spread over the day, and its labels arriving the next day. */
async function writeDay(dir: string, day: number, rows: number, logFile: string): Promise<void> {
  const start = FIRST_DAY + day * DAY;
  const random = new Random(1000 + day);
  const labels: string[] = [];
  const chunk = 200_000;
  const out = createWriteStream(logFile, { highWaterMark: 4 << 20 });
  out.write("ts,request_id," + [...names()].join(",") + ",prediction,score,latency_ms\n");
  for (let from = 0; from < rows; from += chunk) {
    let text = "";
    for (let i = from; i < Math.min(rows, from + chunk); i++) {
      const row = drawRow(random, 0);
      const id = `d${day + 1}-${i}`;
      const ts = new Date(start + Math.floor(((i + 0.5) * DAY) / rows)).toISOString();
      text += `${ts},${id},${row.numbers.join(",")},${row.categories.join(",")},${row.score >= 0.5 ? "yes" : "no"},${row.score.toFixed(4)},${5 + Math.floor(random.next() * 40)}\n`;
      labels.push(`${id},${row.label}`);
    }
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  await writeFile(path.join(dir, "labels", `${dateOf(start + DAY)}.csv`), `request_id,label\n${labels.join("\n")}\n`);
}

function* names(): Generator<string> {
  for (let i = 0; i < NUMBERS; i++) yield `x${i + 1}`;
  for (let i = 0; i < CATEGORIES; i++) yield `c${i + 1}`;
}

/**
 * Writes the project into `dir` (replacing it) with `totalRows` logged predictions over 30 days, and publishes the
 * champion with the training data's profile made by the CLI bundle at `cli` (`mlops validate`).
 */
export async function generateMonitorProject(dir: string, totalRows: number, cli: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const sub of ["data", "logs", "labels", "model"]) await mkdir(path.join(dir, sub), { recursive: true });
  await writeFile(path.join(dir, "mlops.yml"), MONITOR_BENCH_CONFIG);
  await writeFile(path.join(dir, "validate.yml"), VALIDATE_BENCH_CONFIG);
  await writeFile(path.join(dir, "model/weights.json"), '{"w": [0.8, -0.5, 0.8]}\n');
  const train = new Random(7);
  await writeLines(path.join(dir, "data/train.csv"), [...names(), "label"].join(","), (emit) => {
    for (let i = 0; i < 200_000; i++) {
      const row = drawRow(train, 0);
      emit(`${row.numbers.join(",")},${row.categories.join(",")},${row.label}`);
    }
  });
  const evaluation = new Random(8);
  await writeLines(path.join(dir, "predictions.csv"), "label,prediction,score", (emit) => {
    for (let i = 0; i < 50_000; i++) {
      const row = drawRow(evaluation, 0);
      emit(`${row.label},${row.score >= 0.5 ? "yes" : "no"},${row.score.toFixed(4)}`);
    }
  });
  const validated = spawnSync(process.execPath, [cli, "validate"], { cwd: dir, encoding: "utf8" });
  if (validated.status !== 0) throw new Error(`validate of the training data failed:\n${validated.stderr}`);
  const perDay = Math.round(totalRows / DAYS);
  for (let day = 0; day < DAYS; day++)
    await writeDay(dir, day, perDay, path.join(dir, "logs", `${dateOf(FIRST_DAY + day * DAY)}.csv`));
  await writeDay(dir, DAYS, perDay, path.join(dir, "day-31.csv"));
  const registry = createRegistry(createLocalStore(path.join(dir, "registry")));
  const manifest = await registry.publish(
    publishInput({
      model: "scorer",
      files: [{ path: "model/weights.json", source: path.join(dir, "model/weights.json") }],
      attachments: [
        { name: "profile", source: path.join(dir, ".mlops/out/profile-train.json") },
        { name: "predictions", source: path.join(dir, "predictions.csv") },
      ],
      metrics: { accuracy: 0.7 },
      kitVersion: "bench",
    }),
  );
  await registry.moveAlias("scorer", "champion", manifest.version, {
    at: new Date(FIRST_DAY).toISOString(),
    actor: "bench",
    reason: "bench",
    runUrl: null,
    forced: false,
  });
}
