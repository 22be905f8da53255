import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  renderHtmlDocument
} from "./chunk-HHR3RJXW.js";
import {
  fitBlocks
} from "./chunk-XWUCKCS7.js";
import {
  formatBytes,
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  markdownHeading
} from "./chunk-OSH67I4H.js";
import {
  escapeMarkdown
} from "./chunk-PEZVGW4L.js";
import {
  InputError
} from "./chunk-XOZC47AQ.js";

// src/registry/page/markdown.ts
var SUMMARY_BUDGET_BYTES = 1e6;
function modelPageMarkdown(sections, options) {
  const limit = options.budgetBytes ?? SUMMARY_BUDGET_BYTES;
  let budget = limit;
  for (; ; ) {
    const fitted = fitSections(sections, budget, options.fullPage);
    const bytes = Buffer.byteLength(fitted.markdown, "utf8");
    if (bytes <= limit || budget < 1e3) return fitted;
    budget = Math.floor(budget * limit / bytes) - 100;
  }
}
function fitSections(sections, budget, fullPage) {
  const note = `*Cut to fit the job summary: ${escapeMarkdown(fullPage)} has every version.*`;
  const room = budget - note.length - 2;
  const parts = [];
  let used = 0;
  for (const section of sections) {
    const heading = markdownHeading(section);
    const left = room - used - heading.length - 4;
    if (left < 200) return { markdown: [...parts, note].join("\n\n"), truncated: true };
    const fitted = fitBlocks(section.blocks, left);
    const text = fitted.markdown === "" ? heading : `${heading}

${fitted.markdown}`;
    parts.push(text);
    used += text.length + 2;
    if (fitted.truncated) return { markdown: [...parts, note].join("\n\n"), truncated: true };
  }
  return { markdown: parts.join("\n\n"), truncated: false };
}

// src/registry/page/gather.ts
async function gatherModelPage(registry, model, options) {
  const [versions, aliases, history] = await Promise.all([
    registry.versions(model),
    registry.aliases(model),
    registry.history(model)
  ]);
  const damaged = options.damaged.filter((damage) => damage.model === model);
  return {
    model,
    location: registry.location,
    generated: options.now.toISOString(),
    versions: [...versions].sort(publishOrder),
    aliases,
    history,
    damaged: [...damaged].sort((a, b) => a.key.localeCompare(b.key))
  };
}
function publishOrder(a, b) {
  if (a.sequence !== void 0 && b.sequence !== void 0) return a.sequence - b.sequence;
  if (a.sequence === void 0 && b.sequence !== void 0) return -1;
  if (a.sequence !== void 0 && b.sequence === void 0) return 1;
  return a.version.localeCompare(b.version);
}
function versionLabel(manifest) {
  return manifest.sequence === void 0 ? manifest.version : `v${manifest.sequence}`;
}

// src/registry/page/cards.ts
function versionCards(page) {
  const aliasesOf = /* @__PURE__ */ new Map();
  for (const [alias, id] of Object.entries(page.aliases)) aliasesOf.set(id, [...aliasesOf.get(id) ?? [], alias]);
  const newestFirst = [...page.versions].reverse();
  return {
    title: "Version cards",
    status: newestFirst.length > 0 ? "ok" : "skipped",
    headline: `${newestFirst.length} card(s), newest first`,
    blocks: newestFirst.length === 0 ? [{ kind: "text", text: "No versions yet." }] : newestFirst.map((manifest) => versionCard(manifest, aliasesOf.get(manifest.version) ?? []))
  };
}
function versionCard(m, aliases) {
  const summary = `${versionLabel(m)} ${m.version}: gate ${m.gate?.verdict ?? "not run"}` + (aliases.length > 0 ? `, ${aliases.join(", ")}` : "");
  return { kind: "details", summary, terminal: "verbose", blocks: cardBlocks(m) };
}
function modelCardBlocks(m) {
  const { card, mlbom } = m.attachments;
  if (!card && !mlbom) {
    return [{ kind: "text", text: "No model card or ML-BOM: the version was published before mlops-kit made them." }];
  }
  const fetch = (flag, file) => `mlops pull ${m.model}@${m.version} ${flag} ${file.path.split("/").pop() ?? file.path}`;
  const what = [
    ...card ? [`its model card (${card.path}, sha256 ${card.sha256}: metrics with intervals, data, lineage)`] : [],
    ...mlbom ? [`its ML-BOM (${mlbom.path}, CycloneDX 1.6, sha256 ${mlbom.sha256})`] : []
  ];
  return [
    { kind: "text", text: `The version carries ${what.join(" and ")}; fetch ${what.length > 1 ? "them" : "it"} with:` },
    {
      kind: "code",
      text: [...card ? [fetch("--card", card)] : [], ...mlbom ? [fetch("--bom", mlbom)] : []].join("\n")
    }
  ];
}
function cardBlocks(m) {
  const source = [
    m.repository ?? null,
    m.git.ref ?? "no ref",
    m.git.sha ?? "no commit",
    ...m.git.dirty ? [`+ uncommitted changes (${m.git.diff ?? "no diff hash"}: ${(m.git.changed ?? []).join(", ")})`] : []
  ].filter((part) => part !== null).join(" ");
  const lineage = [
    ["version", `${versionLabel(m)} ${m.version}`],
    ["created", `${m.createdAt} by ${m.actor ?? "unknown"}`],
    ["source", source],
    ["run", m.runUrl ?? "\u2014"],
    [
      "gate",
      m.gate ? `${m.gate.verdict}${m.gate.baseline ? ` against ${m.gate.baseline}` : " (no baseline)"}` : "not run"
    ],
    ...m.chain ? [
      [
        "stage results",
        `train run ${m.chain.trainRun ?? "none"}, evaluation ${m.chain.evaluation ?? "none"}, gate ${m.chain.gate ?? "none"}`
      ]
    ] : [],
    ["kit", `mlops-kit ${m.kitVersion}, ${m.format}`]
  ];
  const blocks = [{ kind: "table", table: { headers: ["lineage", ""], rows: lineage } }];
  if (m.runUrl) blocks.push({ kind: "link", text: "The run that published it", url: m.runUrl });
  blocks.push(...modelCardBlocks(m));
  const metrics = Object.entries(m.metrics);
  blocks.push(
    metrics.length === 0 ? { kind: "text", text: "No metrics." } : {
      kind: "table",
      table: {
        headers: ["metric", "value"],
        align: ["left", "right"],
        rows: metrics.map(([name, value]) => [name, formatNumber(value)])
      }
    }
  );
  if (m.slices.length > 0) {
    const names = [...new Set(m.slices.flatMap((slice) => Object.keys(slice.metrics)))];
    blocks.push({
      kind: "table",
      table: {
        headers: ["slice", "rows", ...names],
        align: ["left", "right", ...names.map(() => "right")],
        rows: m.slices.map((slice) => [
          `${slice.column} = ${slice.value}`,
          String(slice.rows),
          ...names.map((name) => slice.metrics[name] === void 0 ? "\u2014" : formatNumber(slice.metrics[name]))
        ])
      }
    });
  }
  const params = Object.entries(m.params);
  if (params.length > 0) {
    blocks.push({
      kind: "table",
      table: { headers: ["param", "value"], rows: params.map(([name, value]) => [name, JSON.stringify(value) ?? "\u2014"]) }
    });
  }
  const data = m.data.flatMap(
    (dataset) => dataset.files.map((file) => [
      dataset.dataset,
      file.path,
      formatBytes(file.size),
      file.sha256 ? `sha256 ${file.sha256}` : `etag ${file.etag ?? ""}`
    ])
  );
  blocks.push(
    data.length === 0 ? { kind: "text", text: "No data fingerprints recorded." } : { kind: "table", table: { headers: ["dataset", "file", "size", "fingerprint"], rows: data } }
  );
  blocks.push({
    kind: "table",
    table: {
      headers: ["file", "size", "sha256"],
      align: ["left", "right", "left"],
      rows: [
        ...m.files.map((file) => [file.path, formatBytes(file.size), file.sha256]),
        ...Object.entries(m.attachments).map(([name, file]) => [
          `${file.path} (attachment: ${name})`,
          formatBytes(file.size),
          file.sha256
        ])
      ]
    }
  });
  return blocks;
}

// src/registry/page/sections.ts
var CHART_VERSIONS = 50;
var CHARTED_METRICS = 12;
function modelPageSections(page, options = {}) {
  return [
    overviewSection(page),
    // The figures before the long tables: a model of hundreds of versions has a versions table pages long.
    metricsSection(page, options),
    aliasSection(page),
    versionsSection(page),
    versionCards(page)
  ];
}
function labelsById(page) {
  return new Map(page.versions.map((manifest) => [manifest.version, versionLabel(manifest)]));
}
function overviewSection(page) {
  const labels = labelsById(page);
  const latest = page.versions.at(-1);
  const aliasNames = Object.keys(page.aliases);
  const since = /* @__PURE__ */ new Map();
  for (const event of page.history) since.set(event.alias, event.at);
  const blocks = [
    {
      kind: "text",
      text: `${page.model} in ${page.location}: ${page.versions.length} version(s)` + (latest ? `, the latest ${versionLabel(latest)} of ${latest.createdAt}` : "") + `; ${aliasNames.length} alias(es). Made ${page.generated}.`
    }
  ];
  if (aliasNames.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["alias", "version", "id", "since"],
        rows: aliasNames.map((alias) => {
          const id = page.aliases[alias] ?? "";
          return [alias, labels.get(id) ?? "\u2014", id, since.get(alias) ?? "\u2014"];
        })
      }
    });
  }
  if (page.damaged.length > 0) {
    blocks.push(
      {
        kind: "text",
        text: `${page.damaged.length} damaged object(s): the page shows the rest. \`mlops models fsck\` lists every problem; \`--repair\` moves damaged objects aside.`
      },
      {
        kind: "table",
        table: {
          headers: ["object", "what", "problem", "effect"],
          rows: page.damaged.map((d) => [
            d.key,
            d.kind === "manifest" ? `version ${d.subject}` : d.kind === "monitor-log" ? `monitoring log of ${d.subject}` : d.kind === "scoring-record" ? "batch-scoring record" : `alias ${d.subject}`,
            d.problem,
            d.effect
          ])
        }
      }
    );
  }
  return {
    title: `Model ${page.model}`,
    status: page.damaged.length > 0 ? "warn" : "ok",
    headline: `${page.versions.length} version(s)` + aliasNames.map((alias) => `, ${alias} ${labels.get(page.aliases[alias] ?? "") ?? "?"}`).join("") + (page.damaged.length > 0 ? `, ${page.damaged.length} damaged object(s)` : ""),
    blocks
  };
}
function storedSize(manifest) {
  const entries = [...manifest.files, ...Object.values(manifest.attachments)];
  return { files: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.size, 0) };
}
function commitOf(manifest) {
  const sha = manifest.git.sha ? manifest.git.sha.slice(0, 12) : "\u2014";
  return manifest.git.dirty ? `${sha} + changes` : sha;
}
function versionsSection(page) {
  const aliasesOf = /* @__PURE__ */ new Map();
  for (const [alias, id] of Object.entries(page.aliases)) aliasesOf.set(id, [...aliasesOf.get(id) ?? [], alias]);
  const table = {
    headers: ["#", "version", "created", "by", "commit", "gate", "files", "size", "aliases", "run"],
    align: ["right", "left", "left", "left", "left", "left", "right", "right", "left", "left"],
    rows: page.versions.map((m) => {
      const { files, bytes } = storedSize(m);
      return [
        versionLabel(m),
        m.version,
        m.createdAt,
        m.actor ?? "\u2014",
        commitOf(m),
        m.gate?.verdict ?? "not run",
        String(files),
        formatBytes(bytes),
        (aliasesOf.get(m.version) ?? []).join(", "),
        m.runUrl ?? "\u2014"
      ];
    })
  };
  for (const damage of page.damaged.filter((d) => d.kind === "manifest")) {
    table.rows.push(["\u2014", damage.subject, "\u2014", "\u2014", "\u2014", "damaged", "\u2014", "\u2014", "", `${damage.key} ${damage.problem}`]);
  }
  return {
    title: "Versions",
    status: "ok",
    headline: `${page.versions.length} version(s) in publish order`,
    blocks: table.rows.length === 0 ? [{ kind: "text", text: `No versions of ${page.model} yet.` }] : [
      { kind: "text", text: "Every version in publish order, oldest first." },
      { kind: "table", table }
    ]
  };
}
function metricSeries(page, primary) {
  const series = /* @__PURE__ */ new Map();
  if (primary !== void 0) series.set(primary, []);
  for (const manifest of page.versions) {
    for (const [name, value] of Object.entries(manifest.metrics)) {
      if (!Number.isFinite(value)) continue;
      series.set(name, [...series.get(name) ?? [], manifest]);
    }
  }
  return [...series].filter(([, versions]) => versions.length > 0);
}
function metricsSection(page, options) {
  const series = metricSeries(page, options.primaryMetric);
  if (series.length === 0) {
    return {
      title: "Metrics over versions",
      status: "skipped",
      headline: "no version has metrics",
      blocks: [{ kind: "text", text: "No version has metrics to draw." }]
    };
  }
  const charts = series.slice(0, CHARTED_METRICS).map(([name, versions]) => ({
    kind: "chart",
    chart: metricChart(name, versions)
  }));
  const names = series.map(([name]) => name);
  const table = {
    headers: ["version", ...names],
    align: ["left", ...names.map(() => "right")],
    rows: page.versions.map((m) => [
      versionLabel(m),
      ...names.map((name) => m.metrics[name] === void 0 ? "\u2014" : formatNumber(m.metrics[name]))
    ])
  };
  const left = series.length - CHARTED_METRICS;
  return {
    title: "Metrics over versions",
    status: "ok",
    headline: `${series.length} metric(s) over ${page.versions.length} version(s)`,
    blocks: [
      ...charts,
      ...left > 0 ? [{ kind: "text", text: `${left} more metric(s) are not drawn: the table has every metric.` }] : [],
      { kind: "details", summary: "Every metric of every version", blocks: [{ kind: "table", table }] }
    ]
  };
}
function metricChart(name, versions) {
  const shown = versions.slice(-CHART_VERSIONS);
  const first = shown[0];
  const last = shown.at(-1);
  const span = first && last ? `${versionLabel(first)} to ${versionLabel(last)}` : "";
  return {
    title: name,
    caption: versions.length > shown.length ? `${name} of the last ${shown.length} of ${versions.length} versions that have it (${span}); the table has all.` : `${name} of each version that has it, in publish order (${span}).`,
    labels: shown.map(versionLabel),
    bars: [],
    line: null,
    // A named line, so the HTML report's legend names the metric rather than a colour.
    lines: [{ values: shown.map((m) => m.metrics[name] ?? Number.NaN), colour: "blue", name }],
    range: null,
    yTitle: name
  };
}
function aliasSection(page) {
  if (page.history.length === 0) {
    return {
      title: "Alias history",
      status: "skipped",
      headline: "no alias has moved yet",
      blocks: [{ kind: "text", text: "No alias has moved yet: `mlops promote <version>` sets one." }]
    };
  }
  const labels = labelsById(page);
  const name = (id) => id === null ? "\u2014" : labels.get(id) ?? id;
  const table = {
    headers: ["when", "alias", "from", "to", "by", "reason", "run"],
    rows: page.history.map((e) => [
      e.at,
      e.alias,
      name(e.from),
      name(e.to),
      e.actor ?? "\u2014",
      e.reason + (e.forced ? " (forced)" : "") + (e.kind === "rollback" ? " (rollback)" : ""),
      e.runUrl ?? "\u2014"
    ])
  };
  const rollbacks = page.history.filter((e) => e.kind === "rollback").length;
  return {
    title: "Alias history",
    status: "ok",
    headline: `${page.history.length} move(s), ${rollbacks} rollback(s)`,
    blocks: [
      { kind: "timeline", timeline: aliasTimeline(page, name) },
      { kind: "details", summary: `Every alias move (${page.history.length})`, blocks: [{ kind: "table", table }] }
    ]
  };
}
function aliasTimeline(page, name) {
  const lanes = /* @__PURE__ */ new Map();
  for (const event of page.history) {
    const spans = lanes.get(event.alias) ?? [];
    const previous = spans.at(-1);
    if (previous) previous.to = event.at;
    const notes = [...event.kind === "rollback" ? ["rollback"] : [], ...event.forced ? ["forced"] : []];
    spans.push({
      label: name(event.to),
      from: event.at,
      to: null,
      ...notes.length > 0 ? { note: `${notes.join(", ")}: ${event.reason}` } : {}
    });
    lanes.set(event.alias, spans);
  }
  return {
    title: `Aliases of ${page.model}`,
    caption: "Which version each alias held, from each move to the next; rollbacks and forced promotions are marked.",
    lanes: [...lanes].sort(([a], [b]) => a.localeCompare(b)).map(([alias, spans]) => ({ name: alias, spans })),
    end: page.generated
  };
}

// src/registry/page/html.ts
function modelPageHtml(page, sections) {
  return renderHtmlDocument({
    title: `Model ${page.model}`,
    subtitle: `${page.versions.length} version(s) in ${page.location}`,
    generated: page.generated,
    sections,
    notes: [
      `Read from ${page.location} by mlops models report.`,
      `Charts draw the last ${CHART_VERSIONS} versions that have each metric; the tables list every version.`,
      ...page.damaged.length > 0 ? [`${page.damaged.length} damaged object(s) are listed in the overview; mlops models fsck says more.`] : []
    ]
  });
}

// src/registry/page/page.ts
async function buildModelPage(request) {
  const { registry, model } = request;
  const known = await registry.models();
  if (!known.includes(model)) {
    throw new InputError(
      `${registry.location} has no model ${model}` + (known.length > 0 ? `; the models there: ${known.join(", ")}` : "; it holds no models yet"),
      { hint: known.length > 0 ? `mlops models report ${known[0]}` : "publish a version first: mlops publish" }
    );
  }
  const page = await gatherModelPage(registry, model, { now: request.now, damaged: request.damaged });
  const sections = modelPageSections(page, request.primaryMetric ? { primaryMetric: request.primaryMetric } : {});
  return { page, sections, html: modelPageHtml(page, sections) };
}

export {
  modelPageMarkdown,
  buildModelPage
};
