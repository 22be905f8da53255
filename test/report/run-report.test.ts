import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceFor } from "../../src/context/workspace.ts";
import { buildRunReport, type RunReport } from "../../src/pipeline/run-report.ts";
import { readRunResults } from "../../src/pipeline/run-results.ts";
import type { Block, Chart, Heatmap, Section } from "../../src/report/sections.ts";
import { copyExample, runCli, stackFrames } from "../helpers/cli.ts";
import { describeBrowser } from "../helpers/browser.ts";
import { git, gitRepo } from "../helpers/git.ts";
import { REPO, removeDir, tempDir, writeFiles } from "../helpers/temp.ts";

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

const workspaceIn = (root: string) => workspaceFor({ root, config: { workspace: ".mlops" } as never });

const heatmaps = (section: Section): Heatmap[] =>
  blocksOf(section.blocks).flatMap((block) => (block.kind === "heatmap" ? [block.heatmap] : []));

let dir = "";
let out = "";
let report: RunReport;
let gate: GateJson;
let validate: ValidateJson;
let commit = "";
let published: { version: string };
/** report.html as the second run's gate wrote it and its publish stored it (later tests rewrite the file). */
let publishedHtml: Buffer;

/** Heavier and longer-winged penguins, still within the schema's bounds: drift against the champion's data. */
async function driftTrainingData(): Promise<void> {
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
}

beforeAll(async () => {
  dir = await tempDir({ keep: true });
  await copyExample(dir);
  await writeFile(path.join(dir, ".gitignore"), ".mlops/\nmodel/\npredictions.csv\n");
  await gitRepo(dir);
  const commitAll = async (message: string): Promise<string> => {
    await git(dir, "add", ".");
    await git(dir, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-qm", message);
    return git(dir, "rev-parse", "HEAD");
  };
  await commitAll("the penguins example");
  expect((await runCli(["run"], { cwd: dir })).exitCode).toBe(0);
  await driftTrainingData();
  commit = await commitAll("heavier penguins");
  const second = await runCli(["run"], { cwd: dir });
  // Training on the drifted data costs accuracy: the gate blocks this candidate (exit 1), and says so in its report.
  expect(second.exitCode).toBe(1);
  expect(second.stderr).not.toContain("no HTML report");
  out = path.join(dir, ".mlops/out");
  published = JSON.parse(await readFile(path.join(out, "publish.json"), "utf8")) as { version: string };
  publishedHtml = await readFile(path.join(out, "report.html"));
  gate = JSON.parse(await readFile(path.join(out, "gate.json"), "utf8")) as GateJson;
  validate = JSON.parse(await readFile(path.join(out, "validate.json"), "utf8")) as ValidateJson;
  report = buildRunReport(await readRunResults(workspaceIn(dir), dir), {
    model: "penguins",
    generated: new Date("2026-12-06T16:00:00Z"),
    runUrl: null,
  });
}, 240_000);
afterAll(() => removeDir(dir));

describe("the run report of a real run", () => {
  it("opens with the model, the verdict, the commit state and where it ran", () => {
    const [first] = report.sections;
    expect(first?.title).toBe("Run");
    expect(report.title).toBe("penguins: run report");
    expect(report.subtitle).toMatch(
      new RegExp(
        `^gate ${gate.verdict} · commit ${commit.slice(0, 7)} · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$`,
      ),
    );
    const table = first?.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && Object.fromEntries(table.table.rows.map(([k = "", v = ""]) => [k, v]))).toEqual({
      model: "penguins",
      verdict: `gate ${gate.verdict}`,
      commit,
      ran: expect.stringMatching(/UTC$/) as unknown,
      where: "locally (no workflow run)",
      "report made": "2026-12-06T16:00:00.000Z",
    });
    expect(report.sections.map((s) => s.title)).toEqual(["Run", "Data validation", "Evaluation", "Evaluation gate"]);
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
    // The gate carries the evaluation's matrix: drawn once.
    expect(heatmaps(sectionTitled(report, "Evaluation"))).toEqual([]);
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
    const section = sectionTitled(report, "Data validation");
    const titles = drifted.map(({ name, column }) => `${name}: ${column.column}, share of rows in percent`);
    const histograms = charts(section).filter((c) => titles.includes(c.title));
    expect(histograms.map((c) => c.title)).toEqual(titles);
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

describe("where the run report says it ran", () => {
  it("links the workflow run when made inside Actions, and takes nothing else for a run page", async () => {
    const results = await readRunResults(workspaceIn(dir), dir);
    const made = (runUrl: string | null) =>
      buildRunReport(results, { model: "penguins", generated: new Date("2026-12-06T16:00:00Z"), runUrl }).sections[0];
    const url = "https://github.com/octo/penguins/actions/runs/42";
    const inActions = made(url);
    const where = (section: Section | undefined) =>
      section?.blocks.flatMap((b) => (b.kind === "table" ? b.table.rows : [])).find(([k]) => k === "where")?.[1];
    expect(where(inActions)).toBe(url);
    expect(inActions?.blocks).toContainEqual({ kind: "link", text: "The workflow run", url });
    for (const other of ["javascript:alert(1)", "https://example.com/phish", "http://github.com/o/r/actions/runs/1"]) {
      expect(where(made(other))).toBe("locally (no workflow run)");
      expect(made(other)?.blocks.some((b) => b.kind === "link")).toBe(false);
    }
  });
});

describe("a workspace whose results are of different runs", () => {
  it("leaves out an evaluation the gate did not judge, and says so", async () => {
    const results = await readRunResults(workspaceIn(dir), dir);
    const evaluate = results.evaluate && {
      ...results.evaluate,
      chain: { ...results.evaluate.chain, id: "20261206T170000000Z-ffffff" },
    };
    const made = buildRunReport({ ...results, evaluate }, { model: "penguins", generated: new Date(), runUrl: null });
    expect(made.sections.map((s) => s.title)).toEqual(["Run", "Data validation", "Evaluation gate"]);
    expect(made.notes).toEqual([
      "The workspace's evaluation is newer than the one the gate judged, so it is left out: run `mlops gate` (or `mlops run`) again to report on it.",
    ]);
  });
});

describe("mlops report --html", () => {
  it("the gate stage wrote report.html beside gate.md, in mlops run", async () => {
    const html = await readFile(path.join(out, "report.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>penguins: run report</title>");
    expect(html).toContain("Confusion matrix of the candidate");
  });

  it("mlops gate writes it again and says where", async () => {
    const rerun = await runCli(["gate"], { cwd: dir });
    expect(rerun.exitCode).toBe(1);
    expect(rerun.stdout.trimEnd().split("\n").at(-1)).toBe(`The run's HTML report: ${path.join(out, "report.html")}`);
  });

  it("a report.html it cannot write costs the HTML report with a warning, never the gate's verdict", async () => {
    const file = path.join(out, "report.html");
    const kept = await readFile(file);
    await rm(file);
    await mkdir(path.join(file, "in-the-way"), { recursive: true });
    try {
      const blocked = await runCli(["gate"], { cwd: dir });
      expect(blocked.exitCode).toBe(1);
      expect(blocked.stdout).toContain("── Evaluation gate: FAIL");
      expect(blocked.stderr).toMatch(/no HTML report: .*report\.html/);
      expect(stackFrames(blocked.stderr)).toEqual([]);
    } finally {
      await rm(file, { recursive: true, force: true });
      await writeFile(file, kept);
    }
  });

  it("writes the report where it is told and says where; exit 0", async () => {
    const result = await runCli(["report", "--html", "reports/run.html"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^Wrote the run's report to reports\/run\.html \(\d+ KiB\): Run, Data validation, Evaluation, Evaluation gate\.\n/,
    );
    const html = await readFile(path.join(dir, "reports/run.html"), "utf8");
    expect(html).toContain(`commit ${commit.slice(0, 7)}`);
  });

  it("writes <workspace>/out/report.html by default, and --json says what it wrote", async () => {
    const result = await runCli(["report", "--html", "--json"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      file: path.join(out, "report.html"),
      title: "penguins: run report",
      sections: [
        { title: "Run", status: gate.verdict },
        { title: "Data validation" },
        { title: "Evaluation" },
        { title: "Evaluation gate", status: gate.verdict },
      ],
    });
  });

  it("exits 2 with what to run when nothing ran in the workspace, and refuses flags that post", async () => {
    const fresh = await tempDir();
    await copyExample(fresh);
    const nothing = await runCli(["report", "--html"], { cwd: fresh });
    expect(nothing.exitCode).toBe(2);
    expect(nothing.stderr).toMatch(/there is nothing to report: no validate, evaluate or gate result in /);
    expect(nothing.stderr).toContain("run `mlops run`");
    expect(stackFrames(nothing.stderr)).toEqual([]);
    const mixed = await runCli(["report", "--html", "--pr", "3"], { cwd: dir });
    expect(mixed.exitCode).toBe(2);
    expect(mixed.stderr).toContain("--pr posts to GitHub; --html writes the report locally");
    const stray = await runCli(["report", "out.html"], { cwd: dir });
    expect(stray.exitCode).toBe(2);
    expect(stray.stderr).toContain("a path goes with --html");
  });
});

/** `MLOPS_UPDATE_SCREENSHOTS=1` writes the docs' picture of the report (docs/reports.md) from this real run. */
const SCREENSHOT =
  process.env.MLOPS_UPDATE_SCREENSHOTS === "1" ? path.join(REPO, "docs/images/run-report.png") : undefined;

describeBrowser("the run's HTML report in Chromium", (browser) => {
  it("renders every section and plot, with no console error, no page error and no request", async () => {
    const page = await browser.open(path.join(out, "report.html"), {
      width: 1000,
      // The docs show the gate's section: the verdict, its rules and the plots a reviewer looks at.
      ...(SCREENSHOT ? { screenshot: SCREENSHOT, screenshotOf: "section[id$='-evaluation-gate']" } : {}),
    });
    expect(page.consoleErrors).toEqual([]);
    expect(page.pageErrors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.scripts).toBe(0);
    expect(page.title).toBe("penguins: run report");
    expect(page.headings.filter((h) => !h.startsWith("penguins"))).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Run"),
        expect.stringContaining("Data validation"),
        expect.stringContaining("Evaluation"),
        expect.stringContaining("Evaluation gate"),
      ]) as unknown,
    );
    expect(page.text).toContain("Confusion matrix of the candidate");
    expect(page.text).toContain("ROC curve");
    expect(page.text).toContain("train: flipper_length_mm, share of rows in percent");
    // Every figure the report draws is an SVG the reader sees (none hidden in a closed details): heat maps, the
    // drift histograms and the gate's curves.
    const shown = page.svgs.filter((svg) => svg.visible);
    const figures = report.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "chart" || b.kind === "heatmap");
    expect(shown.length).toBeGreaterThanOrEqual(figures.length);
    expect(shown.every((svg) => svg.width > 100 && svg.height > 50)).toBe(true);
    expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
  });
});

describe("the run report stored with the registry version", () => {
  const sha256 = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex");

  it("is listed in the version's manifest with its size and sha256, and `mlops models show` lists it", async () => {
    const show = await runCli(["models", "show", published.version, "--json"], { cwd: dir });
    expect(show.exitCode).toBe(0);
    const manifest = JSON.parse(show.stdout) as {
      attachments: Record<string, { path: string; size: number; sha256: string }>;
    };
    expect(manifest.attachments.report).toEqual({
      path: "report/report.html",
      size: publishedHtml.length,
      sha256: sha256(publishedHtml),
    });
    const text = await runCli(["models", "show", published.version], { cwd: dir });
    expect(text.stdout).toMatch(/^ {2}\(report\) report\/report\.html {2}\d+(\.\d+)? KiB$/m);
  });

  it("comes back verified with mlops pull --report, and a stored copy that was changed is refused", async () => {
    const pull = await runCli(["pull", `penguins@${published.version}`, "--report", "pulled/report.html"], {
      cwd: dir,
    });
    expect(pull.exitCode).toBe(0);
    expect(pull.stdout.trimEnd()).toMatch(
      new RegExp(
        `^Wrote the HTML report of penguins ${published.version} to pulled/report\\.html: .*, sha256 verified\\.$`,
      ),
    );
    expect(sha256(await readFile(path.join(dir, "pulled/report.html")))).toBe(sha256(publishedHtml));
    const stored = path.join(
      dir,
      ".mlops/registry/penguins/versions",
      published.version,
      "attachments/report/report.html",
    );
    const tampered = publishedHtml.toString("utf8").replace("penguins: run report", "penguins: run r3port");
    await writeFile(stored, tampered);
    const refused = await runCli(["pull", `penguins@${published.version}`, "--report", "pulled/again.html"], {
      cwd: dir,
    });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`report/report.html of penguins ${published.version} is corrupted`);
    expect(stackFrames(refused.stderr)).toEqual([]);
    expect(existsSync(path.join(dir, "pulled/again.html"))).toBe(false);
    expect(readdirSync(path.join(dir, "pulled"))).toEqual(["report.html"]);
    // Put back, for the next test's publishes.
    await writeFile(stored, publishedHtml);
  });

  it("is left out of a version published without one, or with one older than the gate's result", async () => {
    const attachmentsOf = async (): Promise<string[]> => {
      const publish = await runCli(["publish", "--json"], { cwd: dir });
      expect(publish.exitCode).toBe(0);
      const { version } = JSON.parse(publish.stdout) as { version: string };
      const show = await runCli(["models", "show", version, "--json"], { cwd: dir });
      return Object.keys((JSON.parse(show.stdout) as { attachments: Record<string, unknown> }).attachments).sort();
    };
    const html = path.join(out, "report.html");
    // A report made before the gate's latest result is not of this version.
    const gateTime = (await stat(path.join(out, "gate.json"))).mtime;
    await utimes(html, new Date(gateTime.getTime() - 60_000), new Date(gateTime.getTime() - 60_000));
    expect(await attachmentsOf()).toEqual(["card", "mlbom", "predictions", "profile"]);
    await rm(html);
    expect(await attachmentsOf()).toEqual(["card", "mlbom", "predictions", "profile"]);
    const latest = await runCli(["models", "list", "--json"], { cwd: dir });
    const last = (JSON.parse(latest.stdout) as { versions: { version: string }[] }).versions.at(-1)?.version ?? "";
    const withoutOne = await runCli(["pull", `penguins@${last}`, "--report", "none.html"], { cwd: dir });
    expect(withoutOne.exitCode).toBe(2);
    expect(withoutOne.stderr).toContain(`penguins ${last} was published without an HTML report`);
    const both = await runCli(["pull", "penguins@champion", "--report", "x.html", "--out", "model-copy"], { cwd: dir });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain("leave out --out");
  });
});
