import { readFile } from "node:fs/promises";
import path from "node:path";
import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Manifest } from "../../src/registry/manifest.ts";
import { RELEASE_MARKER } from "../../src/store/github/layout.ts";
import { RELEASE_BODY_LIMIT, releaseNotes } from "../../src/store/github/notes.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { configErrorOf, onlyError, parse } from "../helpers/config.ts";
import { githubRegistryProject } from "../helpers/github-project.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { PROJECT } from "../helpers/toy-project.ts";

/**
 * Issue 21, point 4: each published version carries a model card (markdown with Hugging Face-style front matter) and a
 * CycloneDX 1.6 ML-BOM, both telling what its manifest records and its gate computed; `mlops pull --card/--bom` fetch
 * them; a GitHub registry's release notes are the card. And the bad input: a `card:` section with an unknown key.
 */

const CARD = `card:
  license: Apache-2.0
  intended_use: Ranking which customers to call first.
  out_of_scope: [Credit decisions]
  limitations: [Trained on one country's customers]
  authors: [Data team]
  tags: [tabular, churn]
`;

describe("the card section of mlops.yml", () => {
  it("refuses an unknown key at its line and column, with the key it meant", () => {
    const error = configErrorOf(() => parse(`version: 1\nmodel: { name: demo }\ncard:\n  licence: MIT\n`));
    const diagnostic = onlyError(error);
    expect(diagnostic.location).toEqual({ file: "mlops.yml", line: 4, column: 3 });
    expect(diagnostic.path.join(".")).toBe("card.licence");
    expect(diagnostic.message).toBe("unknown key `licence`");
    expect(diagnostic.hint).toMatch("did you mean `license`?");
    expect(stackFrames(error.describe())).toEqual([]);
  });

  it("refuses a license that is not an SPDX id or expression", () => {
    const error = configErrorOf(() => parse(`version: 1\nmodel: { name: demo }\ncard: { license: "my own, v2" }\n`));
    expect(onlyError(error).path.join(".")).toBe("card.license");
  });
});

/**
 * The toy project with a slice column, so the gate computes an interval per slice, a metric from a metrics file (which
 * has no rows to compute an interval from), and a card section.
 */
async function slicedToy(): Promise<string> {
  const dir = await tempDir();
  const config = PROJECT["mlops.yml"]
    .replace(
      "  predictions: predictions.csv\n",
      "  predictions: predictions.csv\n  slices: [segment]\n  metrics_file: latency.json\n",
    )
    .concat(CARD);
  const predict = PROJECT["predict.mjs"]
    .replace('["label,prediction"', '["label,prediction,segment"')
    .replace('(i % 2 ? "b" : "a") : "c"}`', '(i % 2 ? "b" : "a") : "c"},${i < 5 ? "new" : "old"}`');
  await writeFiles(dir, { ...PROJECT, "mlops.yml": config, "predict.mjs": predict, "latency.json": '{"p95_ms": 12}' });
  return dir;
}

function frontMatterOf(card: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  expect(match, card.slice(0, 200)).not.toBeNull();
  return parseYaml(match?.[1] ?? "") as Record<string, unknown>;
}

describe("a published version's model card and ML-BOM", () => {
  it("front matter parses as YAML and tells what the manifest records; the ML-BOM is valid CycloneDX 1.6", async () => {
    const dir = await slicedToy();
    const ran = await runCli(["run"], { cwd: dir });
    expect(ran.exitCode, ran.stderr).toBe(0);
    const shown = await runCli(["models", "show", "1", "--json"], { cwd: dir });
    const manifest = JSON.parse(shown.stdout) as Manifest;
    expect(Object.keys(manifest.attachments)).toEqual(expect.arrayContaining(["card", "mlbom"]));
    const text = (await runCli(["models", "show", "1"], { cwd: dir })).stdout;
    expect(text).toContain(`mlops pull toy@${manifest.version} --card model-card.md`);
    expect(text).toContain(`mlops pull toy@${manifest.version} --bom ml-bom.cdx.json`);

    const pulledCard = await runCli(["pull", "toy@1", "--card", "out/card.md"], { cwd: dir });
    expect(pulledCard.exitCode, pulledCard.stderr).toBe(0);
    const card = await readFile(path.join(dir, "out/card.md"), "utf8");
    const front = frontMatterOf(card);
    expect(front).toMatchObject({ model_name: "toy", license: "apache-2.0", pipeline_tag: "tabular-classification" });
    expect(front.tags).toEqual(["mlops-kit", "tabular", "churn"]);
    expect(front.datasets).toEqual(manifest.data.flatMap((d) => d.files.map((f) => f.path)));
    const kit = front["mlops-kit"] as {
      data: Manifest["data"];
      gate: Manifest["gate"];
      git: { sha: unknown };
      profile: Record<string, unknown>;
    };
    // The version it belongs to, as the manifest names it: written once the registry knew the number.
    expect(kit).toMatchObject({
      version: `v${manifest.sequence}`,
      version_id: manifest.version,
      created_at: manifest.createdAt,
    });
    expect(card).toContain(`\n# toy v${manifest.sequence}\n`);
    expect(kit.data.map((d) => ({ dataset: d.dataset, files: d.files }))).toEqual(manifest.data);
    // The training-data profile the version stores, by the digest the manifest lists for it.
    expect(kit.profile).toEqual({
      dataset: "train",
      rows: 2,
      columns: 2,
      sha256: manifest.attachments.profile?.sha256,
    });
    expect(card).toContain(
      `its \`profile\` attachment, sha256 \`${manifest.attachments.profile?.sha256}\`): 2 row(s), 2 column(s)`,
    );
    expect(card).toContain("| x | integer | 0 | 2 |");
    expect(kit.gate).toEqual(manifest.gate);
    expect(kit.git.sha).toBe(manifest.git.sha);
    const [index] = front["model-index"] as { results: { dataset: { config?: string }; metrics: Metric[] }[] }[];
    type Metric = {
      type: string;
      value: number;
      interval?: { low: number; high: number; level: number; method: string; resamples?: number };
      no_interval?: string;
    };
    const [all, ...slices] = index?.results ?? [];
    expect(Object.fromEntries(all?.metrics.map((m) => [m.type, m.value]) ?? [])).toEqual(manifest.metrics);
    // Over all rows: 9 of 10 right, Wilson's 95% interval (python: p=0.9, n=10, z=NormalDist().inv_cdf(0.975);
    // d=1+z*z/n; c=(p+z*z/(2*n))/d; h=z*sqrt(p*(1-p)/n+z*z/(4*n*n))/d; c-h, c+h = 0.5958499732, 0.9821237869).
    const byType = new Map(all?.metrics.map((m) => [m.type, m]));
    const accuracy = byType.get("accuracy")?.interval;
    expect(accuracy).toMatchObject({ level: 0.95, method: "wilson" });
    expect(accuracy?.low).toBeCloseTo(0.5958499732, 8);
    expect(accuracy?.high).toBeCloseTo(0.9821237869, 8);
    // A metric without a closed form gets the gate's seeded bootstrap around its value.
    const f1 = byType.get("f1_macro");
    expect(f1?.interval).toMatchObject({ level: 0.95, method: "bootstrap", resamples: 1000 });
    expect(f1?.interval?.low).toBeLessThanOrEqual(f1?.value ?? Number.NaN);
    expect(f1?.interval?.high).toBeGreaterThanOrEqual(f1?.value ?? Number.NaN);
    // Class c is never the label: its precision has no interval, and the card says why instead of leaving it out.
    expect(byType.get("precision[c]")?.interval).toBeUndefined();
    expect(byType.get("precision[c]")?.no_interval).toMatch(/undefined in \d+ of 1000 resamples/);
    expect(card).toContain("| accuracy | 0.9 | 95% [0.59585, 0.982124] (Wilson score interval) |");
    expect(card).toContain(
      "| p95_ms | 12 | no interval computed: it comes from latency.json, not from per-row predictions |",
    );
    expect(card).toMatch(
      /\| precision\[c\] \| 0 \| no interval computed: the metric is undefined in \d+ of 1000 resamples/,
    );
    // Each slice's value is the manifest's, with the interval the gate computed around it.
    expect(slices.map((s) => s.dataset.config).sort()).toEqual(["segment=new", "segment=old"]);
    for (const slice of slices) {
      const [metric] = slice.metrics;
      const recorded = manifest.slices.find((s) => `segment=${s.value}` === slice.dataset.config);
      expect(metric?.value).toBe(recorded?.metrics[metric?.type ?? ""]);
      expect(metric?.interval?.low).toBeLessThanOrEqual(metric?.value ?? Number.NaN);
      expect(metric?.interval?.high).toBeGreaterThanOrEqual(metric?.value ?? Number.NaN);
    }
    expect(card).toContain("## Intended use\n\nRanking which customers to call first.");
    expect(card).toContain("- Credit decisions");
    for (const file of manifest.files) expect(card).toContain(file.sha256);

    const pulledBom = await runCli(["pull", "toy@1", "--bom", "out/bom.json"], { cwd: dir });
    expect(pulledBom.exitCode, pulledBom.stderr).toBe(0);
    const bomText = await readFile(path.join(dir, "out/bom.json"), "utf8");
    const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
    expect(await validator.validate(bomText)).toBeNull();
    const bom = JSON.parse(bomText) as {
      specVersion: string;
      metadata: {
        timestamp: string;
        component: { type: string; name: string; modelCard: ModelCard; properties: { name: string; value: string }[] };
      };
      components: {
        type: string;
        name: string;
        hashes?: { alg: string; content: string }[];
        properties?: { name: string; value: string }[];
      }[];
    };
    type ModelCard = {
      quantitativeAnalysis: {
        performanceMetrics: {
          type: string;
          value: string;
          slice?: string;
          confidenceInterval?: { lowerBound: string; upperBound: string };
        }[];
      };
      considerations: { useCases: string[] };
      modelParameters: { task: string; datasets: { ref: string }[] };
    };
    expect(bom.specVersion).toBe("1.6");
    expect(bom.metadata.component).toMatchObject({ type: "machine-learning-model", name: "toy", version: "v1" });
    expect(bom.metadata.component.properties).toContainEqual({ name: "mlops-kit:version", value: manifest.version });
    expect(bom.metadata.timestamp).toBe(manifest.createdAt);
    const train = bom.components.find((c) => c.type === "data" && c.name === "train");
    expect(train?.properties).toContainEqual({
      name: "mlops-kit:profile:sha256",
      value: manifest.attachments.profile?.sha256,
    });
    const files = bom.components.filter((c) => c.type === "file");
    expect(files.map((f) => [f.name, f.hashes?.[0]?.content])).toEqual(manifest.files.map((f) => [f.path, f.sha256]));
    expect(bom.components.filter((c) => c.type === "data").map((c) => c.name)).toEqual(["eval", "train"]);
    const modelCard = bom.metadata.component.modelCard;
    expect(modelCard.modelParameters.datasets).toEqual([{ ref: "dataset:train" }, { ref: "dataset:eval" }]);
    expect(modelCard.considerations.useCases).toEqual(["Ranking which customers to call first."]);
    const overall = modelCard.quantitativeAnalysis.performanceMetrics.filter((m) => m.slice === undefined);
    expect(Object.fromEntries(overall.map((m) => [m.type, Number(m.value)]))).toEqual(manifest.metrics);
    // The same intervals over all rows as the card's; none claimed where the card says there is none.
    for (const metric of overall) {
      const interval = byType.get(metric.type)?.interval;
      expect(metric.confidenceInterval).toEqual(
        interval ? { lowerBound: String(interval.low), upperBound: String(interval.high) } : undefined,
      );
    }
    expect(overall.find((m) => m.type === "precision[c]")?.confidenceInterval).toBeUndefined();
    expect(modelCard.quantitativeAnalysis.performanceMetrics.filter((m) => m.slice)).toHaveLength(2);
  });

  it("is refused by name, exit 2, for a version published without one", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "mlops.yml": "version: 1\nmodel: { name: bare }\n" });
    const pulled = await runCli(["pull", "bare@1", "--card", "card.md"], { cwd: dir });
    expect(pulled.exitCode).toBe(2);
    const both = await runCli(["pull", "bare@1", "--card", "card.md", "--bom", "bom.json"], { cwd: dir });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain("--card and --bom each write one file");
  });
});

describe("a version in a GitHub registry", () => {
  const REPO = "octo-org/models";
  let server: FakeGitHub;
  beforeEach(async () => {
    server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "public" } } });
  });
  afterEach(async () => {
    expect(server.problems()).toEqual([]);
    await server.stop();
  });

  it("has its model card as its release's notes", async () => {
    const dir = await tempDir();
    const project = githubRegistryProject(REPO, { gate: true });
    await writeFiles(dir, { ...project, "mlops.yml": `${project["mlops.yml"]}${CARD}`, "model/w.bin": "w\n" });
    const env = { GITHUB_API_URL: server.url, GITHUB_TOKEN: "ghs_write_token", GH_TOKEN: "" };
    for (const command of ["evaluate", "gate", "publish"]) {
      const ran = await runCli([command], { cwd: dir, env });
      expect(ran.exitCode, ran.stderr).toBe(0);
    }
    const pulled = await runCli(["pull", "churn@1", "--card", "card.md"], { cwd: dir, env });
    expect(pulled.exitCode, pulled.stderr).toBe(0);
    const card = await readFile(path.join(dir, "card.md"), "utf8");
    const body = server.repositories.get(REPO)?.releases[0]?.body ?? "";
    const cardBody = card.slice(card.indexOf("\n---\n") + 5).trim();
    expect(body).toContain(cardBody);
    expect(body).toContain("## Intended use\n\nRanking which customers to call first.");
    expect(body).toContain("```yaml\nmodel_name: churn");
    // The notes name the version: the card was written once the registry knew its number.
    expect(body).toContain("\n# churn v1\n");
    // Its only metric comes from a metrics file and no validate stage ran: the card says so rather than leave a gap.
    expect(body).toContain(
      "| score | 0.9 | no interval computed: no per-row predictions were stored with this version |",
    );
    expect(body).toContain("_No profile is stored with this version (the validate stage did not run)._");
    expect(body.length).toBeLessThanOrEqual(125_000);
  });
});

describe("a release's notes from a long card", () => {
  it("stay within GitHub's 125,000 characters, cut at a line with a note, the front matter kept", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `| metric_${i} | ${i} |`).join("\n");
    const card = `---\nmodel_name: churn\n---\n\n# churn\n\n${rows}\n`;
    const manifest = JSON.stringify({ model: "churn", version: "v1", kitVersion: "test" });
    const notes = releaseNotes(manifest, card, RELEASE_MARKER.length + 2);
    expect(`${notes}\n\n${RELEASE_MARKER}`.length).toBeLessThanOrEqual(RELEASE_BODY_LIMIT);
    expect(notes).toContain("the rest is in its asset (`mlops pull --card`)");
    expect(notes).toContain("```yaml\nmodel_name: churn\n```");
    // Cut at a line: the last table row kept is whole.
    const kept = notes.split("\n").filter((line) => line.startsWith("| metric_"));
    expect(kept.at(-1)).toMatch(/^\| metric_\d+ \| \d+ \|$/);
    expect(kept.length).toBeGreaterThan(1000);
    expect(kept.length).toBeLessThan(20_000);
  });
});
