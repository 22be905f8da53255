import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceFor } from "../../src/context/workspace.ts";
import { buildRunReport, type RunReport } from "../../src/pipeline/run-report.ts";
import { readRunResults } from "../../src/pipeline/run-results.ts";
import type { Block, Chart, Heatmap, Section } from "../../src/report/sections.ts";
import { copyExample, runCli } from "../helpers/cli.ts";
import { removeDir, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The run's HTML report as data, built from a real run: the penguins example runs once (its champion), then again on
 * training data of heavier, longer-winged penguins, so the second run's validation finds drift against the champion's
 * training data. Expected numbers are read from the results the run wrote, never copied.
 */

interface GateJson {
  verdict: string;
  model: string;
  evaluation: { confusion: { labels: string[]; matrix: number[][] } };
  charts: { candidate: { roc: number[] } };
}

interface DriftJson {
  columns: { column: string; drifted: boolean; bins: { label: string; reference: number; current: number }[] }[];
}

interface ValidateJson {
  drift: DriftJson;
  evalDrift: DriftJson | null;
  skew: DriftJson | null;
}

/** Every block of a section, details opened. */
const blocksOf = (blocks: Block[]): Block[] =>
  blocks.flatMap((block) => (block.kind === "details" ? [block, ...blocksOf(block.blocks)] : [block]));

const sectionTitled = (report: RunReport, title: string): Section => {
  const section = report.sections.find((s) => s.title === title);
  if (!section) throw new Error(`no section "${title}" in ${report.sections.map((s) => s.title).join(", ")}`);
  return section;
};

const charts = (section: Section): Chart[] =>
  blocksOf(section.blocks).flatMap((block) => (block.kind === "chart" ? [block.chart] : []));

const heatmaps = (section: Section): Heatmap[] =>
  blocksOf(section.blocks).flatMap((block) => (block.kind === "heatmap" ? [block.heatmap] : []));

describe("the run report of a real run", () => {
  let dir = "";
  let report: RunReport;
  let gate: GateJson;
  let validate: ValidateJson;

  beforeAll(async () => {
    dir = await tempDir({ keep: true });
    await copyExample(dir);
    expect((await runCli(["run"], { cwd: dir })).exitCode).toBe(0);
    const train = path.join(dir, "data/train.csv");
    const [header = "", ...lines] = (await readFile(train, "utf8")).trimEnd().split("\n");
    const columns = header.split(",");
    const mass = columns.indexOf("body_mass_g");
    const flipper = columns.indexOf("flipper_length_mm");
    const drifted = lines.map((line) => {
      const values = line.split(",");
      if (values[mass]) values[mass] = String(Math.round(Number(values[mass]) * 1.05));
      values[flipper] = String(Number(values[flipper]) + 6);
      return values.join(",");
    });
    await writeFile(train, `${[header, ...drifted].join("\n")}\n`);
    const second = await runCli(["run"], { cwd: dir });
    expect(second.stderr).not.toContain("Error");
    const out = path.join(dir, ".mlops/out");
    gate = JSON.parse(await readFile(path.join(out, "gate.json"), "utf8")) as GateJson;
    validate = JSON.parse(await readFile(path.join(out, "validate.json"), "utf8")) as ValidateJson;
    const workspace = workspaceFor({ root: dir, config: { workspace: ".mlops" } as never });
    report = buildRunReport(await readRunResults(workspace, dir), {
      model: "penguins",
      generated: new Date("2026-12-06T16:00:00Z"),
      runUrl: null,
    });
  }, 120_000);
  afterAll(() => removeDir(dir));

  it("opens with the model, the verdict, the commit state and where it ran", () => {
    const [first] = report.sections;
    expect(first?.title).toBe("Run");
    expect(report.title).toBe("penguins: run report");
    expect(report.subtitle).toMatch(
      new RegExp(`^gate ${gate.verdict} · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$`),
    );
    const table = first?.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && Object.fromEntries(table.table.rows.map(([k = "", v = ""]) => [k, v]))).toEqual({
      model: "penguins",
      verdict: `gate ${gate.verdict}`,
      commit: "unknown (not a git checkout)",
      ran: expect.stringMatching(/UTC$/) as unknown,
      where: "locally (no workflow run)",
      "report made": "2026-12-06T16:00:00.000Z",
    });
    expect(report.sections.map((s) => s.title)).toEqual([
      "Run",
      "Data validation",
      "Drifted columns",
      "Evaluation",
      "Evaluation gate",
    ]);
  });

  it("draws the candidate's confusion matrix as a heat map beside its table", () => {
    const [heatmap] = heatmaps(sectionTitled(report, "Evaluation gate"));
    const { labels, matrix } = gate.evaluation.confusion;
    expect(heatmap).toMatchObject({
      rows: labels,
      columns: labels,
      cells: matrix,
      title: "Confusion matrix of the candidate",
    });
    const blocks = sectionTitled(report, "Evaluation gate").blocks;
    const at = blocks.findIndex((b) => b.kind === "heatmap");
    const next = blocks[at + 1];
    expect(next?.kind === "details" && next.summary).toMatch(/^Confusion matrix/);
    expect(heatmaps(sectionTitled(report, "Evaluation"))).toHaveLength(1);
  });

  it("keeps the gate's ROC curve, on the points the gate computed", () => {
    const roc = charts(sectionTitled(report, "Evaluation gate")).find((c) => c.title === "ROC curve");
    expect(roc?.lines?.[0]?.values ?? roc?.line).toEqual(gate.charts.candidate.roc);
  });

  it("draws a histogram of every drifted column against the reference, with its numbers beside it", () => {
    // The training data moved, so it drifted from the champion's; the evaluation data did not, so it differs only from
    // this run's training data (skew).
    expect(
      validate.drift.columns
        .filter((c) => c.drifted)
        .map((c) => c.column)
        .sort(),
    ).toEqual(["body_mass_g", "flipper_length_mm"]);
    const named = [
      ["train", validate.drift],
      ["eval", validate.evalDrift],
      ["eval vs train", validate.skew],
    ] as const;
    const drifted = named.flatMap(([name, comparison]) =>
      (comparison?.columns ?? []).filter((c) => c.drifted).map((column) => ({ name, column })),
    );
    const section = sectionTitled(report, "Drifted columns");
    const histograms = charts(section);
    expect(histograms.map((c) => c.title)).toEqual(
      drifted.map(({ name, column }) => `${name}: ${column.column}, share of rows in percent`),
    );
    for (const [index, { column }] of drifted.entries()) {
      const chart = histograms[index];
      expect(chart?.bars).toEqual(column.bins.map((b) => Number((b.current * 100).toFixed(1))));
      expect(chart?.line).toEqual(column.bins.map((b) => Number((b.reference * 100).toFixed(1))));
      const at = section.blocks.findIndex((b) => b.kind === "chart" && b.chart === chart);
      const table = section.blocks[at + 1];
      expect(table?.kind).toBe("details");
      const rows = table?.kind === "details" && table.blocks[0]?.kind === "table" ? table.blocks[0].table.rows : [];
      expect(rows).toEqual(
        column.bins.map((b) => [b.label, (b.reference * 100).toFixed(1), (b.current * 100).toFixed(1)]),
      );
    }
  });
});

describe("the results a run report reads", () => {
  const workspaceIn = (dir: string) => workspaceFor({ root: dir, config: { workspace: ".mlops" } as never });

  it("are required: with none, it says to run the stages first", async () => {
    const dir = await tempDir();
    await expect(readRunResults(workspaceIn(dir), dir)).rejects.toMatchObject({
      name: "UsageError",
      message: expect.stringContaining(
        "there is nothing to report: no validate, evaluate or gate result in",
      ) as unknown,
      hint: expect.stringContaining("run `mlops run`") as unknown,
    });
  });

  it("are read as untrusted: a result that is not what the stage writes is refused, naming the file and field", async () => {
    const dir = await tempDir();
    const out = path.join(dir, ".mlops/out");
    await writeFiles(out, {
      "evaluate.json": JSON.stringify({
        stage: "evaluate",
        status: "ok",
        metrics: { accuracy: "<img src=https://example.com/x>" },
        sources: {},
        slices: [],
        rows: 1,
        confusion: null,
        predictions: null,
        warnings: [],
        failure: null,
        chain: { id: "20261206T160000000Z-abcdef", git: null },
      }),
    });
    await expect(readRunResults(workspaceIn(dir), dir)).rejects.toMatchObject({
      name: "InputError",
      message:
        ".mlops/out/evaluate.json is not a valid evaluate result: metrics.accuracy: Invalid input: expected number, received string",
    });
    const other = await tempDir();
    await writeFiles(path.join(other, ".mlops/out"), { "gate.json": JSON.stringify({ stage: "gate", extra: 1 }) });
    await expect(readRunResults(workspaceIn(other), other)).rejects.toMatchObject({
      name: "InputError",
      message: expect.stringMatching(/^\.mlops\/out\/gate\.json is not a valid gate report: /) as unknown,
    });
  });
});
