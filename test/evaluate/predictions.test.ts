import { valuesOf } from "../../src/evaluate/coded.ts";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { evaluateModel, readMetricsFile } from "../../src/evaluate/evaluate.ts";
import { type PredictionColumns, predictionColumns, readPredictions } from "../../src/evaluate/predictions.ts";
import { parse } from "../helpers/config.ts";
import { stageContext } from "../helpers/context.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Reading predictions files: every format openTable reads, and every bad input refused with a clear message. */

const FIXTURES = path.join(import.meta.dirname, "../fixtures/evaluate");

const columns = (overrides: Partial<PredictionColumns> = {}): PredictionColumns => ({
  ...predictionColumns("p.csv"),
  ...overrides,
});

async function read(
  name: string,
  content: string | Uint8Array,
  options: { columns?: Partial<PredictionColumns>; task?: "classification" | "regression"; slices?: string[] } = {},
) {
  const dir = await tempDir();
  const [file] = await writeFiles(dir, { [name]: content });
  return readPredictions(file ?? "", columns({ path: name, ...options.columns }), {
    task: options.task ?? "classification",
    slices: options.slices ?? [],
    source: name,
  });
}

async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("predictions files", () => {
  it("read the same from CSV, TSV, JSON Lines and gzip", async () => {
    const csv = "id,label,prediction,score,country\n1,1,1,0.9,DE\n2,0,1,0.6,FR\n3,0,0,0.1,DE\n";
    const tsv = csv.replace(/,/g, "\t");
    const jsonl = [
      { id: 1, label: 1, prediction: 1, score: 0.9, country: "DE" },
      { id: 2, label: 0, prediction: 1, score: 0.6, country: "FR" },
      { id: 3, label: 0, prediction: 0, score: 0.1, country: "DE" },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n");
    const options = { columns: { id: "id" }, slices: ["country"] };
    const results = [
      await read("p.csv", csv, options),
      await read("p.tsv", tsv, options),
      await read("p.jsonl", jsonl, options),
      await read("p.csv.gz", gzipSync(csv), options),
      // Written by DuckDB (test/fixtures/evaluate/generate_parquet.mjs): integers, a double and a string, as typed.
      await read("p.parquet", await readFile(path.join(FIXTURES, "three-rows.parquet")), options),
    ];
    for (const result of results) {
      expect(result).toMatchObject({ rows: 3, ids: ["1", "2", "3"] });
      expect(valuesOf(result.labels)).toEqual(["1", "0", "0"]);
      expect(valuesOf(result.predictions)).toEqual(["1", "1", "0"]);
      expect([...(result.scores ?? [])]).toEqual([0.9, 0.6, 0.1]);
      expect(valuesOf(result.slices.get("country") ?? { classes: [], codes: new Uint32Array() })).toEqual([
        "DE",
        "FR",
        "DE",
      ]);
      // Classes in code-point order, as scikit-learn sorts labels, whatever order the rows hold them in.
      expect(result.labels.classes).toEqual(["0", "1"]);
    }
  });

  it("take per-class probability columns by prefix", async () => {
    const result = await read("p.csv", "label,prediction,p_cat,p_dog\ncat,cat,0.8,0.2\ndog,cat,0.6,0.4\n", {
      columns: { scorePrefix: "p_", score: undefined },
    });
    expect(result.probabilities?.classes).toEqual(["cat", "dog"]);
    expect(result.probabilities?.columns.map((c) => [...c])).toEqual([
      [0.8, 0.6],
      [0.2, 0.4],
    ]);
  });

  it.each([
    ["a missing label column", "prediction\n1\n", {}, 'p.csv has no "label" column (evaluate.predictions.label)'],
    [
      "a missing id column",
      "label,prediction\n1\n",
      { id: "row_id" },
      'p.csv has no "row_id" column (evaluate.predictions.id)',
    ],
    [
      "a configured score column that is missing",
      "label,prediction\n1,1\n",
      { score: "proba", scoreRequired: true },
      'p.csv has no "proba" column (evaluate.predictions.score)',
    ],
    [
      "probability columns that are missing",
      "label,prediction\n1,1\n",
      { scorePrefix: "p_" },
      'p.csv has no columns starting with "p_" (evaluate.predictions.score_prefix)',
    ],
    [
      "extra values in a row",
      "label,prediction\n1,1\n0,1,0.5\n",
      {},
      "p.csv row 3 has 3 values but the header names 2 columns (extra values)",
    ],
    [
      "missing values in a row",
      "label,prediction,score\n1,1,0.5\n0,1\n",
      {},
      "p.csv row 3 has 2 values but the header names 3 columns (missing values)",
    ],
    ["an empty label", "label,prediction\n,1\n", {}, "p.csv row 2: the label is empty"],
    [
      "a NaN score",
      "label,prediction,score\n1,1,NaN\n",
      {},
      'p.csv row 2: score "NaN" is not a probability between 0 and 1',
    ],
    [
      "an empty score",
      "label,prediction,score\n1,1,\n",
      {},
      "p.csv row 2: score null is not a probability between 0 and 1",
    ],
    [
      "a score above 1",
      "label,prediction,score\n1,1,1.2\n",
      {},
      'p.csv row 2: score "1.2" is not a probability between 0 and 1',
    ],
    [
      "a negative probability",
      "label,prediction,p_a,p_b\na,a,1.1,-0.1\n",
      { scorePrefix: "p_" },
      'p.csv row 2: p_a "1.1" is not a probability between 0 and 1',
    ],
    [
      "a label without a probability column",
      "label,prediction,p_a,p_b\na,a,0.5,0.5\nc,a,0.5,0.5\n",
      { scorePrefix: "p_" },
      'p.csv: the label "c" (row 3) has no probability column "p_c"',
    ],
    [
      "a duplicate row id",
      "id,label,prediction\n7,1,1\n8,0,0\n7,1,0\n",
      { id: "id" },
      'p.csv: row id "7" appears twice (rows 2 and 4)',
    ],
    ["a header without rows", "label,prediction\n", {}, "p.csv has no rows"],
    ["an empty file", "", {}, "p.csv is empty"],
  ])("refuse %s", async (_what, content, overrides, message) => {
    const error = await inputErrorOf(read("p.csv", content, { columns: overrides }));
    expect(error.message).toBe(message);
  });

  it("refuse a regression value that is not a number", async () => {
    const error = await inputErrorOf(read("p.csv", "label,prediction\n1.5,2\nabc,1\n", { task: "regression" }));
    expect(error.message).toBe('p.csv row 3: label "abc" is not a number');
  });
});

describe("the evaluate stage", () => {
  it("computes metrics per slice, the confusion matrix, and merges nested metrics files as DVC writes them", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "p.csv": "label,prediction,score,country\n1,1,0.9,DE\n0,1,0.6,FR\n0,0,0.1,DE\n1,0,0.4,FR\n",
      "metrics.json": JSON.stringify({ train: { loss: 0.3, epochs: 3 }, latency_ms: 12, note: "text is skipped" }),
    });
    const context = stageContext(
      parse(
        "version: 1\nmodel: { name: m }\nevaluate:\n  predictions: { path: p.csv, score: score }\n  metrics_file: metrics.json\n  slices: [country]\n",
        dir,
      ),
    );
    const result = await evaluateModel(context);
    expect(result.metrics).toMatchObject({ accuracy: 0.5, roc_auc: 0.75, "train.loss": 0.3, latency_ms: 12 });
    expect(result.sources["train.loss"]).toBe("metrics.json");
    expect(result.confusion).toEqual({
      labels: ["0", "1"],
      matrix: [
        [1, 1],
        [1, 1],
      ],
    });
    expect(result.slices.map((s) => [s.value, s.rows, s.metrics.accuracy])).toEqual([
      ["DE", 2, 1],
      ["FR", 2, 0],
    ]);
    expect(result.predictions?.snapshot).toBe(path.join(context.workspace.outDir, "predictions.csv"));
  });

  it("refuses a metrics file that is not JSON, or not an object", async () => {
    const dir = await tempDir();
    const [bad, list] = await writeFiles(dir, { "bad.json": "accuracy: 0.9\n", "list.json": "[0.9]" });
    expect((await inputErrorOf(readMetricsFile(bad ?? "", "bad.json"))).message).toMatch(
      /^metrics file bad\.json is not valid JSON: /,
    );
    expect((await inputErrorOf(readMetricsFile(list ?? "", "list.json"))).message).toBe(
      "metrics file list.json must hold a JSON object",
    );
  });
});

describe("metrics files in YAML, as DVC may write them", () => {
  it("reads .yaml and .yml files, nested keys joined with dots, like JSON ones", async () => {
    const dir = await tempDir();
    const [yaml, yml] = await writeFiles(dir, {
      "eval/metrics.yaml": "avg_prec:\n  test: 0.94\n  train: 0.97\nroc_auc: 0.96 # a comment\nnote: text\n",
      "scores.yml": "{ f1: 0.5 }\n",
    });
    expect(await readMetricsFile(yaml ?? "", "eval/metrics.yaml")).toEqual({
      "avg_prec.test": 0.94,
      "avg_prec.train": 0.97,
      roc_auc: 0.96,
    });
    expect(await readMetricsFile(yml ?? "", "scores.yml")).toEqual({ f1: 0.5 });
  });

  it("refuses YAML that does not parse, or is not a mapping", async () => {
    const dir = await tempDir();
    const [bad, list] = await writeFiles(dir, { "bad.yaml": "a: [1, 2\n", "list.yml": "- 0.9\n" });
    expect((await inputErrorOf(readMetricsFile(bad ?? "", "bad.yaml"))).message).toMatch(
      /^metrics file bad\.yaml is not valid YAML: /,
    );
    expect((await inputErrorOf(readMetricsFile(list ?? "", "list.yml"))).message).toBe(
      "metrics file list.yml must hold a YAML mapping",
    );
  });

  it("refuses a YAML alias inside its own anchor's value, which would make the metrics contain themselves", async () => {
    const dir = await tempDir();
    const [looped] = await writeFiles(dir, { "looped.yml": "scores: &s\n  f1: 0.5\n  again: *s\n" });
    expect((await inputErrorOf(readMetricsFile(looped ?? "", "looped.yml"))).message).toBe(
      "metrics file looped.yml: the alias *s is inside the value its anchor names, so that value would contain " +
        "itself without end",
    );
  });
});

describe("metrics from a Parquet predictions file", () => {
  it("equal scikit-learn's for the same rows (the tied-scores case, within 1e-9)", async () => {
    const fixture = JSON.parse(
      await readFile(path.join(import.meta.dirname, "../fixtures/metrics/classification.json"), "utf8"),
    ) as {
      cases: { name: string; positive: string; expected: Record<string, number> }[];
    };
    const tied = fixture.cases.find((c) => c.name === "binary with tied scores");
    if (!tied) throw new Error("the fixture lacks the tied-scores case");
    const dir = await tempDir();
    await writeFiles(dir, { "predictions.parquet": await readFile(path.join(FIXTURES, "tied-scores.parquet")) });
    const loaded = parse(
      `version: 1\nmodel: { name: m, positive_label: "${tied.positive}" }\nevaluate: { predictions: { path: predictions.parquet, score: score } }\n`,
      dir,
    );
    const result = await evaluateModel(stageContext(loaded));
    expect(result.status).toBe("ok");
    expect(result.rows).toBe(60);
    for (const [name, expected] of Object.entries(tied.expected)) {
      expect(
        Math.abs((result.metrics[name] ?? Number.NaN) - expected),
        `${name}: ${result.metrics[name]} vs ${expected}`,
      ).toBeLessThanOrEqual(1e-9);
    }
  });
});
