import { describe, expect, it } from "vitest";
import type { Block, Chart, Section, Timeline } from "../../src/report/blocks.ts";
import type { Manifest } from "../../src/registry/manifest.ts";
import { gatherModelPage, type ModelPage } from "../../src/registry/page/gather.ts";
import { modelPageMarkdown } from "../../src/registry/page/markdown.ts";
import { CHART_VERSIONS, modelPageSections } from "../../src/registry/page/sections.ts";
import { renderText } from "../../src/report/sections.ts";
import { useBackend } from "../helpers/registry-backends.ts";
import { mermaidCharts, parseXyChart } from "../helpers/xychart.ts";
import { backends, move, NOT_JSON, registrySetup, truncate } from "./backends.ts";

/**
 * Issue 17 item 4: `mlops models report`'s page as data, read through the registry interface on every backend of the
 * table: versions, metrics over versions, the alias history as a timeline, each version's card; one damaged manifest
 * or alias entry is shown as damaged and the rest of the page stands.
 */

/** Every block of a list, details opened. */
const flat = (blocks: readonly Block[]): Block[] =>
  blocks.flatMap((block) => (block.kind === "details" ? [block, ...flat(block.blocks)] : [block]));
const section = (sections: Section[], title: string): Section => {
  const found = sections.find((s) => s.title === title);
  if (!found) throw new Error(`no section ${title}: ${sections.map((s) => s.title).join(", ")}`);
  return found;
};
const charts = (s: Section): Chart[] =>
  flat(s.blocks).flatMap((block) => (block.kind === "chart" ? [block.chart] : []));
const timelines = (s: Section): Timeline[] =>
  flat(s.blocks).flatMap((block) => (block.kind === "timeline" ? [block.timeline] : []));
const tables = (s: Section) => flat(s.blocks).flatMap((block) => (block.kind === "table" ? [block.table] : []));

describe.each(backends())("the model page on a %s", (_name, open, backend) => {
  useBackend(backend);

  it("shows versions, metrics over versions, the alias timeline and cards; a damaged version is listed as damaged", async () => {
    const { store, registry, damaged, publish } = await registrySetup(open);
    const provenance = (n: number) => ({
      metrics: { accuracy: Number((0.8 + n / 100).toFixed(2)), f1: Number((0.7 + n / 100).toFixed(2)) },
      params: { depth: n, kernel: "rbf" },
      data: [{ dataset: "train", files: [{ path: "data/train.csv", size: 100 + n, sha256: "a".repeat(64) }] }],
      git: { sha: `${n}`.repeat(40), ref: "refs/heads/main" },
      runUrl: `https://github.com/acme/churn/actions/runs/${n}`,
      actor: `dev${n}`,
      gate: { verdict: n === 2 ? ("fail" as const) : ("pass" as const), baseline: n === 1 ? null : "champion v1" },
    });
    const v1 = await publish(provenance(1));
    const v2 = await publish(provenance(2));
    const v3 = await publish({ ...provenance(3), metrics: { accuracy: 0.83 } });
    const v4 = await publish(provenance(4));
    await registry.moveAlias("churn", "champion", v1.version, move("2026-02-01T00:00:00.000Z", "first"));
    await registry.moveAlias("churn", "champion", v3.version, move("2026-02-02T00:00:00.000Z", "better"));
    await registry.moveAlias("churn", "champion", v2.version, {
      ...move("2026-02-03T00:00:00.000Z", "demo"),
      forced: true,
    });
    await registry.rollback("churn", "champion", {
      at: "2026-02-04T00:00:00.000Z",
      actor: "oncall",
      reason: "v2 misbehaves",
      runUrl: null,
    });
    await registry.moveAlias("churn", "staging", v3.version, move("2026-02-01T06:00:00.000Z"));
    await registry.moveAlias("churn", "staging", v4.version, move("2026-02-05T00:00:00.000Z"));
    // v4 is damaged after staging moved onto it: its manifest is cut off, as an interrupted copy would leave it.
    const key = `churn/versions/${v4.version}/manifest.json`;
    await truncate(store, key);

    const page = await gatherModelPage(registry, "churn", { now: new Date("2026-03-01T00:00:00.000Z"), damaged });
    expect(page.versions.map((m) => m.sequence)).toEqual([1, 2, 3]);
    expect(page.aliases).toEqual({ champion: v3.version, staging: v4.version });
    expect(page.damaged).toEqual([
      expect.objectContaining({ key, kind: "manifest", subject: v4.version, problem: NOT_JSON }),
    ]);

    const sections = modelPageSections(page, { primaryMetric: "f1" });
    expect(sections.map((s) => [s.title, s.status])).toEqual([
      ["Model churn", "warn"],
      ["Metrics over versions", "ok"],
      ["Alias history", "ok"],
      ["Versions", "ok"],
      ["Version cards", "ok"],
    ]);
    const overview = section(sections, "Model churn");
    expect(tables(overview)[0]?.rows).toEqual([
      ["champion", "v3", v3.version, "2026-02-04T00:00:00.000Z"],
      ["staging", "—", v4.version, "2026-02-05T00:00:00.000Z"],
    ]);
    expect(tables(overview)[1]?.rows).toEqual([
      [key, `version ${v4.version}`, NOT_JSON, `version ${v4.version} is hidden`],
    ]);

    const versions = tables(section(sections, "Versions"))[0];
    expect(versions?.rows.map((row) => [row[0], row[1], row[3], row[4], row[5], row[8]])).toEqual([
      ["v1", v1.version, "dev1", "111111111111", "pass", ""],
      ["v2", v2.version, "dev2", "222222222222", "fail", ""],
      ["v3", v3.version, "dev3", "333333333333", "pass", "champion"],
      ["—", v4.version, "—", "—", "damaged", ""],
    ]);
    // Two files of 14 and 6 bytes, as registrySetup writes them.
    expect(versions?.rows[0]?.slice(6, 8)).toEqual(["2", "20 B"]);

    // One chart per metric, the primary first; v3 has no f1, so f1's chart skips it rather than drawing a zero.
    const drawn = charts(section(sections, "Metrics over versions"));
    expect(drawn.map((c) => [c.title, c.labels, c.lines?.map((line) => [line.name, line.values])])).toEqual([
      ["f1", ["v1", "v2"], [["f1", [0.71, 0.72]]]],
      ["accuracy", ["v1", "v2", "v3"], [["accuracy", [0.81, 0.82, 0.83]]]],
    ]);
    expect(tables(section(sections, "Metrics over versions"))[0]?.rows).toEqual([
      ["v1", "0.71", "0.81"],
      ["v2", "0.72", "0.82"],
      ["v3", "—", "0.83"],
    ]);

    const history = section(sections, "Alias history");
    const [timeline] = timelines(history);
    expect(timeline?.end).toBe("2026-03-01T00:00:00.000Z");
    expect(timeline?.lanes.map((lane) => lane.name)).toEqual(["champion", "staging"]);
    expect(timeline?.lanes[0]?.spans).toEqual([
      { label: "v1", from: "2026-02-01T00:00:00.000Z", to: "2026-02-02T00:00:00.000Z" },
      { label: "v3", from: "2026-02-02T00:00:00.000Z", to: "2026-02-03T00:00:00.000Z" },
      { label: "v2", from: "2026-02-03T00:00:00.000Z", to: "2026-02-04T00:00:00.000Z", note: "forced: demo" },
      { label: "v3", from: "2026-02-04T00:00:00.000Z", to: null, note: "rollback: v2 misbehaves" },
    ]);
    // The damaged version keeps its id where the history names it: there is no number to read.
    expect(timeline?.lanes[1]?.spans.map((span) => span.label)).toEqual(["v3", v4.version]);
    const moves = tables(history)[0];
    expect(moves?.rows).toHaveLength(6);
    expect(moves?.rows[4]).toEqual([
      "2026-02-04T00:00:00.000Z",
      "champion",
      "v2",
      "v3",
      "oncall",
      "v2 misbehaves (rollback)",
      "—",
    ]);

    // Cards newest first, each collapsed, with lineage, params, data fingerprints and files.
    const cards = section(sections, "Version cards").blocks;
    expect(cards.map((card) => (card.kind === "details" ? card.summary : card.kind))).toEqual([
      `v3 ${v3.version}: gate pass, champion`,
      `v2 ${v2.version}: gate fail`,
      `v1 ${v1.version}: gate pass`,
    ]);
    const v2Card = cards[1];
    if (v2Card?.kind !== "details") throw new Error("a card is a details block");
    const v2Tables = v2Card.blocks.flatMap((block) => (block.kind === "table" ? [block.table] : []));
    expect(v2Tables[0]?.rows).toContainEqual(["gate", "fail against champion v1"]);
    expect(v2Tables[0]?.rows).toContainEqual(["source", `refs/heads/main ${"2".repeat(40)}`]);
    expect(v2Tables).toContainEqual({
      headers: ["param", "value"],
      rows: [
        ["depth", "2"],
        ["kernel", '"rbf"'],
      ],
    });
    expect(v2Tables).toContainEqual({
      headers: ["dataset", "file", "size", "fingerprint"],
      rows: [["train", "data/train.csv", "102 B", `sha256 ${"a".repeat(64)}`]],
    });
    expect(v2Tables.at(-1)?.rows.map((row) => row[0])).toEqual(["model/config.json", "model/weights.bin"]);
    expect(v2Tables.at(-1)?.rows[1]?.[2]).toBe(v2.files.find((f) => f.path === "model/weights.bin")?.sha256);
    // Published without a model card: the page says so rather than point at nothing.
    expect(v2Card.blocks).toContainEqual({
      kind: "text",
      text: "No model card or ML-BOM: the version was published before mlops-kit made them.",
    });
    expect(v2Card.blocks).toContainEqual({
      kind: "link",
      text: "The run that published it",
      url: "https://github.com/acme/churn/actions/runs/2",
    });

    // Markdown: the charts as Mermaid that parses, the timeline left out with its table there.
    const { markdown, truncated } = modelPageMarkdown(sections, { fullPage: "churn.html" });
    expect(truncated).toBe(false);
    const mermaid = mermaidCharts(markdown);
    expect(mermaid.unclosed).toBe(false);
    expect(mermaid.charts).toHaveLength(2);
    for (const chart of mermaid.charts) expect(parseXyChart(chart).problems).toEqual([]);
    expect(markdown).toContain("v2 misbehaves (rollback)");
    expect(markdown).toContain(key);
    // Terminal text of the same sections names the damage too.
    expect(renderText(overview)).toContain("1 damaged object(s)");
  });

  it("shows a damaged alias entry as damaged and draws the moves around it", async () => {
    const { store, registry, damaged, publish } = await registrySetup(open);
    const [v1, v2, v3] = [await publish(), await publish(), await publish()];
    await registry.moveAlias("churn", "champion", v1.version, move("2026-02-01T00:00:00.000Z"));
    await registry.moveAlias("churn", "champion", v2.version, move("2026-02-02T00:00:00.000Z"));
    await registry.moveAlias("churn", "champion", v3.version, move("2026-02-03T00:00:00.000Z"));
    const [, second] = await store.list("churn/aliases/champion/");
    if (!second) throw new Error("three moves make three entries");
    await truncate(store, second);

    const page = await gatherModelPage(registry, "churn", { now: new Date("2026-03-01T00:00:00.000Z"), damaged });
    expect(page.versions).toHaveLength(3);
    expect(page.damaged).toEqual([
      expect.objectContaining({ key: second, kind: "alias-entry", subject: "champion", problem: NOT_JSON }),
    ]);
    const sections = modelPageSections(page);
    const overview = section(sections, "Model churn");
    expect(overview.status).toBe("warn");
    expect(tables(overview)[1]?.rows).toEqual([
      [
        second,
        "alias champion",
        NOT_JSON,
        "the move of champion at 2026-02-02T00:00:00.000Z is unknown; its other moves are read",
      ],
    ]);
    expect(timelines(section(sections, "Alias history"))[0]?.lanes[0]?.spans.map((span) => span.label)).toEqual([
      "v1",
      "v3",
    ]);
  });
});

/** A version as the registry would read it back, for pages of many versions built without a registry. */
function manifest(sequence: number, metrics: Record<string, number>): Manifest {
  return {
    format: "mlops-kit/manifest@2",
    model: "churn",
    version: `v20260101T000000${String(sequence).padStart(3, "0")}Z-abcdef`,
    sequence,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)).toISOString(),
    files: [{ path: "model.bin", size: 1000, sha256: "b".repeat(64) }],
    attachments: {},
    metrics,
    slices: [{ column: "region", value: "eu", rows: 10, metrics }],
    gate: { verdict: "pass", baseline: null },
    params: { seed: sequence },
    data: [],
    git: { sha: null, ref: null },
    runUrl: null,
    actor: null,
    kitVersion: "test",
  };
}

function bigPage(count: number, metricNames: string[]): ModelPage {
  const versions = Array.from({ length: count }, (_, i) =>
    manifest(i + 1, Object.fromEntries(metricNames.map((name, m) => [name, (i + m) / 1000]))),
  );
  return {
    model: "churn",
    location: "/registry",
    generated: "2026-06-01T00:00:00.000Z",
    versions,
    aliases: { champion: versions.at(-1)?.version ?? "" },
    history: versions.map((m, i) => ({
      alias: "champion",
      from: versions[i - 1]?.version ?? null,
      to: m.version,
      at: m.createdAt,
      actor: null,
      reason: "gate passed",
      runUrl: null,
      forced: false,
      kind: "promote" as const,
    })),
    damaged: [],
  };
}

describe("a model of hundreds of versions", () => {
  it("lists every version, draws the last 50 in charts and says so, and draws at most 12 metrics", () => {
    const names = Array.from({ length: 15 }, (_, i) => `metric_${i}`);
    const sections = modelPageSections(bigPage(300, names));
    expect(tables(section(sections, "Versions"))[0]?.rows).toHaveLength(300);
    const metrics = section(sections, "Metrics over versions");
    const drawn = charts(metrics);
    expect(drawn).toHaveLength(12);
    expect(drawn[0]?.labels).toEqual(Array.from({ length: CHART_VERSIONS }, (_, i) => `v${251 + i}`));
    expect(drawn[0]?.caption).toBe(
      "metric_0 of the last 50 of 300 versions that have it (v251 to v300); the table has all.",
    );
    expect(metrics.blocks).toContainEqual({
      kind: "text",
      text: "3 more metric(s) are not drawn: the table has every metric.",
    });
    expect(tables(metrics)[0]?.headers).toEqual(["version", ...names]);
    expect(section(sections, "Version cards").blocks).toHaveLength(300);
    expect(timelines(section(sections, "Alias history"))[0]?.lanes[0]?.spans).toHaveLength(300);
  });

  it("keeps the markdown under the job summary's budget, cut where markdown allows, and says where the rest is", () => {
    const sections = modelPageSections(bigPage(400, ["accuracy", "f1"]));
    const whole = modelPageMarkdown(sections, { fullPage: "churn.html", budgetBytes: 10_000_000 });
    expect(whole.truncated).toBe(false);
    const budgetBytes = 60_000;
    expect(Buffer.byteLength(whole.markdown)).toBeGreaterThan(budgetBytes);
    const cut = modelPageMarkdown(sections, { fullPage: "churn.html", budgetBytes });
    expect(cut.truncated).toBe(true);
    expect(Buffer.byteLength(cut.markdown)).toBeLessThanOrEqual(budgetBytes);
    expect(cut.markdown.endsWith("*Cut to fit the job summary: churn.html has every version.*")).toBe(true);
    // What is kept is whole: every details block is closed, every chart fence too.
    expect(cut.markdown.split("<details>").length).toBe(cut.markdown.split("</details>").length);
    expect(mermaidCharts(cut.markdown).unclosed).toBe(false);
  });

  it("counts bytes, not characters, for names outside ASCII", () => {
    const page = bigPage(200, ["точность"]);
    const sections = modelPageSections(page);
    const cut = modelPageMarkdown(sections, { fullPage: "churn.html", budgetBytes: 30_000 });
    expect(cut.truncated).toBe(true);
    expect(Buffer.byteLength(cut.markdown)).toBeLessThanOrEqual(30_000);
    expect(cut.markdown.length).toBeLessThan(30_000);
  });
});
