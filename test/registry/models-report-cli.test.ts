import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { mermaidCharts, parseXyChart } from "../helpers/xychart.ts";

/**
 * `mlops models report`: the model's page written from the command line, on a registry filled through the real
 * publish, promote and rollback commands.
 */

const CONFIG = `version: 1
model: { name: churn }
evaluate: { metrics_file: metrics.json }
gate:
  primary_metric: score
  rules:
    - { metric: score, min: 0.5, direction: higher }
publish: { files: [model/] }
`;

/** A project with three published versions (pass, fail, pass), champion moved by promote --force and rollback. */
async function publishedProject(
  config = CONFIG,
  env: NodeJS.ProcessEnv = {},
): Promise<{ dir: string; versions: string[] }> {
  const dir = await tempDir();
  await writeFiles(dir, { "mlops.yml": config, "model/weights.bin": "w1" });
  const versions: string[] = [];
  for (const [i, score] of [0.9, 0.1, 0.8].entries()) {
    await writeFile(path.join(dir, "model/weights.bin"), `w${i + 1}`);
    await writeFile(path.join(dir, "metrics.json"), JSON.stringify({ score }));
    for (const stage of ["evaluate", "gate"]) await runCli([stage], { cwd: dir, env });
    const published = await runCli(["publish", "--json"], { cwd: dir, env });
    expect(published.exitCode, published.stderr).toBe(0);
    versions.push((JSON.parse(published.stdout) as { version: string }).version);
  }
  expect((await runCli(["promote", "2", "--force", "--reason", "try it"], { cwd: dir, env })).exitCode).toBe(0);
  expect((await runCli(["rollback", "--reason", "v2 is worse"], { cwd: dir, env })).exitCode).toBe(0);
  return { dir, versions };
}

describe("mlops models report", () => {
  it("writes the page where it says, gives the data with --json and the markdown with --markdown or --summary", async () => {
    const { dir, versions } = await publishedProject();

    const written = await runCli(["models", "report"], { cwd: dir });
    expect(written.exitCode, written.stderr).toBe(0);
    const file = path.join(".mlops", "out", "models", "churn.html");
    expect(written.stdout).toBe(`Wrote the page of churn (3 version(s)) to ${file}.\n`);
    const html = await readFile(path.join(dir, file), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    for (const version of versions) expect(html).toContain(version);
    expect(html).toContain("v2 is worse");

    const other = await runCli(["models", "report", "churn", "--out", "site/churn.html", "--json"], { cwd: dir });
    expect(other.exitCode, other.stderr).toBe(0);
    const data = JSON.parse(other.stdout) as {
      model: string;
      file: string;
      versions: { version: string; metrics: Record<string, number> }[];
      aliases: Record<string, string>;
      history: { kind: string; to: string }[];
      damaged: unknown[];
    };
    expect(data.file).toBe(path.join(dir, "site/churn.html"));
    expect(data.versions.map((v) => [v.version, v.metrics.score])).toEqual([
      [versions[0], 0.9],
      [versions[1], 0.1],
      [versions[2], 0.8],
    ]);
    expect(data.aliases).toEqual({ champion: versions[2] });
    expect(data.history.map((e) => [e.kind, e.to])).toEqual([
      ["promote", versions[0]],
      ["promote", versions[2]],
      ["promote", versions[1]],
      ["rollback", versions[2]],
    ]);
    expect(data.damaged).toEqual([]);
    expect(await readFile(path.join(dir, "site/churn.html"), "utf8")).toContain("<title>Model churn</title>");

    const markdown = await runCli(["models", "report", "--markdown"], { cwd: dir });
    expect(markdown.stderr).toBe(`Wrote the page of churn (3 version(s)) to ${file}.\n`);
    expect(markdown.stdout.split("\n")[0]).toBe("### ✅ Model churn: ok");
    // Each version's card on the page points at the version's model card and ML-BOM, with the commands that fetch them.
    for (const version of versions) {
      for (const text of [markdown.stdout, html]) {
        expect(text).toContain(`mlops pull churn@${version} --card model-card.md`);
        expect(text).toContain(`mlops pull churn@${version} --bom ml-bom.cdx.json`);
      }
    }
    expect(markdown.stdout).toMatch(/The version carries its model card \(card\/model-card\.md, sha256 [0-9a-f]{64}:/);
    const [chart] = mermaidCharts(markdown.stdout).charts;
    expect(parseXyChart(chart ?? "").chart.series).toEqual([{ kind: "line", values: [0.9, 0.1, 0.8] }]);

    const summary = path.join(dir, "summary.md");
    await writeFile(summary, "before\n");
    const appended = await runCli(["models", "report", "--summary"], {
      cwd: dir,
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(appended.exitCode, appended.stderr).toBe(0);
    expect(appended.stdout).toBe(`Wrote the page of churn (3 version(s)) to ${file}. Added it to the job summary.\n`);
    // The same markdown, but for the moment each page was made.
    const made = (text: string) => text.replace(/Made [^ ]+Z\./, "Made <time>.");
    expect(made(await readFile(summary, "utf8"))).toBe(made(`before\n${markdown.stdout}`));
  });

  it("refuses an unknown model with the known ones, and --summary outside Actions, with exit 2 and no stack", async () => {
    const { dir } = await publishedProject();
    const unknown = await runCli(["models", "report", "fraud"], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe(
      `error: ${path.join(dir, ".mlops/registry")} has no model fraud; the models there: churn\n` +
        "  hint: mlops models report churn\n",
    );
    const traversal = await runCli(["models", "report", "../x"], { cwd: dir });
    expect(traversal.exitCode).toBe(2);
    expect(stackFrames(traversal.stderr)).toEqual([]);
    await writeFile(path.join(dir, "taken"), "a file, not a folder");
    const blocked = await runCli(["models", "report", "--out", "taken/churn.html"], { cwd: dir });
    expect(blocked.exitCode).toBe(2);
    // mkdir meets the file where a folder should be.
    expect(blocked.stderr).toBe(
      `error: cannot write the page to ${path.join("taken", "churn.html")}: EEXIST: file already exists, mkdir '${path.join(dir, "taken")}'\n` +
        "  hint: name a file in a folder you can write with --out <file>\n",
    );
    const noSummary = await runCli(["models", "report", "--summary"], { cwd: dir });
    expect(noSummary.exitCode).toBe(2);
    expect(noSummary.stderr).toBe(
      "error: --summary appends to the job summary, but GITHUB_STEP_SUMMARY is not set\n" +
        "  hint: run it in a GitHub Actions step, or use --markdown to print the markdown\n",
    );
  });

  it("says an empty registry holds no models", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "mlops.yml": CONFIG });
    const empty = await runCli(["models", "report"], { cwd: dir });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain("has no model churn; it holds no models yet");
  });
});

describe("mlops models report on a bucket", () => {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3Server(["models"]);
  });
  afterAll(() => server.stop());

  it("reads the registry the config names, and shows a damaged version as damaged", async () => {
    const config = `${CONFIG}registry: { uri: "s3://models/prod", endpoint: "${server.endpoint}", force_path_style: true }\n`;
    const { dir, versions } = await publishedProject(config, server.env);
    // The second version's manifest, cut off as an interrupted copy would leave it.
    const store = createS3Store(
      { bucket: "models", prefix: "prod" },
      { endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials },
    );
    await store.put(`churn/versions/${versions[1] ?? ""}/manifest.json`, Buffer.from('{"format": "mlops-kit/man'));

    const report = await runCli(["models", "report", "--json"], { cwd: dir, env: server.env });
    expect(report.exitCode, report.stderr).toBe(0);
    const data = JSON.parse(report.stdout) as {
      location: string;
      versions: { version: string }[];
      damaged: { key: string }[];
    };
    expect(data.location).toBe("s3://models/prod");
    expect(data.versions.map((v) => v.version)).toEqual([versions[0], versions[2]]);
    expect(data.damaged.map((d) => d.key)).toEqual([`churn/versions/${versions[1] ?? ""}/manifest.json`]);
    expect(report.stderr).toContain(`is hidden`);
    const html = await readFile(path.join(dir, ".mlops/out/models/churn.html"), "utf8");
    expect(html).toContain(versions[1]);
    expect(html).toContain("damaged");
  });
});
