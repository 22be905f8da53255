import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Random } from "../../src/gate/significance/random.ts";
import type { MonitorResult } from "../../src/monitor/run.ts";
import { monitorSection } from "../../src/monitor/section.ts";
import { openLogRows } from "../../src/monitor/log-rows.ts";
import { InputError } from "../../src/errors.ts";
import { renderText } from "../../src/report/sections.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { removeDir, REPO, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * What a monitor run's report says about a served regression model (the human output and the job summary, beside the
 * JSON): the rows its figures leave out, what drifted, which rows broke the schema, the label problems of a window,
 * which rules only warn, and the columns a regression model can fill. Prices are 100 + 20 x1 + 5 x2 plus noise; the
 * model predicts without the noise. Seeded with the gate's generator.
 */

const CONFIG = `version: 1
model: { name: pricer, task: regression }
data:
  train: data/train.csv
  target: price
  schema:
    columns:
      x1: { type: number }
      x2: { type: number, min: -20, max: 30 }
      price: { type: number }
  drift: { columns: { x1: { threshold: 0.3 }, x2: { threshold: 0.3 } } }
evaluate:
  predictions: predictions.csv
  metrics_file: metrics.json
  custom_metrics: { holdout_rmse: { direction: lower } }
gate:
  rules:
    - { metric: holdout_rmse, max: 10 }
registry: { uri: registry }
publish: { files: [model/] }
monitor:
  logs: { path: logs/*.csv, timestamp: ts, id: request_id, prediction: prediction, latency: latency_ms }
  labels: { path: labels/*.csv, id: request_id, label: price, delay: 1d }
  rules:
    - { metric: rows, min: 50 }
    - { metric: drift_share, max: 0.4 }
    - { metric: quality_errors, max: 0 }
    - { metric: rmse, max: 50 }
    - { metric: latency_p95, max: 1, severity: warn }
`;

const DAY = 86_400_000;
const uniform = (random: Random): number => (random.nextUint32() + 0.5) / 4294967296;
const normal = (random: Random): number =>
  Math.sqrt(-2 * Math.log(uniform(random))) * Math.cos(2 * Math.PI * uniform(random));

interface Row {
  id: string;
  x1: number;
  x2: number;
  prediction: number;
  price: number;
}

function rowsOf(seed: number, count: number, prefix: string, shift = 0): Row[] {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, i) => {
    const x1 = Number((shift + normal(random)).toFixed(4));
    const x2 = Number((5 + 2 * normal(random)).toFixed(4));
    const prediction = 100 + 20 * x1 + 5 * x2;
    return { id: `${prefix}-${i}`, x1, x2, prediction, price: Number((prediction + 3 * normal(random)).toFixed(2)) };
  });
}

const csv = (header: string[], rows: (string | number)[][]): string =>
  `${[header.join(","), ...rows.map((row) => row.join(","))].join("\n")}\n`;

const logOf = (date: string, rows: readonly Row[], cells: (row: Row, i: number) => Partial<Record<string, string>>) => {
  const start = Date.parse(`${date}T00:00:00Z`);
  return csv(
    ["ts", "request_id", "x1", "x2", "prediction", "latency_ms"],
    rows.map((r, i) => {
      const own = cells(r, i);
      return [
        new Date(start + Math.floor(((i + 0.5) * DAY) / rows.length)).toISOString(),
        own.id ?? r.id,
        r.x1,
        own.x2 ?? r.x2,
        own.prediction ?? r.prediction.toFixed(2),
        5 + (i % 20),
      ];
    }),
  );
};

async function project(): Promise<string> {
  const dir = await tempDir({ keep: true });
  const train = rowsOf(1, 2000, "train");
  const evaluation = rowsOf(2, 500, "eval");
  await writeFiles(dir, {
    "mlops.yml": CONFIG,
    "data/train.csv": csv(
      ["x1", "x2", "price"],
      train.map((r) => [r.x1, r.x2, r.price]),
    ),
    "predictions.csv": csv(
      ["label", "prediction"],
      evaluation.map((r) => [r.price, r.prediction.toFixed(2)]),
    ),
    "metrics.json": '{"holdout_rmse": 3}\n',
    "model/weights.json": '{"w": [20, 5]}\n',
  });
  const validated = await runCli(["validate"], { cwd: dir });
  if (validated.exitCode !== 0) throw new Error(`validate failed: ${validated.stderr}`);
  const registry = createRegistry(createLocalStore(path.join(dir, "registry")));
  const manifest = await registry.publish(
    publishInput({
      model: "pricer",
      files: [{ path: "model/weights.json", source: path.join(dir, "model/weights.json") }],
      attachments: [
        { name: "profile", source: path.join(dir, ".mlops/out/profile-train.json") },
        { name: "predictions", source: path.join(dir, "predictions.csv") },
      ],
      metrics: { holdout_rmse: 3, rmse: 3 },
    }),
  );
  await registry.moveAlias("pricer", "champion", manifest.version, {
    at: new Date().toISOString(),
    actor: "tester",
    reason: "test",
    runUrl: null,
    forced: false,
  });

  // Day 1: three labels that are not numbers and one prediction "NaN".
  const day1 = rowsOf(11, 300, "d1");
  // Day 2: two rows with x2 above the schema's maximum, rows 10-19 logged again under the ids of rows 0-9, a second
  // label for one id and two label rows without a label.
  const day2 = rowsOf(12, 300, "d2");
  // Day 3: x1 moved by two standard deviations.
  const day3 = rowsOf(13, 300, "d3", 2);
  const labelRows = (rows: readonly Row[]) => rows.map((r) => [r.id, r.price]);
  await writeFiles(dir, {
    "logs/2026-05-01.csv": logOf("2026-05-01", day1, (_, i) => (i === 5 ? { prediction: "NaN" } : {})),
    "logs/2026-05-02.csv": logOf("2026-05-02", day2, (_, i) =>
      i === 100 || i === 101 ? { x2: "31" } : i >= 10 && i < 20 ? { id: `d2-${i - 10}` } : {},
    ),
    "logs/2026-05-03.csv": logOf("2026-05-03", day3, () => ({})),
    "labels/2026-05-02.csv": csv(
      ["request_id", "price"],
      labelRows(day1).map(([id, price], i) => [id ?? "", i < 3 ? "unknown" : (price ?? "")]),
    ),
    "labels/2026-05-03.csv": csv(
      ["request_id", "price"],
      [...labelRows(day2.filter((_, i) => i < 10 || i >= 20)), ["d2-50", 1], ["d2-60", ""], ["", 5]],
    ),
    "labels/2026-05-04.csv": csv(["request_id", "price"], labelRows(day3)),
  });
  return dir;
}

describe("the monitor's report on a regression model", () => {
  let dir = "";
  let first: { exitCode: number; stdout: string };
  let json: MonitorResult;
  let summary = "";
  beforeAll(async () => {
    dir = await project();
    first = await runCli(["monitor", "--now", "2026-05-06T00:00:00Z"], { cwd: dir });
    summary = await readFile(path.join(dir, ".mlops/out/monitor.md"), "utf8");
    json = JSON.parse(await readFile(path.join(dir, ".mlops/out/monitor.json"), "utf8")) as MonitorResult;
  }, 60_000);
  afterAll(() => removeDir(dir));
  const windowOf = (key: string) => {
    const found = json.windows.find((w) => w.window.key === key);
    if (!found) throw new Error(`no window ${key}`);
    return found;
  };

  it("counts as labelled only the rows whose label and prediction the metrics could use, and says why", () => {
    const day1 = windowOf("2026-05-01");
    expect(day1.labels).toMatchObject({ joined: 300, unusable: 4 });
    expect(day1.realised?.rows).toBe(296);
    expect(day1.metrics.labelled_share).toBe(296 / 300);
    const why =
      "2026-05-01: 4 labelled row(s) left out of the realised metrics: 3 label(s) and 1 prediction(s) are not numbers";
    for (const output of [first.stdout, summary]) expect(output).toContain(why);
    expect(first.stdout).toMatch(/2026-05-01 +300 .* 296\/300 /);
    expect(summary).toMatch(/\| 2026-05-01 +\| +300 \|.*\| +296\/300 \|/);
  });

  it("names the features that drifted with their scores and thresholds, and the rows that broke the schema", () => {
    const drifted =
      "2026-05-03: features that drifted (1 of 2): x1 1.907 (drift at or above 0.3): Wasserstein-1 distance in reference standard deviations";
    const quality =
      '2026-05-02: quality error: x2 max: values above the maximum 30 (2 row(s), first value "31"; e.g. id d2-100, id d2-101 of the window in logs/2026-05-02.csv)';
    for (const output of [first.stdout, summary]) {
      expect(output).toContain(drifted);
      expect(output).toContain(quality);
    }
    expect(windowOf("2026-05-02").quality.findings).toEqual([
      expect.objectContaining({
        column: "x2",
        rule: "max",
        count: 2,
        examples: [
          { row: 101, id: "d2-100" },
          { row: 102, id: "d2-101" },
        ],
      }),
    ]);
  });

  it("shows the label problems of a window beside it: duplicate labels, empty label rows, request ids logged twice", () => {
    expect(windowOf("2026-05-02").labels).toMatchObject({ joined: 300, duplicates: 1, empty: 2 });
    expect(windowOf("2026-05-02").duplicateIds).toBe(10);
    for (const output of [first.stdout, summary]) {
      expect(output).toContain("2026-05-02: 1 label row(s) repeat an id already labelled: the first label stands");
      expect(output).toContain(
        "2026-05-02: 2 label row(s) with an empty id or label in the label files read for the window, not joined",
      );
      expect(output).toContain(
        "2026-05-02: 10 row(s) repeat a request id logged earlier in the window: an id's label joins every row of it, so the realised metrics count it more than once",
      );
    }
  });

  it("lists rules of severity warn apart from those that fail the run, and counts each kind", () => {
    expect(first.exitCode).toBe(1);
    // 05-02 (quality) and 05-03 (drift), and the two days no log covers before the run's time (05-04 and 05-05: an
    // outage, which the rows rule catches); 05-01 broke only the latency rule of severity warn.
    expect(json.breaches).toBe(4);
    expect(first.stdout).toContain(
      "4 of 5 window(s) broke a rule of severity error, 1 more only rules of severity warn.",
    );
    const [errors, warnings] = first.stdout.split(
      "Rules of severity warn broken (reported, they do not fail the run):",
    );
    expect(errors).toContain("2026-05-03: drift_share 0.5 (<= 0.4): 0.5 is above the maximum 0.4");
    expect(errors).not.toContain("latency_p95");
    expect(warnings).toContain("2026-05-01: latency_p95 23.05 (<= 1, warn): 23.05 is above the maximum 1");
  });

  it("shows the columns a regression model's windows can fill: realised metrics the rules judge, no estimates", () => {
    const header = first.stdout.split("\n").find((line) => line.trim().startsWith("Window      Rows  Quality"));
    expect(header).toMatch(/Labels +rmse \(realised\) +Verdict/);
    expect(first.stdout).not.toContain("(estimated");
    expect(first.stdout).not.toContain("holdout_rmse");
    expect(first.stdout).not.toContain("estimated_rmse");
    // Terminal text leaves the charts out: no heading stands over nothing.
    expect(first.stdout).not.toContain("The trend:");
  });

  it("does not call a run that judged nothing a pass", async () => {
    const again = await runCli(["monitor", "--now", "2026-05-06T01:00:00Z"], { cwd: dir });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/^── Monitor: pricer@champion: SKIPPED/);
    expect(again.stdout).toContain(
      "nothing new to judge: no new or newly labelled window (5 unchanged, judged by the run that computed them)",
    );
  });

  it("refuses a history of an alias the model does not have, naming those it has", async () => {
    const history = await runCli(["monitor", "history", "--alias", "nope"], { cwd: dir });
    expect(history.exitCode).toBe(2);
    expect(history.stderr).toContain('pricer has no alias "nope"');
    expect(history.stderr).toContain("its aliases: champion");
  });
});

describe("mlops monitor --help", () => {
  it("says once that --merge is repeatable", async () => {
    const help = await runCli(["monitor", "--help"], { cwd: REPO, columns: 200 });
    const merge = help.stdout.split("\n").find((line) => line.trim().startsWith("--merge"));
    expect(merge).toMatch(/Shard files of the legs to append and judge \(repeatable\)$/);
  });
});

describe("the report of rows with an unreadable timestamp", () => {
  const result = (values: string[]): MonitorResult => ({
    stage: "monitor",
    verdict: "pass",
    model: "pricer",
    alias: "champion",
    version: "v1",
    now: "2026-05-06T00:00:00.000Z",
    window: "day",
    windows: [],
    unchanged: 0,
    judgements: [],
    breaches: 0,
    warnings: 0,
    skippedRows: {
      unparseable: {
        count: values.length,
        examples: values.map((value, i) => ({
          file: "logs/2026-05-01.csv",
          row: i + 1,
          value,
          reason: `${value} seconds since 1970 is not between the years 0001 and 9999`,
        })),
      },
      future: { count: 0, examples: [] },
    },
    unmatchedLabels: { count: 0, files: [] },
    notes: [],
    shard: null,
    logged: [],
    history: [],
  });
  const hint = "did you mean monitor.logs.timestamp_unit: milliseconds?";

  it("asks whether epoch milliseconds were meant when every example would read as milliseconds", () => {
    expect(renderText(monitorSection(result(["1777593600000", "1777593601234"]), null))).toContain(hint);
    // Out of range in either unit: no such question.
    expect(renderText(monitorSection(result(["1777593600000", "99999999999999999"]), null))).not.toContain(hint);
  });
});

describe("a prediction log in CSV that holds JSON Lines", () => {
  it("is refused with the hint to declare its format", async () => {
    const dir = await tempDir();
    const [file = ""] = await writeFiles(dir, {
      "logs/2026-05-01.csv": '{"ts":"2026-05-01T00:00:00Z","request_id":"a","x1":1,"prediction":"2.5"}\n',
    });
    const error = await openLogRows({ path: file, shown: "logs/2026-05-01.csv" }, "csv").then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).hint).toBe(
      'logs/2026-05-01.csv starts with "{", as JSON Lines do: set monitor.logs.format: jsonl, or name the files .jsonl',
    );
  });
});
