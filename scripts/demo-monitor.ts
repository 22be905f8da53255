import { execFile } from "node:child_process";
import { copyFile, cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildWebhookMessage } from "../src/alerts/webhook-message.ts";
import { renderPrometheus } from "../src/alerts/prometheus.ts";
import { main } from "../src/cli/main.ts";
import { parseConfig } from "../src/config/load.ts";
import { alertOf } from "../src/monitor/alerts.ts";
import type { MonitorResult } from "../src/monitor/run.ts";
import { Random } from "../src/gate/significance/random.ts";

/**
 * `npm run demo:monitor`: the monitor on examples/penguins, offline (no cloud, no GitHub, no Python). `mlops run`
 * publishes a champion; then a fortnight of serving is simulated as a serving process would live it: each day
 * penguins are sampled (seeded, with replacement) from the example's data, scored by the example's own predict.mjs
 * with the champion pulled from the registry, and logged with a timestamp, a request id and a latency; their true
 * sex arrives a day or two later. `mlops monitor` runs at the end of each week: the healthy week passes; in the
 * drifted week the birds are the example's "new season" batch (data/fresh.csv: 12% heavier, flippers 6 mm longer),
 * so the features drift and accuracy falls, and the monitor breaches (exit 1, as it should). `mlops monitor history`
 * shows the trend. Exits 0 when every step ended as it should.
 */

const root = path.resolve(import.meta.dirname, "..");
const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
const bold = (text: string): string => (color ? `\u001b[1m${text}\u001b[0m` : text);
const run = promisify(execFile);

const DAY = 86_400_000;
const FEATURES = ["species", "island", "beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g"];
const LOG_COLUMNS = ["timestamp", "request_id", ...FEATURES, "prediction", "score", "latency_ms"];
/** The first day served; the healthy week is the seven days from it, the drifted week the seven after. */
const FIRST_DAY = Date.parse("2026-03-02T00:00:00Z");
/** When the scheduled monitor runs after each week (mlops-monitor.yml's default schedule, 17 4 * * *). */
const RUN_AT = "T04:17:00Z";
/** Where the serving process keeps the champion it pulled from the registry (its model/ folder). */
const SERVED = "serving/champion";
const SERVED_MODEL = `${SERVED}/model`;

type Penguin = Record<string, string>;
interface Logged {
  id: string;
  sex: string;
  arrival: string;
}

const work = await mkdtemp(path.join(os.tmpdir(), "mlops-kit-demo-monitor-"));
await cp(path.join(root, "examples/penguins"), work, {
  recursive: true,
  filter: (source) => !/[/\\](\.mlops|model|predictions\.csv|logs|labels|serving)$/.test(source),
});

console.log(bold("mlops-kit demo: monitor the served Palmer Penguins model for a healthy week and a drifted week"));
console.log(`Working copy: ${work}\n(no cloud, no GitHub: the registry is the local folder .mlops/registry there)\n`);

const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: work, color };
const surprises: string[] = [];
let step = 0;
const STEPS = 6;

async function mlops(title: string, args: string[], expectedExit: number, why: string): Promise<number> {
  step += 1;
  console.log(bold(`\n[${step}/${STEPS}] ${title}`));
  console.log(`$ mlops ${args.map((arg) => (/[\s[\]]/.test(arg) ? `'${arg}'` : arg)).join(" ")}\n`);
  const exitCode = await main(args, io);
  if (why) console.log(`\n→ exit ${exitCode}: ${why}.`);
  if (exitCode !== expectedExit) surprises.push(`step ${step} exited ${exitCode}, expected ${expectedExit}`);
  return exitCode;
}

/** The example's data files have no quoted fields, so a split is a faithful reader; a quote would be a surprise. */
async function readPenguins(file: string): Promise<Penguin[]> {
  const [header, ...lines] = (await readFile(path.join(work, file), "utf8")).trimEnd().split("\n");
  if (header === undefined || /"/.test(header + lines.join(""))) throw new Error(`${file} is not plain CSV`);
  const columns = header.split(",");
  return lines.map((line) => {
    const fields = line.split(",");
    return Object.fromEntries(columns.map((column, i) => [column, fields[i] ?? ""]));
  });
}

const csv = (columns: string[], rows: (string | number)[][]): string =>
  [columns, ...rows].map((fields) => `${fields.join(",")}\n`).join("");

const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const random = new Random(2026);
const uniform = (): number => (random.nextUint32() + 0.5) / 4294967296;
const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());

/** Labels not yet delivered, by the date they arrive. */
const pendingLabels: Logged[] = [];

/**
 * One day of serving: `count` requests for birds drawn from `population`, scored by predict.mjs with the pulled
 * champion, logged to logs/<date>.csv in time order; each bird's sex arrives one day later (70%) or two (30%).
 */
async function serveDay(day: number, population: readonly Penguin[], count: number): Promise<string> {
  const date = dateOf(day);
  const birds = Array.from({ length: count }, () => population[Math.floor(uniform() * population.length)] ?? {});
  const times = birds.map(() => day + Math.floor(uniform() * DAY)).sort((a, b) => a - b);
  const requests = path.join("serving/requests", `${date}.csv`);
  const scored = path.join("serving/scored", `${date}.csv`);
  await mkdir(path.join(work, "serving/requests"), { recursive: true });
  await writeFile(
    path.join(work, requests),
    csv(
      FEATURES,
      birds.map((bird) => FEATURES.map((f) => bird[f] ?? "")),
    ),
  );
  await run(process.execPath, ["predict.mjs", "--model", SERVED_MODEL, "--data", requests, "--out", scored], {
    cwd: work,
  });
  const predictions = await readPenguins(scored);
  if (predictions.length !== count) throw new Error(`${scored} has ${predictions.length} rows for ${count} requests`);
  const logged = birds.map((bird, i) => {
    const id = `${date.replaceAll("-", "")}-${String(i + 1).padStart(4, "0")}`;
    const arrival = dateOf(day + (uniform() < 0.7 ? 1 : 2) * DAY);
    pendingLabels.push({ id, sex: bird.sex ?? "", arrival });
    const latency = (12 * Math.exp(0.35 * normal())).toFixed(1);
    const { prediction = "", score = "" } = predictions[i] ?? {};
    return [
      new Date(times[i] ?? day).toISOString(),
      id,
      ...FEATURES.map((f) => bird[f] ?? ""),
      prediction,
      score,
      latency,
    ];
  });
  await mkdir(path.join(work, "logs"), { recursive: true });
  await writeFile(path.join(work, "logs", `${date}.csv`), csv(LOG_COLUMNS, logged));
  return `${date}: ${count} requests scored and logged to logs/${date}.csv`;
}

/** Delivers the labels that arrived by the end of `lastDate`, one file per arrival date: labels/<date>.csv. */
async function deliverLabels(lastDate: string): Promise<string[]> {
  const due = pendingLabels.filter((label) => label.arrival <= lastDate);
  const byDate = new Map<string, Logged[]>();
  for (const label of due) byDate.set(label.arrival, [...(byDate.get(label.arrival) ?? []), label]);
  await mkdir(path.join(work, "labels"), { recursive: true });
  for (const [date, labels] of byDate) {
    await writeFile(
      path.join(work, "labels", `${date}.csv`),
      csv(
        ["request_id", "sex"],
        labels.map((label) => [label.id, label.sex]),
      ),
    );
  }
  pendingLabels.splice(0, pendingLabels.length, ...pendingLabels.filter((label) => label.arrival > lastDate));
  return [...byDate.keys()].sort();
}

async function serveWeek(title: string, firstDay: number, population: readonly Penguin[]): Promise<string> {
  step += 1;
  console.log(bold(`\n[${step}/${STEPS}] ${title}`));
  if (firstDay === FIRST_DAY) {
    // A serving process pulls the champion's files from the registry, each verified, and scores with predict.mjs.
    const pull = ["pull", "penguins@champion", "--out", SERVED];
    console.log(`$ mlops ${pull.join(" ")}\n`);
    const pulled = await main(pull, io);
    if (pulled !== 0) surprises.push(`mlops pull exited ${pulled}`);
    console.log();
  }
  console.log(
    `Each day: $ node predict.mjs --model ${SERVED_MODEL} --data serving/requests/<date>.csv --out serving/scored/<date>.csv`,
  );
  for (let d = 0; d < 7; d++) {
    const day = firstDay + d * DAY;
    const weekend = [0, 6].includes(new Date(day).getUTCDay());
    console.log(
      await serveDay(day, population, weekend ? 160 + Math.floor(uniform() * 40) : 260 + Math.floor(uniform() * 80)),
    );
  }
  const lastDate = dateOf(firstDay + 6 * DAY);
  const delivered = await deliverLabels(lastDate);
  console.log(
    `Labels (request_id, sex) that arrived by ${lastDate}: ${delivered.map((d) => `labels/${d}.csv`).join(", ")}`,
  );
  return `${dateOf(firstDay + 7 * DAY)}${RUN_AT}`;
}

interface Outcome {
  verdict: string;
  windows: { window: { key: string }; drift: { columns: { column: string; drifted: boolean }[] } | null }[];
  judgements: { window: string; outcomes: { metric: string; verdict: string }[] }[];
}

/**
 * Keeps the run's job summary and result under summaries/<name> (the next run overwrites .mlops/out), and says in
 * words what the result holds: which rules broke on how many windows, and which features drifted.
 */
async function keep(name: string): Promise<void> {
  const kept = path.join(work, "summaries");
  await mkdir(kept, { recursive: true });
  await copyFile(path.join(work, ".mlops/out/monitor.md"), path.join(kept, `${name}.md`));
  await copyFile(path.join(work, ".mlops/out/monitor.json"), path.join(kept, `${name}.json`));
  const outcome = JSON.parse(await readFile(path.join(kept, `${name}.json`), "utf8")) as Outcome;
  const breached = new Map<string, number>();
  for (const judgement of outcome.judgements)
    for (const o of judgement.outcomes.filter((o) => o.verdict === "fail"))
      breached.set(o.metric, (breached.get(o.metric) ?? 0) + 1);
  const drifted = new Set(
    outcome.windows.flatMap((w) => (w.drift?.columns ?? []).filter((c) => c.drifted).map((c) => c.column)),
  );
  const rules = [...breached].map(([metric, count]) => `${metric} on ${count} window(s)`).join(", ");
  console.log(`In short: verdict ${outcome.verdict}${rules ? `; broken: ${rules}` : "; no rule broken"}.`);
  if (drifted.size > 0) console.log(`Drifted from the training data: ${[...drifted].sort().join(", ")}.`);
  if (breached.has("accuracy") && !breached.has("estimated_accuracy")) {
    console.log(
      "CBPE's estimate did not see the fall: the birds got heavier but not more often male, so the scores are no " +
        "longer calibrated, the assumption CBPE rests on. The realised accuracy, once labels joined, did.",
    );
  }
  console.log(`The monitor's job summary, as GitHub would show it: ${path.join(kept, `${name}.md`)}`);
}

/**
 * What the drifted week's run would post, offline: the webhook's Slack-compatible message and the Prometheus figures of
 * its last window (on GitHub the run also opens the monitoring issue; with a rule's `action: retrain` it would run the
 * retraining workflow). The example configures neither channel, so this renders them from the run's result.
 */
async function showAlerts(name: string): Promise<void> {
  const result = JSON.parse(await readFile(path.join(work, "summaries", `${name}.json`), "utf8")) as MonitorResult;
  const { config } = parseConfig(await readFile(path.join(work, "mlops.yml"), "utf8"), "mlops.yml", "mlops.yml");
  const alert = alertOf(result, config.monitor?.rules ?? [], "https://github.com/you/penguins/actions/runs/1");
  console.log(bold("\nWhat the run would post to a chat webhook (monitor.alerts.webhook):"));
  console.log(JSON.stringify(buildWebhookMessage(alert), null, 2).split("\n").slice(0, 24).join("\n"));
  console.log("  ...");
  const last = { ...alert, windows: alert.windows.slice(-1) };
  const figures = renderPrometheus(last)
    .split("\n")
    .filter((line) => /^mlops_monitor_(rows|drift_share|accuracy|estimated_accuracy|breached)\{/.test(line));
  console.log(bold("\nAnd the Prometheus figures of its last window (monitor.alerts.prometheus), a few of them:"));
  console.log(figures.join("\n"));
}

await mlops(
  "Publish a champion: species and island as features, trained for 1000 epochs",
  [
    "run",
    "--set",
    "features=[beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g, species, island]",
    "--set",
    "epochs=1000",
  ],
  0,
  "the first version passes the gate's value rules and becomes champion, with its training-data profile and evaluation predictions",
);
const healthy = [...(await readPenguins("data/train.csv")), ...(await readPenguins("data/eval.csv"))];
const drifted = await readPenguins("data/fresh.csv");

const firstRun = await serveWeek(
  "A healthy week of serving: penguins like the ones the model was trained on",
  FIRST_DAY,
  healthy,
);
await mlops(
  "The monitor after the healthy week",
  ["monitor", "--now", firstRun],
  0,
  "a healthy week breaks no rule; the last two days wait for their labels (delay 2d), so their realised accuracy " +
    "shows as so far and is judged once they are complete",
);
await keep("healthy-week");

const secondRun = await serveWeek(
  "A drifted week: the example's new-season birds (data/fresh.csv), 12% heavier with flippers 6 mm longer",
  FIRST_DAY + 7 * DAY,
  drifted,
);
await mlops(
  "The monitor after the drifted week",
  ["monitor", "--now", secondRun],
  1,
  "the expected outcome for a drifted week: the scheduled workflow (mlops-monitor.yml) would fail here and its job " +
    "summary say why. The healthy week's last two days, now labelled, were computed again; the demo goes on",
);
await keep("drifted-week");
await showAlerts("drifted-week");

await mlops("The trend: fourteen daily windows", ["monitor", "history"], 0, "");

if (surprises.length > 0) {
  console.error(`\nThe demo did not go as expected: ${surprises.join("; ")}.`);
  process.exitCode = 1;
} else {
  console.log(
    bold(
      "\nDone. Look around in the working copy: logs/, labels/, summaries/, and the monitoring log in .mlops/registry.",
    ),
  );
}
