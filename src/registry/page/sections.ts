import type { Block, Chart, Section, Timeline } from "../../report/blocks.ts";
import { formatBytes, formatNumber } from "../../report/format.ts";
import type { Table } from "../../report/table.ts";
import type { Manifest } from "../manifest.ts";
import { versionCards } from "./cards.ts";
import { type ModelPage, versionLabel } from "./gather.ts";

/**
 * The model page as report Sections (data): an overview with the aliases and any damage, one chart per metric over
 * the versions, the alias history as a timeline, every version in a table, and each version's card. The HTML
 * renderer draws all of it; markdown (the job summary) and terminal text leave the timeline out, so its numbers are
 * in a table beside it.
 */

/** Versions drawn in a chart: past that, a chart of hundreds of points reads as noise. The tables list them all. */
export const CHART_VERSIONS = 50;
/** Charts drawn, one per metric; the rest are in the metrics table. */
const CHARTED_METRICS = 12;

export interface PageOptions {
  /** The metric drawn first (the gate's primary metric), when the config names one. */
  primaryMetric?: string;
}

export function modelPageSections(page: ModelPage, options: PageOptions = {}): Section[] {
  return [
    overviewSection(page),
    // The figures before the long tables: a model of hundreds of versions has a versions table pages long.
    metricsSection(page, options),
    aliasSection(page),
    versionsSection(page),
    versionCards(page),
  ];
}

/** Version id to its label (`v7`), for everything that names a version by id. */
function labelsById(page: ModelPage): Map<string, string> {
  return new Map(page.versions.map((manifest) => [manifest.version, versionLabel(manifest)]));
}

function overviewSection(page: ModelPage): Section {
  const labels = labelsById(page);
  const latest = page.versions.at(-1);
  const aliasNames = Object.keys(page.aliases);
  const since = new Map<string, string>();
  for (const event of page.history) since.set(event.alias, event.at);
  const blocks: Block[] = [
    {
      kind: "text",
      text:
        `${page.model} in ${page.location}: ${page.versions.length} version(s)` +
        (latest ? `, the latest ${versionLabel(latest)} of ${latest.createdAt}` : "") +
        `; ${aliasNames.length} alias(es). Made ${page.generated}.`,
    },
  ];
  if (aliasNames.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["alias", "version", "id", "since"],
        rows: aliasNames.map((alias) => {
          const id = page.aliases[alias] ?? "";
          return [alias, labels.get(id) ?? "—", id, since.get(alias) ?? "—"];
        }),
      },
    });
  }
  if (page.damaged.length > 0) {
    blocks.push(
      {
        kind: "text",
        text:
          `${page.damaged.length} damaged object(s): the page shows the rest. ` +
          "`mlops models fsck` lists every problem; `--repair` moves damaged objects aside.",
      },
      {
        kind: "table",
        table: {
          headers: ["object", "what", "problem", "effect"],
          rows: page.damaged.map((d) => [
            d.key,
            d.kind === "manifest"
              ? `version ${d.subject}`
              : d.kind === "monitor-log"
                ? `monitoring log of ${d.subject}`
                : d.kind === "scoring-record"
                  ? "batch-scoring record"
                  : `alias ${d.subject}`,
            d.problem,
            d.effect,
          ]),
        },
      },
    );
  }
  return {
    title: `Model ${page.model}`,
    status: page.damaged.length > 0 ? "warn" : "ok",
    headline:
      `${page.versions.length} version(s)` +
      aliasNames.map((alias) => `, ${alias} ${labels.get(page.aliases[alias] ?? "") ?? "?"}`).join("") +
      (page.damaged.length > 0 ? `, ${page.damaged.length} damaged object(s)` : ""),
    blocks,
  };
}

/** Files and attachments, counted and summed. */
function storedSize(manifest: Manifest): { files: number; bytes: number } {
  const entries = [...manifest.files, ...Object.values(manifest.attachments)];
  return { files: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.size, 0) };
}

function commitOf(manifest: Manifest): string {
  const sha = manifest.git.sha ? manifest.git.sha.slice(0, 12) : "—";
  return manifest.git.dirty ? `${sha} + changes` : sha;
}

function versionsSection(page: ModelPage): Section {
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, id] of Object.entries(page.aliases)) aliasesOf.set(id, [...(aliasesOf.get(id) ?? []), alias]);
  const table: Table = {
    headers: ["#", "version", "created", "by", "commit", "gate", "files", "size", "aliases", "run"],
    align: ["right", "left", "left", "left", "left", "left", "right", "right", "left", "left"],
    rows: page.versions.map((m) => {
      const { files, bytes } = storedSize(m);
      return [
        versionLabel(m),
        m.version,
        m.createdAt,
        m.actor ?? "—",
        commitOf(m),
        m.gate?.verdict ?? "not run",
        String(files),
        formatBytes(bytes),
        (aliasesOf.get(m.version) ?? []).join(", "),
        m.runUrl ?? "—",
      ];
    }),
  };
  // A damaged manifest hides its version from every read: it is listed here as what it is.
  for (const damage of page.damaged.filter((d) => d.kind === "manifest")) {
    table.rows.push(["—", damage.subject, "—", "—", "—", "damaged", "—", "—", "", `${damage.key} ${damage.problem}`]);
  }
  return {
    title: "Versions",
    status: "ok",
    headline: `${page.versions.length} version(s) in publish order`,
    blocks:
      table.rows.length === 0
        ? [{ kind: "text", text: `No versions of ${page.model} yet.` }]
        : [
            { kind: "text", text: "Every version in publish order, oldest first." },
            { kind: "table", table },
          ],
  };
}

/** Metric names in the order they first appear (the primary metric first), with the versions that have each. */
function metricSeries(page: ModelPage, primary: string | undefined): [string, Manifest[]][] {
  const series = new Map<string, Manifest[]>();
  if (primary !== undefined) series.set(primary, []);
  for (const manifest of page.versions) {
    for (const [name, value] of Object.entries(manifest.metrics)) {
      if (!Number.isFinite(value)) continue;
      series.set(name, [...(series.get(name) ?? []), manifest]);
    }
  }
  return [...series].filter(([, versions]) => versions.length > 0);
}

function metricsSection(page: ModelPage, options: PageOptions): Section {
  const series = metricSeries(page, options.primaryMetric);
  if (series.length === 0) {
    return {
      title: "Metrics over versions",
      status: "skipped",
      headline: "no version has metrics",
      blocks: [{ kind: "text", text: "No version has metrics to draw." }],
    };
  }
  const charts: Block[] = series.slice(0, CHARTED_METRICS).map(([name, versions]) => ({
    kind: "chart",
    chart: metricChart(name, versions),
  }));
  const names = series.map(([name]) => name);
  const table: Table = {
    headers: ["version", ...names],
    align: ["left", ...names.map(() => "right" as const)],
    rows: page.versions.map((m) => [
      versionLabel(m),
      ...names.map((name) => (m.metrics[name] === undefined ? "—" : formatNumber(m.metrics[name]))),
    ]),
  };
  const left = series.length - CHARTED_METRICS;
  return {
    title: "Metrics over versions",
    status: "ok",
    headline: `${series.length} metric(s) over ${page.versions.length} version(s)`,
    blocks: [
      ...charts,
      ...(left > 0
        ? [{ kind: "text" as const, text: `${left} more metric(s) are not drawn: the table has every metric.` }]
        : []),
      { kind: "details", summary: "Every metric of every version", blocks: [{ kind: "table", table }] },
    ],
  };
}

/** One metric along the versions that have it, in publish order: the last {@link CHART_VERSIONS} of them. */
function metricChart(name: string, versions: readonly Manifest[]): Chart {
  const shown = versions.slice(-CHART_VERSIONS);
  const first = shown[0];
  const last = shown.at(-1);
  const span = first && last ? `${versionLabel(first)} to ${versionLabel(last)}` : "";
  return {
    title: name,
    caption:
      versions.length > shown.length
        ? `${name} of the last ${shown.length} of ${versions.length} versions that have it (${span}); the table has all.`
        : `${name} of each version that has it, in publish order (${span}).`,
    labels: shown.map(versionLabel),
    bars: [],
    line: null,
    // A named line, so the HTML report's legend names the metric rather than a colour.
    lines: [{ values: shown.map((m) => m.metrics[name] ?? Number.NaN), colour: "blue", name }],
    range: null,
    yTitle: name,
  };
}

function aliasSection(page: ModelPage): Section {
  if (page.history.length === 0) {
    return {
      title: "Alias history",
      status: "skipped",
      headline: "no alias has moved yet",
      blocks: [{ kind: "text", text: "No alias has moved yet: `mlops promote <version>` sets one." }],
    };
  }
  const labels = labelsById(page);
  const name = (id: string | null): string => (id === null ? "—" : (labels.get(id) ?? id));
  const table: Table = {
    headers: ["when", "alias", "from", "to", "by", "reason", "run"],
    rows: page.history.map((e) => [
      e.at,
      e.alias,
      name(e.from),
      name(e.to),
      e.actor ?? "—",
      e.reason + (e.forced ? " (forced)" : "") + (e.kind === "rollback" ? " (rollback)" : ""),
      e.runUrl ?? "—",
    ]),
  };
  const rollbacks = page.history.filter((e) => e.kind === "rollback").length;
  return {
    title: "Alias history",
    status: "ok",
    headline: `${page.history.length} move(s), ${rollbacks} rollback(s)`,
    blocks: [
      { kind: "timeline", timeline: aliasTimeline(page, name) },
      { kind: "details", summary: `Every alias move (${page.history.length})`, blocks: [{ kind: "table", table }] },
    ],
  };
}

/** One lane per alias: which version held it from which move to the next; rollbacks and forced moves are noted. */
function aliasTimeline(page: ModelPage, name: (id: string) => string): Timeline {
  const lanes = new Map<string, Timeline["lanes"][number]["spans"]>();
  for (const event of page.history) {
    const spans = lanes.get(event.alias) ?? [];
    const previous = spans.at(-1);
    if (previous) previous.to = event.at;
    const notes = [...(event.kind === "rollback" ? ["rollback"] : []), ...(event.forced ? ["forced"] : [])];
    spans.push({
      label: name(event.to),
      from: event.at,
      to: null,
      ...(notes.length > 0 ? { note: `${notes.join(", ")}: ${event.reason}` } : {}),
    });
    lanes.set(event.alias, spans);
  }
  return {
    title: `Aliases of ${page.model}`,
    caption: "Which version each alias held, from each move to the next; rollbacks and forced promotions are marked.",
    lanes: [...lanes].sort(([a], [b]) => a.localeCompare(b)).map(([alias, spans]) => ({ name: alias, spans })),
    end: page.generated,
  };
}
