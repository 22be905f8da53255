import { stringify } from "yaml";
import type { CardFacts, ChangeFact, ValueIntervalFact } from "./facts.ts";

/**
 * A version's model card (docs/model-card.md): markdown with Hugging Face-style YAML front matter (`license`, `tags`,
 * `datasets`, `metrics` and `model-index` in the Hub's shapes), then the sections people read: intended use, out of
 * scope, limitations, metrics with their intervals (or why a metric has none), data with the training-data profile,
 * lineage, files. Hub keys hold Hub-shaped values; what the Hub has no key for (the version, fingerprints, the profile,
 * the gate) sits under `mlops-kit`, and a metric's interval as `interval` on it (`no_interval` says why there is none).
 */

/** Where the front matter of a card ends: the markdown after it is the card's body (release notes embed it). */
export const FRONT_MATTER_END = "\n---\n";

export function renderModelCard(facts: CardFacts): string {
  const front = stringify(frontMatter(facts), { lineWidth: 0 }).trimEnd();
  return `---\n${front}${FRONT_MATTER_END}\n${cardBody(facts)}`;
}

/** The card's front matter as data: Hugging Face's keys, and the kit's own under `mlops-kit`. */
export function frontMatter(facts: CardFacts): Record<string, unknown> {
  const { card } = facts;
  const task = hubTask(facts.task);
  const evaluated = facts.data.find((d) => d.dataset === "eval") ?? null;
  const byMetric = new Map(facts.changes.filter((c) => c.slice === null).map((c) => [c.metric, c]));
  const overall = new Map(facts.intervals.filter((i) => i.slice === null).map((i) => [i.metric, i]));
  const results = [
    {
      task: { type: task },
      dataset: {
        type: evaluated ? "eval" : "evaluation",
        name: evaluated ? `eval (${evaluated.files.map((f) => f.path).join(", ")})` : "the evaluation's predictions",
        ...(evaluated?.files.length === 1 ? { revision: fileDigest(evaluated.files[0]) } : {}),
      },
      metrics: Object.entries(facts.metrics).map(([name, value]) => ({
        type: name,
        value,
        name,
        verified: false,
        ...intervalOf(overall.get(name), facts.noInterval[name]),
        ...changeOf(byMetric.get(name)),
      })),
    },
    ...sliceResults(
      facts.intervals.filter((i) => i.slice !== null),
      task,
    ),
  ];
  return {
    model_name: facts.model,
    ...(card?.license ? { license: hubLicense(card.license) } : {}),
    ...(card?.license && hubLicense(card.license) === "other" ? { license_name: card.license } : {}),
    pipeline_tag: task,
    tags: ["mlops-kit", ...(card?.tags ?? [])],
    ...(facts.data.length > 0 ? { datasets: facts.data.flatMap((d) => d.files.map((f) => f.path)) } : {}),
    ...(Object.keys(facts.metrics).length > 0 ? { metrics: Object.keys(facts.metrics) } : {}),
    ...(Object.keys(facts.metrics).length > 0 ? { "model-index": [{ name: facts.model, results }] } : {}),
    "mlops-kit": {
      version: versionName(facts),
      version_id: facts.version,
      created_at: facts.createdAt,
      task: facts.task,
      ...(card?.authors ? { authors: card.authors } : {}),
      data: facts.data.map((d) => ({
        dataset: d.dataset,
        ...(facts.rows[d.dataset] === undefined ? {} : { rows: facts.rows[d.dataset] }),
        files: d.files,
      })),
      ...(facts.profile
        ? {
            profile: {
              dataset: facts.profile.dataset,
              rows: facts.profile.rows,
              columns: facts.profile.columns.length,
              sha256: facts.profile.sha256,
            },
          }
        : {}),
      gate: facts.gate,
      git: {
        sha: facts.git.sha,
        ref: facts.git.ref,
        ...(facts.git.dirty === undefined ? {} : { dirty: facts.git.dirty }),
      },
      ...(facts.runUrl ? { run: facts.runUrl } : {}),
      kit: facts.kitVersion,
    },
  };
}

/** The version as people name it: its number (`v7`), which `mlops pull model@v7` takes. */
const versionName = (facts: CardFacts): string => `v${facts.sequence}`;

/** A metric's interval over all rows in the front matter, or why it has none. */
function intervalOf(interval: ValueIntervalFact | undefined, none: string | undefined): Record<string, unknown> {
  if (interval) {
    return {
      interval: {
        low: interval.low,
        high: interval.high,
        level: interval.level,
        method: interval.method,
        ...(interval.resamples === null ? {} : { resamples: interval.resamples }),
      },
    };
  }
  return { no_interval: none ?? "not computed" };
}

/** Hugging Face's pipeline tag: the kit's data are tables. */
function hubTask(task: CardFacts["task"]): string {
  return task === "classification" ? "tabular-classification" : "tabular-regression";
}

/** The Hub takes lowercase SPDX ids of its list; an expression or an id of one's own is `other` with its name. */
function hubLicense(spdx: string): string {
  return /^[A-Za-z0-9.-]+$/.test(spdx) && !spdx.startsWith("LicenseRef-") ? spdx.toLowerCase() : "other";
}

const fileDigest = (file: CardFacts["data"][number]["files"][number] | undefined): string =>
  file?.sha256 ? `sha256:${file.sha256}` : `etag:${file?.etag ?? ""}`;

function changeOf(change: ChangeFact | undefined): Record<string, unknown> {
  if (!change) return {};
  return {
    change: {
      delta: change.delta,
      relative: change.relative,
      test: change.test,
      level: change.level,
      ...(change.low !== null && change.high !== null ? { interval: [change.low, change.high] } : {}),
      ...(change.pValue !== null ? { p_value: change.pValue } : {}),
    },
  };
}

/** One model-index result per slice the gate gave an interval, the slice as the dataset's config. */
function sliceResults(intervals: readonly ValueIntervalFact[], task: string): unknown[] {
  return intervals.map((interval) => ({
    task: { type: task },
    dataset: { type: "eval", name: `eval where ${interval.slice ?? "all rows"}`, config: interval.slice ?? "all" },
    metrics: [
      {
        type: interval.metric,
        value: interval.value,
        name: interval.metric,
        verified: false,
        ...intervalOf(interval, undefined),
      },
    ],
  }));
}

function cardBody(facts: CardFacts): string {
  const { card } = facts;
  const lines: string[] = [`# ${facts.model} ${versionName(facts)}`, ""];
  if (facts.description) lines.push(facts.description, "");
  lines.push(`Version \`${facts.version}\` (number ${facts.sequence}), published ${facts.createdAt}.`, "");
  const who = card?.authors?.length ? `By ${card.authors.join(", ")}. ` : "";
  const license = card?.license ? `License: ${card.license}.` : "License: not stated (`card.license` in mlops.yml).";
  lines.push(`${who}${license} Task: ${facts.task}.`, "");
  lines.push("## Intended use", "", card?.intended_use ?? "_Not stated (`card.intended_use` in mlops.yml)._", "");
  lines.push("## Out of scope", "", ...listOr(card?.out_of_scope, "card.out_of_scope"), "");
  lines.push("## Limitations", "", ...listOr(card?.limitations, "card.limitations"), "");
  lines.push(...metricsSection(facts));
  lines.push(...dataSection(facts));
  lines.push(...lineageSection(facts));
  lines.push("## Files", "", "| file | bytes | sha256 |", "| --- | ---: | --- |");
  for (const file of facts.files) lines.push(`| ${cell(file.path)} | ${file.size} | \`${file.sha256}\` |`);
  lines.push("");
  return lines.join("\n");
}

function listOr(items: readonly string[] | undefined, field: string): string[] {
  return items && items.length > 0 ? items.map((item) => `- ${item}`) : [`_Not stated (\`${field}\` in mlops.yml)._`];
}

function metricsSection(facts: CardFacts): string[] {
  const lines = ["## Metrics", ""];
  const metrics = Object.entries(facts.metrics);
  if (metrics.length === 0) return [...lines, "_No metrics were recorded for this version._", ""];
  if (facts.evaluationRows !== null) lines.push(`Computed on ${facts.evaluationRows} evaluation row(s).`, "");
  const changes = new Map(facts.changes.filter((c) => c.slice === null).map((c) => [c.metric, c]));
  const overall = new Map(facts.intervals.filter((i) => i.slice === null).map((i) => [i.metric, i]));
  const baseline = facts.gate?.baseline;
  lines.push(
    `| metric | value | interval over all rows | change vs ${baseline ? cell(baseline) : "baseline"} (paired test) |`,
    "| --- | ---: | --- | --- |",
  );
  for (const [name, value] of metrics) {
    const interval = overall.get(name);
    const shown = interval
      ? describeInterval(interval)
      : `no interval computed: ${cell(facts.noInterval[name] ?? "not computed")}`;
    lines.push(`| ${cell(name)} | ${num(value)} | ${shown} | ${describeChange(changes.get(name))} |`);
  }
  lines.push("");
  const slices = facts.intervals.filter((i) => i.slice !== null);
  if (slices.length > 0) {
    lines.push("By slice, with the interval the gate computed:", "");
    lines.push("| metric | slice | rows | value | interval |", "| --- | --- | ---: | ---: | --- |");
    for (const i of slices) {
      lines.push(
        `| ${cell(i.metric)} | ${cell(i.slice ?? "all rows")} | ${i.rows} | ${num(i.value)} | ${describeInterval(i)} |`,
      );
    }
    lines.push("");
  }
  return lines;
}

/** An interval with its level and method, in words: `95% [0.8, 0.9] (Wilson score interval)`. */
function describeInterval(interval: ValueIntervalFact): string {
  return `${percent(interval.level)} [${num(interval.low)}, ${num(interval.high)}] (${METHODS[interval.method](interval)})`;
}

const METHODS: Record<ValueIntervalFact["method"], (interval: ValueIntervalFact) => string> = {
  wilson: () => "Wilson score interval",
  delong: () => "DeLong's interval",
  normal: () => "normal interval of the mean",
  bootstrap: (interval) => `percentile bootstrap, ${interval.resamples ?? "?"} resamples`,
};

function describeChange(change: ChangeFact | undefined): string {
  if (!change) return "—";
  const delta =
    change.delta === null
      ? "?"
      : `${change.delta >= 0 ? "+" : ""}${num(change.delta)}${change.relative ? " (relative)" : ""}`;
  if (change.test === "mcnemar") return `${delta}, McNemar p = ${num(change.pValue ?? Number.NaN)}`;
  return `${delta}, ${percent(change.level)} [${num(change.low ?? Number.NaN)}, ${num(change.high ?? Number.NaN)}] (bootstrap)`;
}

function dataSection(facts: CardFacts): string[] {
  const lines = ["## Data", ""];
  if (facts.data.length === 0)
    return [...lines, "_No data was recorded for this version._", "", ...profileSection(facts)];
  lines.push("| dataset | rows | file | bytes | fingerprint |", "| --- | ---: | --- | ---: | --- |");
  for (const dataset of facts.data) {
    const rows = facts.rows[dataset.dataset];
    for (const file of dataset.files) {
      lines.push(
        `| ${dataset.dataset} | ${rows === undefined ? "—" : rows} | ${cell(file.path)} | ${file.size} | \`${fileDigest(file)}\` |`,
      );
    }
  }
  lines.push("", ...profileSection(facts));
  return lines;
}

/** The most columns the card lists one by one; the profile attachment holds them all. */
const PROFILE_COLUMNS_LISTED = 50;

/** The stored training-data profile in brief: rows, columns with type, nulls and distinct values, its digest. */
function profileSection(facts: CardFacts): string[] {
  const { profile } = facts;
  if (!profile) {
    return [
      "### Training-data profile",
      "",
      "_No profile is stored with this version (the validate stage did not run)._",
      "",
    ];
  }
  const merged = profile.parts > 1 ? `, merged from ${profile.parts} shard profiles` : "";
  const lines = [
    "### Training-data profile",
    "",
    `The profile of ${profile.dataset} stored with this version (its \`profile\` attachment, sha256 \`${profile.sha256}\`): ` +
      `${profile.rows} row(s), ${profile.columns.length} column(s)${merged}. Drift measured against this version uses it as the reference.`,
    "",
    "| column | type | nulls | distinct |",
    "| --- | --- | ---: | ---: |",
  ];
  for (const column of profile.columns.slice(0, PROFILE_COLUMNS_LISTED)) {
    const distinct = column.distinct ? `${column.distinct.exact ? "" : "≈"}${column.distinct.value}` : "—";
    lines.push(`| ${cell(column.name)} | ${column.type} | ${column.nulls} | ${distinct} |`);
  }
  const more = profile.columns.length - PROFILE_COLUMNS_LISTED;
  if (more > 0) lines.push("", `_${more} more column(s) are in the version's \`profile\` attachment._`);
  lines.push("");
  return lines;
}

function lineageSection(facts: CardFacts): string[] {
  const { git } = facts;
  const commit = git.sha ?? "unknown";
  const tree = git.dirty
    ? ` + uncommitted changes (${git.diff ?? "no diff hash"})`
    : git.dirty === false
      ? " (clean)"
      : "";
  const gate = facts.gate
    ? `${facts.gate.verdict}${facts.gate.baseline ? ` against ${facts.gate.baseline}` : " (no baseline: a first version)"}`
    : "not run";
  return [
    "## Lineage",
    "",
    `- Commit: ${commit}${tree}${git.ref ? ` on ${git.ref}` : ""}${facts.repository ? ` in ${facts.repository}` : ""}`,
    `- Run: ${facts.runUrl ?? "a local run"}${facts.actor ? ` by ${facts.actor}` : ""}`,
    `- Gate: ${gate}`,
    `- Made by mlops-kit ${facts.kitVersion}`,
    "",
    "Params:",
    "",
    "```json",
    JSON.stringify(facts.params, null, 2),
    "```",
    "",
  ];
}

const num = (value: number): string => (Number.isFinite(value) ? String(Number(value.toPrecision(6))) : "—");
const percent = (level: number): string => `${Number((level * 100).toPrecision(4))}%`;
/** A table cell: pipes and line breaks would break the row. */
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
