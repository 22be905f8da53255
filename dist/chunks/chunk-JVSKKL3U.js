import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  championProfile,
  validationOptions
} from "./chunk-WXVUEIVD.js";
import {
  runReportFile,
  writeRunReport
} from "./chunk-5I3LMDH3.js";
import {
  validateSection
} from "./chunk-IKP5MKZU.js";
import {
  readProfileFile,
  validateDatasets
} from "./chunk-QJXKZEE6.js";
import {
  formatShort
} from "./chunk-XCPY3VZS.js";
import {
  fingerprintDatasets
} from "./chunk-MCQ3S4MW.js";
import {
  progressReporter
} from "./chunk-CKB3RMBO.js";
import {
  CACHE_FORMAT_VERSION,
  cacheKeyOf,
  codeChangedSince,
  collectKeyMaterial
} from "./chunk-OBRNAMFT.js";
import {
  legParams
} from "./chunk-CZTUXZTR.js";
import {
  readStageResult,
  saveStageRun
} from "./chunk-SNPX46U6.js";
import {
  StaleInputError,
  dataIdentity,
  describeCommit,
  describeTargets,
  describeTrainRun,
  digestModel,
  modelDifference,
  newResultId,
  overallIntervals,
  runGate
} from "./chunk-SLSOLTLA.js";
import {
  applyOverrides,
  describeOverrides,
  loadParams,
  paramEnvironment,
  paramsFormat,
  parse,
  parseOverrides,
  stringify
} from "./chunk-IY6KPMTB.js";
import {
  evaluateModel,
  predictionColumns,
  readPredictions,
  resolvePositiveLabel
} from "./chunk-QFBHIOL6.js";
import {
  describeFailure,
  runCommand
} from "./chunk-LFNSLPCM.js";
import {
  evaluateSection,
  gateSection
} from "./chunk-533AISZH.js";
import {
  renderingInJob,
  userSectionWarnings
} from "./chunk-Y4XFK5HZ.js";
import {
  digestFiles,
  sha256File
} from "./chunk-CQ3WEECP.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import {
  openObjectStore,
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  formatBytes
} from "./chunk-LP2MTGO2.js";
import {
  createLocalStore
} from "./chunk-U3KBKKVS.js";
import {
  KIT_VERSION
} from "./chunk-MFDUBFJ5.js";
import {
  workspaceFor
} from "./chunk-I7YBYH2J.js";
import {
  CACHE_BACKENDS
} from "./chunk-RRG6TSJC.js";
import {
  redactorFor
} from "./chunk-5PEOAABG.js";
import {
  require_dist
} from "./chunk-VJBMOATJ.js";
import {
  runOrigin
} from "./chunk-EYNKBRNV.js";
import {
  _enum,
  _nonnegative,
  _regex,
  array,
  boolean,
  int,
  literal,
  nullable,
  number,
  object,
  optional,
  record,
  string,
  unknown
} from "./chunk-MOKAEFJD.js";
import {
  isInside,
  isS3Uri,
  relativePathProblem
} from "./chunk-SN54LWLO.js";
import {
  ExitCode,
  ExternalError,
  InputError,
  UsageError,
  UserError,
  isErrnoException
} from "./chunk-XOZC47AQ.js";
import {
  __toESM
} from "./chunk-RZGYXAJU.js";

// src/pipeline/stages.ts
import { mkdir as mkdir8, rm as rm5, stat as stat2, writeFile as writeFile6 } from "node:fs/promises";
import path10 from "node:path";

// src/publish/publish.ts
import { createHash } from "node:crypto";
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/card/write.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// src/card/model-card.ts
var import_yaml = __toESM(require_dist(), 1);
var FRONT_MATTER_END = "\n---\n";
function renderModelCard(facts) {
  const front = (0, import_yaml.stringify)(frontMatter(facts), { lineWidth: 0 }).trimEnd();
  return `---
${front}${FRONT_MATTER_END}
${cardBody(facts)}`;
}
function frontMatter(facts) {
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
        ...evaluated?.files.length === 1 ? { revision: fileDigest(evaluated.files[0]) } : {}
      },
      metrics: Object.entries(facts.metrics).map(([name, value]) => ({
        type: name,
        value,
        name,
        verified: false,
        ...intervalOf(overall.get(name), facts.noInterval[name]),
        ...changeOf(byMetric.get(name))
      }))
    },
    ...sliceResults(
      facts.intervals.filter((i) => i.slice !== null),
      task
    )
  ];
  return {
    model_name: facts.model,
    ...card?.license ? { license: hubLicense(card.license) } : {},
    ...card?.license && hubLicense(card.license) === "other" ? { license_name: card.license } : {},
    pipeline_tag: task,
    tags: ["mlops-kit", ...card?.tags ?? []],
    ...facts.data.length > 0 ? { datasets: facts.data.flatMap((d) => d.files.map((f) => f.path)) } : {},
    ...Object.keys(facts.metrics).length > 0 ? { metrics: Object.keys(facts.metrics) } : {},
    ...Object.keys(facts.metrics).length > 0 ? { "model-index": [{ name: facts.model, results }] } : {},
    "mlops-kit": {
      version: versionName(facts),
      version_id: facts.version,
      created_at: facts.createdAt,
      task: facts.task,
      ...card?.authors ? { authors: card.authors } : {},
      data: facts.data.map((d) => ({
        dataset: d.dataset,
        ...facts.rows[d.dataset] === void 0 ? {} : { rows: facts.rows[d.dataset] },
        files: d.files
      })),
      ...facts.profile ? {
        profile: {
          dataset: facts.profile.dataset,
          rows: facts.profile.rows,
          columns: facts.profile.columns.length,
          sha256: facts.profile.sha256
        }
      } : {},
      gate: facts.gate,
      git: {
        sha: facts.git.sha,
        ref: facts.git.ref,
        ...facts.git.dirty === void 0 ? {} : { dirty: facts.git.dirty }
      },
      ...facts.runUrl ? { run: facts.runUrl } : {},
      kit: facts.kitVersion
    }
  };
}
var versionName = (facts) => `v${facts.sequence}`;
function intervalOf(interval, none) {
  if (interval) {
    return {
      interval: {
        low: interval.low,
        high: interval.high,
        level: interval.level,
        method: interval.method,
        ...interval.resamples === null ? {} : { resamples: interval.resamples }
      }
    };
  }
  return { no_interval: none ?? "not computed" };
}
function hubTask(task) {
  return task === "classification" ? "tabular-classification" : "tabular-regression";
}
function hubLicense(spdx) {
  return /^[A-Za-z0-9.-]+$/.test(spdx) && !spdx.startsWith("LicenseRef-") ? spdx.toLowerCase() : "other";
}
var fileDigest = (file) => file?.sha256 ? `sha256:${file.sha256}` : `etag:${file?.etag ?? ""}`;
function changeOf(change) {
  if (!change) return {};
  return {
    change: {
      delta: change.delta,
      relative: change.relative,
      test: change.test,
      level: change.level,
      ...change.low !== null && change.high !== null ? { interval: [change.low, change.high] } : {},
      ...change.pValue !== null ? { p_value: change.pValue } : {}
    }
  };
}
function sliceResults(intervals, task) {
  return intervals.map((interval) => ({
    task: { type: task },
    dataset: { type: "eval", name: `eval where ${interval.slice ?? "all rows"}`, config: interval.slice ?? "all" },
    metrics: [
      {
        type: interval.metric,
        value: interval.value,
        name: interval.metric,
        verified: false,
        ...intervalOf(interval, void 0)
      }
    ]
  }));
}
function cardBody(facts) {
  const { card } = facts;
  const lines = [`# ${facts.model} ${versionName(facts)}`, ""];
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
function listOr(items, field) {
  return items && items.length > 0 ? items.map((item) => `- ${item}`) : [`_Not stated (\`${field}\` in mlops.yml)._`];
}
function metricsSection(facts) {
  const lines = ["## Metrics", ""];
  const metrics = Object.entries(facts.metrics);
  if (metrics.length === 0) return [...lines, "_No metrics were recorded for this version._", ""];
  if (facts.evaluationRows !== null) lines.push(`Computed on ${facts.evaluationRows} evaluation row(s).`, "");
  const changes = new Map(facts.changes.filter((c) => c.slice === null).map((c) => [c.metric, c]));
  const overall = new Map(facts.intervals.filter((i) => i.slice === null).map((i) => [i.metric, i]));
  const baseline = facts.gate?.baseline;
  lines.push(
    `| metric | value | interval over all rows | change vs ${baseline ? cell(baseline) : "baseline"} (paired test) |`,
    "| --- | ---: | --- | --- |"
  );
  for (const [name, value] of metrics) {
    const interval = overall.get(name);
    const shown = interval ? describeInterval(interval) : `no interval computed: ${cell(facts.noInterval[name] ?? "not computed")}`;
    lines.push(`| ${cell(name)} | ${num(value)} | ${shown} | ${describeChange(changes.get(name))} |`);
  }
  lines.push("");
  const slices = facts.intervals.filter((i) => i.slice !== null);
  if (slices.length > 0) {
    lines.push("By slice, with the interval the gate computed:", "");
    lines.push("| metric | slice | rows | value | interval |", "| --- | --- | ---: | ---: | --- |");
    for (const i of slices) {
      lines.push(
        `| ${cell(i.metric)} | ${cell(i.slice ?? "all rows")} | ${i.rows} | ${num(i.value)} | ${describeInterval(i)} |`
      );
    }
    lines.push("");
  }
  return lines;
}
function describeInterval(interval) {
  return `${percent(interval.level)} [${num(interval.low)}, ${num(interval.high)}] (${METHODS[interval.method](interval)})`;
}
var METHODS = {
  wilson: () => "Wilson score interval",
  delong: () => "DeLong's interval",
  normal: () => "normal interval of the mean",
  bootstrap: (interval) => `percentile bootstrap, ${interval.resamples ?? "?"} resamples`
};
function describeChange(change) {
  if (!change) return "\u2014";
  const delta = change.delta === null ? "?" : `${change.delta >= 0 ? "+" : ""}${num(change.delta)}${change.relative ? " (relative)" : ""}`;
  if (change.test === "mcnemar") return `${delta}, McNemar p = ${num(change.pValue ?? Number.NaN)}`;
  return `${delta}, ${percent(change.level)} [${num(change.low ?? Number.NaN)}, ${num(change.high ?? Number.NaN)}] (bootstrap)`;
}
function dataSection(facts) {
  const lines = ["## Data", ""];
  if (facts.data.length === 0)
    return [...lines, "_No data was recorded for this version._", "", ...profileSection(facts)];
  lines.push("| dataset | rows | file | bytes | fingerprint |", "| --- | ---: | --- | ---: | --- |");
  for (const dataset of facts.data) {
    const rows = facts.rows[dataset.dataset];
    for (const file of dataset.files) {
      lines.push(
        `| ${dataset.dataset} | ${rows === void 0 ? "\u2014" : rows} | ${cell(file.path)} | ${file.size} | \`${fileDigest(file)}\` |`
      );
    }
  }
  lines.push("", ...profileSection(facts));
  return lines;
}
var PROFILE_COLUMNS_LISTED = 50;
function profileSection(facts) {
  const { profile } = facts;
  if (!profile) {
    return [
      "### Training-data profile",
      "",
      "_No profile is stored with this version (the validate stage did not run)._",
      ""
    ];
  }
  const merged = profile.parts > 1 ? `, merged from ${profile.parts} shard profiles` : "";
  const lines = [
    "### Training-data profile",
    "",
    `The profile of ${profile.dataset} stored with this version (its \`profile\` attachment, sha256 \`${profile.sha256}\`): ${profile.rows} row(s), ${profile.columns.length} column(s)${merged}. Drift measured against this version uses it as the reference.`,
    "",
    "| column | type | nulls | distinct |",
    "| --- | --- | ---: | ---: |"
  ];
  for (const column of profile.columns.slice(0, PROFILE_COLUMNS_LISTED)) {
    const distinct = column.distinct ? `${column.distinct.exact ? "" : "\u2248"}${column.distinct.value}` : "\u2014";
    lines.push(`| ${cell(column.name)} | ${column.type} | ${column.nulls} | ${distinct} |`);
  }
  const more = profile.columns.length - PROFILE_COLUMNS_LISTED;
  if (more > 0) lines.push("", `_${more} more column(s) are in the version's \`profile\` attachment._`);
  lines.push("");
  return lines;
}
function lineageSection(facts) {
  const { git } = facts;
  const commit = git.sha ?? "unknown";
  const tree = git.dirty ? ` + uncommitted changes (${git.diff ?? "no diff hash"})` : git.dirty === false ? " (clean)" : "";
  const gate = facts.gate ? `${facts.gate.verdict}${facts.gate.baseline ? ` against ${facts.gate.baseline}` : " (no baseline: a first version)"}` : "not run";
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
    ""
  ];
}
var num = (value) => Number.isFinite(value) ? String(Number(value.toPrecision(6))) : "\u2014";
var percent = (level) => `${Number((level * 100).toPrecision(4))}%`;
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

// src/card/facts.ts
function gateIntervals(gate) {
  if (!gate || gate.verdict === "skipped") return { intervals: [], changes: [] };
  const intervals = [];
  for (const bars of gate.charts?.slices ?? []) {
    for (const bar of bars.bars) {
      const interval = bar.candidateInterval;
      if (!interval || bar.candidate === null) continue;
      intervals.push({
        metric: bars.metric,
        slice: `${bars.column}=${bar.value}`,
        rows: bar.rows,
        value: bar.candidate,
        low: interval.low,
        high: interval.high,
        level: interval.level,
        method: interval.method,
        resamples: interval.resamples
      });
    }
  }
  const changes = [];
  for (const outcome of gate.outcomes) {
    const test = outcome.significance;
    if (!test || test.status !== "applied") continue;
    changes.push({
      metric: outcome.metric,
      slice: outcome.slice ? `${outcome.slice.column}=${outcome.slice.value}` : null,
      delta: outcome.delta,
      relative: outcome.relative,
      test: test.test,
      level: test.level,
      low: test.test === "bootstrap" ? test.low : null,
      high: test.test === "bootstrap" ? test.high : null,
      pValue: test.test === "mcnemar" ? test.pValue : null
    });
  }
  return { intervals, changes };
}

// src/card/intervals.ts
async function intervalsOverAllRows(config, evaluation) {
  const metrics = Object.keys(evaluation?.metrics ?? {});
  const none = (why) => ({
    intervals: [],
    noInterval: Object.fromEntries(metrics.map((metric) => [metric, why(metric)]))
  });
  const snapshot = evaluation?.predictions;
  const configured = config.evaluate?.predictions;
  if (!evaluation || metrics.length === 0) return { intervals: [], noInterval: {} };
  if (!snapshot || !configured) return none(() => "no per-row predictions were stored with this version");
  const columns = predictionColumns(configured);
  const fromPredictions = metrics.filter((metric) => evaluation.sources[metric] === columns.path);
  let candidate;
  try {
    candidate = await readPredictions(snapshot.snapshot, columns, {
      task: config.model.task,
      slices: [],
      source: columns.path
    });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return none(() => `the predictions could not be read again: ${error.message}`);
  }
  const levels = /* @__PURE__ */ new Map();
  for (const rule of config.gate?.rules ?? []) {
    if (rule.significance !== void 0 && rule.slice === void 0) levels.set(rule.metric, rule.significance);
  }
  const computed = overallIntervals(fromPredictions, {
    candidate,
    positiveLabel: resolvePositiveLabel(config.model.positive_label, candidate.labels.classes),
    settings: { ...config.gate?.bootstrap ?? { resamples: 1e3, seed: 42 }, level: 0.95 },
    levels
  });
  const intervals = [];
  const noInterval = {};
  for (const metric of metrics) {
    const interval = computed.get(metric);
    const value = evaluation.metrics[metric];
    if (interval === void 0)
      noInterval[metric] = `it comes from ${evaluation.sources[metric] ?? "a metrics file"}, not from per-row predictions`;
    else if (typeof interval === "string") noInterval[metric] = interval;
    else if (value !== void 0) {
      intervals.push({
        metric,
        slice: null,
        rows: candidate.rows,
        value,
        low: interval.low,
        high: interval.high,
        level: interval.level,
        method: interval.method,
        resamples: interval.resamples
      });
    }
  }
  return { intervals, noInterval };
}

// src/card/profile.ts
async function profileFact(file) {
  if (file === null) return null;
  const profile = await readProfileFile(file, "the training-data profile", "run the validate stage first");
  return {
    dataset: profile.dataset,
    sha256: (await sha256File(file)).sha256,
    rows: profile.rows,
    columns: profile.columns.map((column) => ({
      name: column.name,
      type: column.type,
      nulls: column.summary.nulls,
      distinct: column.summary.distinct
    })),
    parts: profile.parts
  };
}

// src/card/write.ts
var CARD_ATTACHMENT = "card";
var MLBOM_ATTACHMENT = "mlbom";
function cardAttachments(outDir, inputs) {
  const dir = path.join(outDir, "card");
  const factsOf = (identity) => ({
    ...inputs,
    version: identity.version,
    sequence: identity.sequence,
    createdAt: identity.createdAt
  });
  const card = path.join(dir, "model-card.md");
  const mlbom = path.join(dir, "ml-bom.cdx.json");
  return [
    {
      name: CARD_ATTACHMENT,
      source: card,
      write: async (identity) => {
        await mkdir(dir, { recursive: true });
        await writeFile(card, renderModelCard(factsOf(identity)));
      }
    },
    {
      name: MLBOM_ATTACHMENT,
      source: mlbom,
      write: async (identity) => {
        const { renderMlBom } = await import("./ml-bom-CHZPSQNQ.js");
        await mkdir(dir, { recursive: true });
        await writeFile(mlbom, renderMlBom(factsOf(identity)));
      }
    }
  ];
}

// src/publish/publish.ts
async function publishModel(context, registry, inputs, options = { allowDirty: false }) {
  const { loaded, provenance } = context;
  const { config, root } = loaded;
  const targets = config.publish.files ?? config.train?.outputs ?? [];
  if (targets.length === 0) {
    throw new InputError("nothing to publish: publish.files and train.outputs are both empty", {
      hint: "list the model files in publish.files"
    });
  }
  let digests;
  try {
    digests = await digestFiles(root, targets);
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) {
      throw new InputError(`cannot publish: ${path2.relative(root, error.path ?? "") || "a file"} does not exist`, {
        hint: "run the train stage first (publish.files or train.outputs)"
      });
    }
    throw error;
  }
  const data = await fingerprintDatasets(config.data, root, projectStoreSettings(config.registry, context.env));
  const gateRecord = inputs.gate && inputs.gate.verdict !== "skipped" ? { verdict: inputs.gate.verdict, baseline: inputs.gate.baseline?.description ?? null } : null;
  const git = gitRecord(inputs.chain, context);
  const overrides = inputs.train ? inputs.chain?.overrides : void 0;
  const cardFiles = cardAttachments(context.workspace.outDir, {
    model: config.model.name,
    task: config.model.task,
    description: config.model.description ?? null,
    card: config.card ?? null,
    files: digests,
    metrics: inputs.evaluation?.metrics ?? {},
    data,
    rows: Object.fromEntries((inputs.validation?.datasets ?? []).map((d) => [d.name, d.rows])),
    evaluationRows: inputs.evaluation?.rows ?? null,
    params: inputs.train?.params ?? {},
    gate: gateRecord,
    ...mergeIntervals(await intervalsOverAllRows(config, inputs.evaluation), gateIntervals(inputs.gate)),
    profile: await profileFact(inputs.validation?.profile ?? null),
    git,
    repository: provenance.repository,
    runUrl: provenance.runUrl,
    actor: provenance.actor,
    kitVersion: KIT_VERSION
  });
  const progress = progressReporter(
    (line) => context.logger.info(line),
    () => context.now().getTime()
  );
  const manifest = await registry.publish(
    {
      model: config.model.name,
      files: digests.map((d) => ({ path: d.path, source: path2.join(root, d.path) })),
      // The evaluation predictions travel with the version, so a later candidate can be tested against them row by row.
      attachments: [
        ...inputs.evaluation?.predictions ? [{ name: "predictions", source: inputs.evaluation.predictions.snapshot }] : [],
        ...inputs.validation?.profile ? [{ name: "profile", source: inputs.validation.profile }] : [],
        // The run's HTML report, so a version can be looked at later as its reviewers saw it.
        ...inputs.report ? [{ name: "report", source: inputs.report }] : [],
        ...cardFiles
      ],
      metrics: inputs.evaluation?.metrics ?? {},
      slices: inputs.evaluation?.slices ?? [],
      gate: gateRecord,
      params: inputs.train?.params ?? {},
      ...overrides ? { overrides } : {},
      data,
      git,
      chain: {
        trainRun: inputs.chain?.trainRun ?? null,
        evaluation: inputs.evaluation?.chain.id ?? null,
        gate: inputs.gate && inputs.gate.verdict !== "skipped" ? inputs.gate.chain.id : null
      },
      runUrl: provenance.runUrl,
      actor: provenance.actor,
      repository: provenance.repository,
      kitVersion: KIT_VERSION
    },
    { onProgress: progress }
  );
  await cleanDebris(context, registry, config.model.name);
  const manifestBytes = await registry.manifestBytes(manifest);
  const manifestFile = path2.join(context.workspace.outDir, "manifest.json");
  await mkdir2(context.workspace.outDir, { recursive: true });
  await writeFile2(manifestFile, manifestBytes);
  const signing = config.registry.signing;
  if (signing?.key_env !== void 0 && signing.key_file === void 0 && !context.env[signing.key_env]?.trim()) {
    context.logger.warn(
      `${config.model.name} ${manifest.version} was published unsigned: $${signing.key_env} is not set (registry.signing.key_env); sign it with mlops sign ${config.model.name}@${manifest.version}`
    );
  }
  const alias = config.publish.promote;
  let promoted = null;
  let refusedDirty = false;
  const tree = manifest.git.dirty ? inputs.chain?.git ?? context.provenance.worktree : null;
  const built = { tree, commit: manifest.git.sha, overrides: manifest.overrides ?? [] };
  const refusal = alias === false ? { short: "publish.promote is false", why: "publish.promote is false", dirty: false } : promotionRefusal(context, inputs.gate, built, options);
  let promotion;
  if (alias === false || refusal) {
    refusedDirty = refusal?.dirty === true;
    promotion = `not promoted${alias === false ? "" : ` to ${alias}`}: ${refusal?.why ?? ""}`;
  } else {
    const baseline = inputs.gate?.baseline?.description;
    const dirtyNote = tree || built.commit && built.overrides.length > 0 ? ` (built from ${describeBuild(manifest)}, --allow-dirty)` : "";
    await registry.moveAlias(config.model.name, alias, manifest.version, {
      at: context.now().toISOString(),
      actor: provenance.actor,
      reason: (baseline ? `gate passed against ${baseline}` : "gate passed (first version)") + dirtyNote,
      runUrl: provenance.runUrl,
      forced: false
    });
    promoted = alias;
    promotion = `promoted to ${alias}`;
  }
  return {
    stage: "publish",
    model: config.model.name,
    version: manifest.version,
    sequence: manifest.sequence ?? null,
    uri: `${registry.location}/${config.model.name}/versions/${manifest.version}`,
    manifest: `${registry.location}/${config.model.name}/versions/${manifest.version}/manifest.json`,
    manifestFile,
    manifestSha256: createHash("sha256").update(manifestBytes).digest("hex"),
    files: manifest.files.length,
    bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    promoted,
    promotion,
    notPromotedBecause: refusal?.short ?? null,
    refusedDirty,
    builtFrom: manifest.git.sha ? describeBuild(manifest) : null
  };
}
function mergeIntervals(overall, gate) {
  return {
    intervals: [...overall.intervals, ...gate.intervals],
    noInterval: overall.noInterval,
    changes: gate.changes
  };
}
function describeBuild(manifest) {
  const commit = describeCommit({ commit: manifest.git.sha ?? "", dirty: manifest.git.dirty === true });
  const overrides = manifest.overrides ?? [];
  return overrides.length > 0 ? `${commit} with ${describeOverrides(overrides)}` : commit;
}
function gitRecord(chain, context) {
  const { provenance } = context;
  const tree = chain?.git ?? provenance.worktree;
  if (!tree) return { sha: provenance.gitSha, ref: provenance.ref };
  return {
    sha: tree.commit,
    ref: provenance.ref,
    dirty: tree.dirty,
    diff: tree.diff,
    ...tree.dirty ? { changed: tree.changed } : {}
  };
}
function promotionRefusal(context, gate, built, options) {
  const { tree, commit, overrides } = built;
  const { config } = context.loaded;
  const { ref } = context.provenance;
  const reasons = [];
  if (!gate || gate.verdict === "skipped") {
    reasons.push({ short: "no gate verdict", why: "no gate verdict (run the gate stage first)", dirty: false });
  } else if (gate.verdict !== "pass") {
    const why = `the gate verdict is ${gate.verdict}`;
    reasons.push({ short: why, why, dirty: false });
  }
  if (!promotesFrom(ref, config.publish.promote_branches)) {
    const branches = config.publish.promote_branches.join(", ");
    reasons.push({
      short: `${shortRef(ref)} is not in publish.promote_branches (${branches})`,
      why: `${ref} is not one of publish.promote_branches (${branches})`,
      dirty: false
    });
  }
  if (tree && !options.allowDirty) {
    reasons.push({
      short: "built from uncommitted changes",
      why: `it was built from ${describeCommit(tree)} (${tree.changedCount} changed path(s), e.g. ${tree.changed.slice(0, 3).join(", ")}); commit them and run again, or pass --allow-dirty to promote it as it is`,
      dirty: true
    });
  }
  if (commit && overrides.length > 0 && !options.allowDirty) {
    reasons.push({
      short: "trained with --set overrides",
      why: `it was trained with ${describeOverrides(overrides)}, which the params at commit ${commit.slice(0, 7)} do not hold; commit the values and run again, or pass --allow-dirty to promote it as it is`,
      dirty: true
    });
  }
  if (reasons.length === 0) return null;
  return {
    short: reasons.map((r) => r.short).join("; "),
    why: reasons.map((r) => r.why).join("; "),
    // Exit 1 (a promotion check failed) asks for --allow-dirty: only when that flag alone would have promoted the version.
    dirty: reasons.every((r) => r.dirty)
  };
}
function shortRef(ref) {
  return ref?.replace(/^refs\/heads\//, "") ?? "this run";
}
function promotesFrom(ref, branches) {
  if (ref === null) return true;
  const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
  return branch !== void 0 && branches.includes(branch);
}
async function cleanDebris(context, registry, model) {
  try {
    const cleaned = await registry.clean(model);
    if (cleaned.versions.length > 0 || cleaned.uploads > 0) {
      context.logger.info(
        `removed the debris of ${cleaned.versions.length} interrupted publish(es) (${cleaned.objects} object(s)) and ${cleaned.uploads} unfinished upload(s)`
      );
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const denied = /access denied/i.test(message) ? "; the registry's write role may not delete version objects by design: run `mlops models clean` with the maintenance permissions" : "";
    context.logger.warn(`could not clean up after interrupted publishes: ${message}${denied}`);
  }
}

// src/publish/section.ts
function publishSection(result) {
  return {
    title: "Publish",
    status: "ok",
    headline: `${result.version}, ${result.promoted ? `promoted to ${result.promoted}` : `not promoted: ${result.notPromotedBecause ?? "see the report"}`}`,
    blocks: [
      {
        kind: "text",
        text: `${result.model} ${result.version}: ${result.files} file(s), ${result.bytes} bytes, stored at ${result.uri}.`
      },
      ...result.builtFrom ? [{ kind: "text", text: `Built from ${result.builtFrom}.` }] : [],
      { kind: "text", text: `${result.promotion[0]?.toUpperCase() ?? ""}${result.promotion.slice(1)}.` }
    ]
  };
}

// src/train/train.ts
import { existsSync } from "node:fs";
import { mkdir as mkdir7, writeFile as writeFile5 } from "node:fs/promises";
import path9 from "node:path";

// src/cache/open.ts
import path6 from "node:path";

// src/cache/actions-backend.ts
import { copyFile as copyFile2, link, mkdir as mkdir4, readFile, rm as rm2, writeFile as writeFile3 } from "node:fs/promises";
import path4 from "node:path";

// src/cache/actions-cache-calls.ts
async function restoreExactKey(cache, paths, key) {
  const { value: restoredKey, log } = await readingToolkitLog(() => cache.restoreCache(paths, key));
  if (restoredKey !== void 0) return { restoredKey };
  const failure = log.find((line) => line.level !== "debug" && /^Failed to restore:/.test(line.text));
  if (!failure) return { restoredKey: void 0 };
  const said = failure.text.replace(/^Failed to restore:\s*/, "");
  const found = log.some((line) => line.text.startsWith("Cache hit for"));
  throw new ExternalError(
    found ? `an entry was found, but downloading or unpacking it failed: ${said || "@actions/cache passed on an error without a message"}` : `the cache service failed: ${said || "@actions/cache gave no reason"}`
  );
}
async function saveUnderKey(cache, paths, key) {
  const { value: id, log } = await readingToolkitLog(() => cache.saveCache(paths, key));
  if (id !== -1) return { saved: true };
  const said = (pattern) => log.find((line) => SAVE_PROBLEM.test(line.text) && pattern.test(line.text))?.text;
  if (said(/already exists/i)) {
    return {
      saved: false,
      reason: "the Actions cache already holds this key for this branch (keys are immutable: an earlier or parallel job saved it first, and later runs with this key restore that entry)"
    };
  }
  const denied = said(/cache write denied:/);
  if (denied) {
    const detail = denied.slice(denied.indexOf("cache write denied:"));
    return { saved: false, reason: `the runner's token may not write the Actions cache (${detail})` };
  }
  const reservation = said(/^Failed to reserve cache:/);
  if (reservation) {
    throw new ExternalError(`the cache service did not create the entry: ${stripped(reservation, /^.*?Error: /)}`);
  }
  const upload = said(/^uploadCacheArchiveSDK:/);
  if (upload) {
    throw new ExternalError(
      `uploading the archive to the cache's storage failed: ${stripped(upload, /^uploadCacheArchiveSDK:( internal error uploading cache archive:)?/)}`
    );
  }
  const failure = log.find((line) => line.level === "warning" || line.level === "error");
  if (failure)
    throw new ExternalError(`the Actions cache did not save it: ${stripped(failure.text, /^Failed to save:/)}`);
  return { saved: false, reason: "the Actions cache did not take it, and @actions/cache said nothing more" };
}
var SAVE_PROBLEM = /^(Failed to save:|Failed to reserve cache:|Cache reservation failed:|uploadCacheArchiveSDK:)/;
function stripped(text, prefix) {
  return text.replace(prefix, "").trim() || "no reason given";
}
async function readingToolkitLog(call) {
  const stdout = process.stdout;
  const own = Object.getOwnPropertyDescriptor(stdout, "write");
  const write = stdout.write.bind(stdout);
  const log = [];
  stdout.write = (chunk, ...rest) => {
    const text = (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")).replace(/\r?\n$/, "");
    const command = /^::(warning|error|debug)(?: [^:]*)?::(.*)$/s.exec(text);
    if (command?.[1] === "warning" || command?.[1] === "error") {
      log.push({ level: command[1], text: unescapeCommandData(command[2] ?? "") });
      const callback = rest.find((r) => typeof r === "function");
      callback?.();
      return true;
    }
    log.push(
      command?.[1] === "debug" ? { level: "debug", text: unescapeCommandData(command[2] ?? "") } : { level: "info", text }
    );
    return write(chunk, ...rest);
  };
  try {
    return { value: await call(), log };
  } finally {
    if (own) Object.defineProperty(stdout, "write", own);
    else Reflect.deleteProperty(stdout, "write");
  }
}
function unescapeCommandData(text) {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

// src/cache/entry.ts
import { copyFile, mkdir as mkdir3, rename, rm, stat } from "node:fs/promises";
import path3 from "node:path";
var RunReference = object({
  id: string(),
  startedAt: string(),
  durationMs: number(),
  gitSha: nullable(string()),
  /** The run started from uncommitted changes on gitSha (absent in entries of older kits, and when unknown). */
  gitDirty: optional(boolean()),
  ref: nullable(string()),
  runUrl: nullable(string()),
  actor: nullable(string())
});
var Sha256 = string().check(_regex(/^[0-9a-f]{64}$/));
var EntryManifest = object({
  format: literal(CACHE_FORMAT_VERSION),
  key: Sha256,
  createdAt: string(),
  run: RunReference,
  params: record(string(), unknown()),
  /** The declared outputs and what each was: a file or a folder (possibly empty). */
  outputs: array(object({ path: string(), kind: _enum(["file", "dir"]) })),
  files: array(object({ path: string(), size: number().check(int(), _nonnegative()), sha256: Sha256 }))
});
function blobName(sha2562) {
  return `blobs/${sha2562.slice(0, 2)}/${sha2562}`;
}
async function verifyEntry(fetched, keyHash, declared) {
  let manifest;
  try {
    const parsed = EntryManifest.safeParse(JSON.parse(fetched.manifest));
    if (!parsed.success) return { ok: false, problem: "its manifest is not a valid cache manifest", badBlobs: [] };
    manifest = parsed.data;
  } catch {
    return { ok: false, problem: "its manifest is not JSON (truncated?)", badBlobs: [] };
  }
  if (manifest.key !== keyHash) return { ok: false, problem: "its manifest belongs to another key", badBlobs: [] };
  const outputs = manifest.outputs.map((o) => o.path);
  if (outputs.length !== declared.length || outputs.some((o, i) => o !== declared[i])) {
    return { ok: false, problem: "its outputs are not the declared train.outputs", badBlobs: [] };
  }
  for (const file of manifest.files) {
    if (relativePathProblem(file.path) || !outputs.some((o) => isWithin(o, file.path))) {
      return { ok: false, problem: `it lists ${JSON.stringify(file.path)}, outside train.outputs`, badBlobs: [] };
    }
  }
  const checked = /* @__PURE__ */ new Set();
  for (const file of manifest.files) {
    if (checked.has(file.sha256)) continue;
    checked.add(file.sha256);
    const blob = path3.join(fetched.dir, ...blobName(file.sha256).split("/"));
    let actual;
    try {
      actual = await sha256File(blob);
    } catch (error) {
      if (isErrnoException(error, "ENOENT")) return { ok: false, problem: `${file.path} is missing`, badBlobs: [] };
      throw error;
    }
    if (actual.size !== file.size) {
      return {
        ok: false,
        problem: `${file.path} has ${actual.size} bytes, not ${file.size} (truncated)`,
        badBlobs: [file.sha256]
      };
    }
    if (actual.sha256 !== file.sha256) {
      return { ok: false, problem: `${file.path} does not match its sha256 (corrupt)`, badBlobs: [file.sha256] };
    }
  }
  return { ok: true, manifest };
}
function isWithin(output, file) {
  const base = path3.posix.normalize(output).replace(/\/+$/, "");
  return file === base || file.startsWith(`${base}/`);
}
async function placeEntry(fetched, manifest, root) {
  for (const output of manifest.outputs) {
    const target = path3.resolve(root, output.path);
    if (!isInside(root, target) || target === path3.resolve(root)) {
      throw new Error(`refusing to replace ${output.path}: not inside the project folder`);
    }
    await rm(target, { recursive: true, force: true });
    if (output.kind === "dir") await mkdir3(target, { recursive: true });
  }
  const uses = /* @__PURE__ */ new Map();
  for (const file of manifest.files) uses.set(file.sha256, (uses.get(file.sha256) ?? 0) + 1);
  for (const file of manifest.files) {
    const blob = path3.join(fetched.dir, ...blobName(file.sha256).split("/"));
    const target = path3.resolve(root, file.path);
    await mkdir3(path3.dirname(target), { recursive: true });
    const left = (uses.get(file.sha256) ?? 1) - 1;
    uses.set(file.sha256, left);
    if (left === 0) await moveFile(blob, target);
    else await copyFile(blob, target);
  }
  return manifest.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 }));
}
async function moveFile(from, to) {
  try {
    await rename(from, to);
  } catch (error) {
    if (!isErrnoException(error, "EXDEV")) throw error;
    await copyFile(from, to);
  }
}
async function declaredOutputKinds(root, outputs) {
  return Promise.all(
    outputs.map(async (output) => ({
      path: output,
      kind: (await stat(path3.resolve(root, output))).isDirectory() ? "dir" : "file"
    }))
  );
}

// src/cache/actions-backend.ts
function actionsCacheAccess(env) {
  const no = (reason) => ({ usable: false, read: false, write: false, reason });
  if (env.GITHUB_ACTIONS !== "true") return no("the GitHub Actions cache exists only inside a GitHub Actions runner");
  if (!env.ACTIONS_RUNTIME_TOKEN) {
    return no(
      "the runner gave no ACTIONS_RUNTIME_TOKEN: the Actions cache is reachable from a JavaScript action (mlops-kit's actions/train), not from a `run:` step"
    );
  }
  const v2 = Boolean(env.ACTIONS_CACHE_SERVICE_V2) && !isGhes(env.GITHUB_SERVER_URL);
  const url = v2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL;
  if (!url) return no(`the runner gave no cache service URL (${v2 ? "ACTIONS_RESULTS_URL" : "ACTIONS_CACHE_URL"})`);
  const mode = (env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  if (mode === "none") return no("ACTIONS_CACHE_MODE is none: this run may neither read nor write the Actions cache");
  if (mode === "read") {
    return {
      usable: true,
      read: true,
      write: false,
      reason: "ACTIONS_CACHE_MODE is read (e.g. pull_request_target): entries are restored, none saved"
    };
  }
  if (mode === "write-only") {
    return { usable: true, read: false, write: true, reason: "ACTIONS_CACHE_MODE is write-only: no entry is restored" };
  }
  return { usable: true, read: true, write: true, reason: null };
}
function isGhes(serverUrl) {
  const host = new URL(serverUrl || "https://github.com").hostname.toUpperCase();
  return host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
}
function createActionsBackend(options) {
  const { access, githubWorkspace, stagingRoot } = options;
  if (!isInside(githubWorkspace, stagingRoot)) return null;
  const staging = (hash) => {
    const absolute = path4.join(stagingRoot, hash);
    return { absolute, relative: path4.relative(githubWorkspace, absolute).split(path4.sep).join("/") };
  };
  return {
    kind: "actions",
    location: "the GitHub Actions cache",
    async fetch(key) {
      if (!access.read) return null;
      const place = staging(key.hash);
      await rm2(place.absolute, { recursive: true, force: true });
      const { restoredKey } = await actionsCache("read", (cache) => restoreExactKey(cache, [place.relative], key.id));
      const cleanup = () => rm2(place.absolute, { recursive: true, force: true });
      if (restoredKey !== key.id) {
        await cleanup();
        return null;
      }
      try {
        return {
          manifest: await readFile(path4.join(place.absolute, "manifest.json"), "utf8"),
          dir: place.absolute,
          cleanup
        };
      } catch (error) {
        if (!isErrnoException(error, "ENOENT")) throw error;
        return { manifest: "", dir: place.absolute, cleanup };
      }
    },
    async save(key, entry) {
      if (!access.write) {
        return { saved: false, reason: "ACTIONS_CACHE_MODE is read: this run may not write the Actions cache" };
      }
      const place = staging(key.hash);
      await rm2(place.absolute, { recursive: true, force: true });
      try {
        for (const [sha2562, source] of entry.blobs) {
          const target = path4.join(place.absolute, ...blobName(sha2562).split("/"));
          await mkdir4(path4.dirname(target), { recursive: true });
          await linkOrCopy(source, target);
        }
        await writeFile3(path4.join(place.absolute, "manifest.json"), `${JSON.stringify(entry.manifest, null, 2)}
`);
        return await actionsCache("write", (cache) => saveUnderKey(cache, [place.relative], key.id));
      } finally {
        await rm2(place.absolute, { recursive: true, force: true });
      }
    },
    discard() {
      return Promise.resolve(
        "Actions cache entries cannot be deleted from a run: it is ignored here and expires after 7 days unused"
      );
    }
  };
}
async function actionsCache(action, call) {
  const cache = await import("./cache-QZAETIYR.js");
  try {
    return await call(cache);
  } catch (error) {
    if (error instanceof ExternalError) throw error;
    throw new ExternalError(
      `cannot ${action} the GitHub Actions cache: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error
      }
    );
  }
}
async function linkOrCopy(source, target) {
  try {
    await link(source, target);
  } catch {
    await copyFile2(source, target);
  }
}

// src/cache/store-backend.ts
import { mkdir as mkdir5, mkdtemp, rm as rm3 } from "node:fs/promises";
import path5 from "node:path";
function createStoreBackend(kind, store, scratchDir) {
  const manifestKey = (key) => `entries/${key.hash}.json`;
  return {
    kind,
    location: store.location,
    async fetch(key) {
      const manifest = await store.get(manifestKey(key));
      if (manifest === void 0) return null;
      await mkdir5(scratchDir, { recursive: true });
      const dir = await mkdtemp(path5.join(scratchDir, "fetch-"));
      const cleanup = () => rm3(dir, { recursive: true, force: true });
      try {
        const text = manifest.toString("utf8");
        const parsed = safeManifest(text);
        for (const sha2562 of new Set(parsed?.files.map((f) => f.sha256) ?? [])) {
          await store.download(blobName(sha2562), path5.join(dir, ...blobName(sha2562).split("/")));
        }
        return { manifest: text, dir, cleanup };
      } catch (error) {
        await cleanup();
        throw error;
      }
    },
    async save(key, entry) {
      for (const [sha2562, source] of entry.blobs) {
        if (await store.head(blobName(sha2562)) === void 0) await store.upload(blobName(sha2562), source);
      }
      await store.put(manifestKey(key), `${JSON.stringify(entry.manifest, null, 2)}
`);
      return { saved: true };
    },
    async discard(key, badBlobs) {
      await store.delete(manifestKey(key));
      for (const sha2562 of badBlobs) await store.delete(blobName(sha2562));
      return `the entry was removed from ${store.location}`;
    }
  };
}
function safeManifest(text) {
  try {
    const parsed = EntryManifest.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : void 0;
  } catch {
    return void 0;
  }
}

// src/cache/open.ts
var CACHE_CHOICES = [...CACHE_BACKENDS, "off"];
function parseCacheChoice(text, source) {
  const choice = CACHE_CHOICES.find((c) => c === text.trim().toLowerCase());
  if (!choice) throw new UsageError(`${source} must be one of ${CACHE_CHOICES.join(", ")}, not "${text}"`);
  return choice;
}
async function openRunCache(context, choice) {
  const { loaded, workspace, env, runner } = context;
  const stampsFile = path6.join(workspace.cacheDir, "stamps.json");
  const settings = cacheSettings(loaded.config);
  const off = (note) => ({ backend: null, notes: [note], stampsFile });
  if (choice === "off") return off("the run cache is off for this run (--cache off)");
  if (choice === void 0 && !settings.enabled) return off("the run cache is off (train.cache)");
  const wanted = choice ?? settings.backend;
  const uri = settings.uri;
  const local = () => createStoreBackend(
    "local",
    // A folder uri is the local cache's place; the default is the workspace's cache folder.
    createLocalStore(uri === void 0 || isS3Uri(uri) ? workspace.cacheDir : path6.resolve(loaded.root, uri)),
    path6.join(workspace.cacheDir, "tmp")
  );
  if (wanted === "s3" || wanted === "auto" && uri !== void 0 && isS3Uri(uri)) {
    const registry = loaded.config.registry;
    const target = uri !== void 0 && isS3Uri(uri) ? uri : registry.uri && isS3Uri(registry.uri) ? `${registry.uri.replace(/\/+$/, "")}/run-cache` : void 0;
    if (!target) {
      throw new UsageError("the s3 run cache needs train.cache.uri: s3://bucket/prefix (or an s3:// registry.uri)");
    }
    const store = await openObjectStore(target, loaded.root, projectStoreSettings(registry, env));
    return { backend: createStoreBackend("s3", store, path6.join(workspace.cacheDir, "tmp")), notes: [], stampsFile };
  }
  if (wanted === "actions" || wanted === "auto") {
    const access = actionsCacheAccess(runner.actionsCache);
    const backend = access.usable && runner.workspace ? createActionsBackend({
      access,
      githubWorkspace: runner.workspace,
      stagingRoot: path6.join(workspace.dir, "actions-cache")
    }) : null;
    if (backend) return { backend, notes: access.reason ? [access.reason] : [], stampsFile };
    const why = access.usable ? "the workspace folder is outside GITHUB_WORKSPACE" : access.reason ?? "";
    const notes = wanted === "actions" || runner.inActions ? [
      `not using the GitHub Actions cache (${why}); using the local folder ${path6.relative(loaded.root, workspace.cacheDir) || "."} instead`
    ] : [];
    return { backend: local(), notes, stampsFile };
  }
  return { backend: local(), notes: [], stampsFile };
}
function cacheSettings(config) {
  const cache = config.train?.cache ?? true;
  if (typeof cache === "boolean") return { enabled: cache, backend: "auto", uri: void 0 };
  return { enabled: cache.enabled, backend: cache.backend, uri: cache.uri };
}

// src/cache/run-cache.ts
import path7 from "node:path";
async function restoreFromCache(backend, key, root, declared) {
  let fetched;
  try {
    fetched = await backend.fetch(key);
  } catch (error) {
    if (!isOutage(error)) throw error;
    return { kind: "unavailable", note: `the run cache (${backend.location}) could not be read: ${messageOf(error)}` };
  }
  if (!fetched) return { kind: "miss" };
  try {
    const verified = await verifyEntry(fetched, key.hash, declared);
    if (!verified.ok) {
      let discarded;
      try {
        discarded = await backend.discard(key, verified.badBlobs);
      } catch (error) {
        if (!isOutage(error)) throw error;
        discarded = `it could not be removed: ${messageOf(error)}`;
      }
      return {
        kind: "corrupt",
        note: `the cached entry for this key was not used: ${verified.problem}; ${discarded}`
      };
    }
    const outputs = await placeEntry(fetched, verified.manifest, root);
    return { kind: "hit", manifest: verified.manifest, outputs };
  } finally {
    await fetched.cleanup();
  }
}
async function saveToCache(backend, request) {
  const manifest = {
    format: CACHE_FORMAT_VERSION,
    key: request.key.hash,
    createdAt: request.createdAt,
    run: request.run,
    params: request.params,
    outputs: await declaredOutputKinds(request.root, request.declared),
    files: request.outputs.map((o) => ({ path: o.path, size: o.size, sha256: o.sha256 }))
  };
  const blobs = /* @__PURE__ */ new Map();
  for (const output of request.outputs) blobs.set(output.sha256, path7.join(request.root, ...output.path.split("/")));
  try {
    const outcome = await backend.save(request.key, { manifest, blobs });
    return outcome.saved ? { saved: true } : { saved: false, note: `not saved to the run cache: ${outcome.reason}` };
  } catch (error) {
    if (!isOutage(error)) throw error;
    return {
      saved: false,
      note: `not saved to the run cache (${backend.location}): ${messageOf(error)}; the next run trains again`
    };
  }
}
function isOutage(error) {
  return error instanceof UserError || isErrnoException(error);
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/train/params-file.ts
import { createHash as createHash2 } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { mkdir as mkdir6, readFile as readFile2, rename as rename2, rm as rm4, writeFile as writeFile4 } from "node:fs/promises";
import path8 from "node:path";
import { isDeepStrictEqual } from "node:util";
var import_yaml2 = __toESM(require_dist(), 1);
var PARAMS_BACKUP = "params-backup.json";
async function withParamsRewritten(rewrite, work) {
  const changes = paramChanges(rewrite.original, rewrite.resolved);
  if (changes.length === 0) return work();
  const originalBytes = await readFile2(rewrite.file);
  const text = renderParams(originalBytes.toString("utf8"), paramsFormat(rewrite.file), changes);
  const backupFile = path8.join(rewrite.workspaceDir, PARAMS_BACKUP);
  const backup = {
    file: path8.relative(rewrite.root, rewrite.file).split(path8.sep).join("/"),
    original: originalBytes.toString("base64"),
    written: sha256(text)
  };
  await mkdir6(rewrite.workspaceDir, { recursive: true });
  await writeFile4(`${backupFile}.tmp`, `${JSON.stringify(backup)}
`);
  await rename2(`${backupFile}.tmp`, backupFile);
  const restore = () => {
    writeFileSync(rewrite.file, originalBytes);
    rmSync(backupFile, { force: true });
  };
  const stopListening = rewrite.onInterrupt?.(restore);
  try {
    await writeFile4(rewrite.file, text);
    return await work();
  } finally {
    stopListening?.();
    restore();
  }
}
async function recoverParamsFile(root, workspaceDir, paramsFile) {
  const backupFile = path8.join(workspaceDir, PARAMS_BACKUP);
  const shownBackup = path8.relative(root, backupFile).split(path8.sep).join("/");
  let backup;
  try {
    backup = JSON.parse(await readFile2(backupFile, "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return null;
  }
  if (!isParamsBackup(backup)) {
    await rm4(backupFile, { force: true });
    return `removed ${shownBackup}, which could not be read: check that your params file holds what you expect`;
  }
  const file = path8.resolve(root, backup.file);
  const original = Buffer.from(backup.original, "base64");
  const expected = paramsFile === void 0 ? null : path8.resolve(root, paramsFile);
  const current = file === expected ? await readFile2(file).catch(() => null) : null;
  if (current?.equals(original)) {
    await rm4(backupFile, { force: true });
    return null;
  }
  if (file !== expected || current !== null && sha256(current) !== backup.written) {
    const kept = path8.join(workspaceDir, `params-original-${path8.basename(file)}`);
    await writeFile4(kept, original);
    await rm4(backupFile, { force: true });
    const shownKept = path8.relative(root, kept).split(path8.sep).join("/");
    return file === expected ? `${backup.file} was rewritten for a run that was stopped hard, and has changed since: left it as it is; the content it had before that run is in ${shownKept}` : `${shownBackup} names ${backup.file}, which is not train.params: left that file alone; the content the backup holds is in ${shownKept}`;
  }
  await writeFile4(file, original);
  await rm4(backupFile, { force: true });
  return `${backup.file} was still rewritten with the params of a run that was stopped hard (killed): restored its original content from ${shownBackup}`;
}
function isParamsBackup(value) {
  const backup = value;
  return typeof backup === "object" && backup !== null && typeof backup.file === "string" && typeof backup.original === "string" && typeof backup.written === "string";
}
function paramChanges(before, after, keys = []) {
  const changes = [];
  for (const [key, value] of Object.entries(after)) {
    const path11 = [...keys, key];
    const old = before[key];
    if (!Object.hasOwn(before, key)) changes.push({ keys: path11, value });
    else if (isMapping(old) && isMapping(value)) changes.push(...paramChanges(old, value, path11));
    else if (!isDeepStrictEqual(old, value)) changes.push({ keys: path11, value });
  }
  return changes;
}
function renderParams(text, format, changes) {
  if (format === "json") {
    const value = JSON.parse(text);
    for (const change of changes) setIn(value, change.keys, change.value);
    const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? (text.trim().includes("\n") ? 2 : 0);
    return `${JSON.stringify(value, null, indent)}${text.endsWith("\n") ? "\n" : ""}`;
  }
  if (format === "toml") return renderToml(text, changes);
  const document = (0, import_yaml2.parseDocument)(text);
  for (const change of changes) {
    const old = document.getIn(change.keys, true);
    const next = document.createNode(change.value);
    if ((0, import_yaml2.isNode)(old)) {
      next.comment = old.comment;
      next.commentBefore = old.commentBefore;
      next.spaceBefore = old.spaceBefore;
      if ((0, import_yaml2.isScalar)(old) && (0, import_yaml2.isScalar)(next) && typeof old.value === typeof next.value) next.type = old.type;
      if ((0, import_yaml2.isCollection)(old) && (0, import_yaml2.isCollection)(next)) next.flow = old.flow;
    }
    document.setIn(change.keys, next);
  }
  return document.toString();
}
function renderToml(text, changes) {
  const value = parse(text, { integersAsBigInt: true });
  for (const change of changes) setIn(value, change.keys, tomlValue(getIn(value, change.keys), change.value));
  return stringify(value, { numbersAsFloat: true });
}
function tomlValue(old, value) {
  if (Array.isArray(value)) return value.map((item) => tomlValue(void 0, item));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tomlValue(void 0, v)]));
  if (typeof value !== "number" || !Number.isSafeInteger(value)) return value;
  return typeof old === "number" ? value : BigInt(value);
}
function getIn(target, keys) {
  let node = target;
  for (const key of keys) node = isMapping(node) ? node[key] : void 0;
  return node;
}
function setIn(target, keys, value) {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!isMapping(next)) node[key] = {};
    node = node[key];
  }
  const last = keys.at(-1);
  if (last !== void 0) node[last] = value;
}
function isMapping(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function sha256(content) {
  return createHash2("sha256").update(content).digest("hex");
}

// src/train/train.ts
async function resolveTrainParams(loaded, overrides, leg, logger) {
  return paramsForRun(await loadTrainParams(loaded, logger), overrides, leg);
}
async function loadTrainParams(loaded, logger) {
  const source = loaded.config.train?.params;
  const recovered = await recoverParamsFile(
    loaded.root,
    workspaceFor(loaded).dir,
    typeof source === "string" ? source : void 0
  );
  if (recovered) logger?.warn(`train.params: ${recovered}`);
  return loadParams(source, loaded.root);
}
function paramsForRun(params, overrides, leg) {
  return applyOverrides(leg ? legParams(params, leg) : params, overrides);
}
async function trainModel(context, options) {
  const { loaded, workspace, logger } = context;
  const train = loaded.config.train;
  const started = performance.now();
  const startedAt = context.now().toISOString();
  const runId = newResultId(context.now());
  const start = {
    id: runId,
    trainRun: null,
    model: [],
    evaluation: null,
    git: context.provenance.worktree,
    overrides: [...options.overrides ?? []],
    data: null
  };
  if (!train) return { ...emptyRecord(runId, startedAt, start), status: "skipped" };
  start.data = await dataIdentity(context).catch(() => null);
  start.trainRun = runId;
  const { params } = options;
  await mkdir7(workspace.outDir, { recursive: true });
  const paramsFile = path9.join(workspace.outDir, "params.json");
  await writeFile5(paramsFile, `${JSON.stringify(params, null, 2)}
`);
  const base = {
    ...emptyRecord(runId, startedAt, start),
    command: train.command,
    params,
    paramsFile: path9.relative(loaded.root, paramsFile),
    leg: options.leg ?? null
  };
  const cache = options.cache ?? await openRunCache(context, options.cacheChoice);
  const lookup = await lookUpRun(context, cache, params, options.force === true);
  if (lookup.hit) {
    return {
      ...base,
      status: "ok",
      finishedAt: context.now().toISOString(),
      durationMs: Math.round(performance.now() - started),
      outputs: lookup.hit.outputs,
      cache: lookup.report,
      chain: { ...start, model: await digestModel(context) }
    };
  }
  const record2 = typeof train.params === "string" ? await withParamsRewritten(
    {
      file: path9.resolve(loaded.root, train.params),
      root: loaded.root,
      workspaceDir: workspace.dir,
      original: await loadParams(train.params, loaded.root),
      resolved: params,
      onInterrupt: context.onInterrupt
    },
    () => runTraining(context, { ...base, cache: lookup.report }, paramsFile)
  ) : await runTraining(context, { ...base, cache: lookup.report }, paramsFile);
  if (record2.status !== "ok") return record2;
  const outputs = await digestModel(context);
  const report = { ...lookup.report };
  if (lookup.key && cache.backend) {
    const saved = await saveToCache(cache.backend, {
      key: lookup.key,
      root: loaded.root,
      declared: train.outputs,
      outputs,
      run: runReference(context, record2),
      params,
      createdAt: context.now().toISOString()
    });
    report.saved = saved.saved;
    if (saved.note) {
      report.notes = [...report.notes, saved.note];
      logger.warn(`run cache: ${saved.note}`);
    } else logger.info(`run cache: saved ${shortKey(lookup.key)} to ${cache.backend.location}`);
    if (lookup.material) {
      const changed = await codeChangedSince(lookup.material.material, lookup.material.codeFiles, {
        stampsFile: cache.stampsFile
      });
      if (changed.length > 0) {
        const note = `training changed ${changed.join(", ")}, which the cache key includes (train.inputs or named in the command), so the next run cannot reuse this one: declare what training writes in train.outputs`;
        report.notes = [...report.notes, note];
        logger.warn(`run cache: ${note}`);
      }
    }
  }
  return { ...record2, outputs, cache: report, chain: { ...start, model: outputs } };
}
async function lookUpRun(context, cache, params, force) {
  const { loaded, logger } = context;
  const report = {
    ...noCache(),
    backend: cache.backend?.kind ?? null,
    location: cache.backend?.location ?? null,
    notes: [...cache.notes]
  };
  for (const note of cache.notes) {
    if (cache.backend) logger.info(`run cache: ${note}`);
    else logger.debug(`run cache: ${note}`);
  }
  if (!cache.backend) return { report, key: null, material: null, hit: null };
  const material = await collectKeyMaterial(context, params, { stampsFile: cache.stampsFile });
  if (!material.ok) {
    report.notes.push(`the run cache is off for this run: ${material.reason}`);
    logger.info(`run cache: off for this run (${material.reason})`);
    return { report, key: null, material: null, hit: null };
  }
  const key = cacheKeyOf(material.material);
  Object.assign(report, { key: key.id, keyParts: key.parts, status: force ? "forced" : "miss" });
  if (force) {
    logger.info(`run cache: --force, training without looking up ${shortKey(key)}`);
    return { report, key, material, hit: null };
  }
  const found = await restoreFromCache(cache.backend, key, loaded.root, loaded.config.train?.outputs ?? []);
  if (found.kind === "hit") {
    const reused = found.manifest.run;
    logger.info(
      `run cache: hit ${shortKey(key)} in ${cache.backend.location}: restored ${found.outputs.length} file(s) from run ${describeRun(reused)}; the command did not run`
    );
    return {
      report: { ...report, status: "hit", reusedFrom: reused },
      key,
      material,
      hit: { outputs: found.outputs }
    };
  }
  if (found.kind === "miss") logger.debug(`run cache: miss ${shortKey(key)} in ${cache.backend.location}`);
  else {
    report.status = found.kind;
    report.notes.push(found.note);
    logger.warn(`run cache: ${found.note}; training instead`);
  }
  return { report, key, material, hit: null };
}
async function runTraining(context, base, paramsFile) {
  const { loaded, logger } = context;
  const train = loaded.config.train;
  if (!train) return base;
  const env = { ...context.env, ...train.env, ...paramEnvironment(base.params), MLOPS_PARAMS_FILE: paramsFile };
  const redact = redactorFor({ ...context.env, ...train.env });
  logger.info(`$ ${redact(train.command)}`);
  const timeoutMs = train.timeout_minutes === void 0 ? void 0 : train.timeout_minutes * 6e4;
  const result = await runCommand({
    command: train.command,
    cwd: loaded.root,
    env,
    logger,
    label: "train",
    redact,
    onInterrupt: context.onInterrupt,
    ...timeoutMs === void 0 ? {} : { timeoutMs }
  });
  const record2 = {
    ...base,
    status: "ok",
    finishedAt: context.now().toISOString(),
    durationMs: result.durationMs,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut,
    peakMemoryBytes: result.peakMemoryBytes,
    logTail: result.tail
  };
  if (result.exitCode !== 0) {
    return {
      ...record2,
      status: "failed",
      failure: describeFailure("training", redact(train.command), result, timeoutMs)
    };
  }
  const missing = train.outputs.filter((output) => !existsSync(path9.resolve(loaded.root, output)));
  if (missing.length > 0) {
    return {
      ...record2,
      status: "failed",
      failure: `training exited 0 but did not write its declared output${missing.length > 1 ? "s" : ""}: ${missing.join(", ")} (train.outputs)`
    };
  }
  return record2;
}
function runReference(context, record2) {
  const { provenance } = context;
  return {
    id: record2.runId,
    startedAt: record2.startedAt,
    durationMs: record2.durationMs,
    gitSha: provenance.gitSha,
    ...record2.chain.git ? { gitDirty: record2.chain.git.dirty } : {},
    ref: provenance.ref,
    runUrl: provenance.runUrl,
    actor: provenance.actor
  };
}
function shortKey(key) {
  return `key ${key.hash.slice(0, 12)}`;
}
function describeRun(run) {
  const details = [
    run.gitSha ? `git ${run.gitSha.slice(0, 7)}${run.gitDirty ? " + uncommitted changes" : ""}` : null,
    `trained ${(run.durationMs / 1e3).toFixed(1)} s`,
    run.runUrl
  ].filter((detail) => detail !== null);
  return `${run.id} (${details.join(", ")})`;
}
function emptyRecord(runId, startedAt, chain) {
  return {
    stage: "train",
    status: "skipped",
    runId,
    command: null,
    params: {},
    paramsFile: null,
    startedAt,
    finishedAt: startedAt,
    durationMs: 0,
    exitCode: null,
    signal: null,
    timedOut: false,
    peakMemoryBytes: null,
    logTail: [],
    outputs: [],
    failure: null,
    leg: null,
    cache: noCache(),
    chain
  };
}
function noCache() {
  return {
    status: "off",
    backend: null,
    location: null,
    key: null,
    keyParts: null,
    reusedFrom: null,
    saved: false,
    notes: []
  };
}

// src/train/section.ts
function trainSection(result) {
  if (result.status === "skipped")
    return {
      title: "Training",
      status: "skipped",
      headline: "no train section",
      blocks: [{ kind: "text", text: "No train section in the config." }]
    };
  const seconds = (ms) => `${(ms / 1e3).toFixed(1)} s`;
  const hit = result.cache.status === "hit" && result.cache.reusedFrom !== null;
  const blocks = [
    {
      kind: "text",
      text: hit ? `${result.command ?? ""} \u2014 not run: cache hit, outputs restored in ${seconds(result.durationMs)}.` : `${result.command ?? ""} \u2014 ${seconds(result.durationMs)}, exit code ${result.exitCode ?? "none"}${result.peakMemoryBytes === null ? "" : `, peak memory ${formatBytes(result.peakMemoryBytes)}`}.`
    }
  ];
  if (result.leg) blocks.push({ kind: "text", text: `Sweep leg ${result.leg.id}: ${result.leg.name}.` });
  blocks.push({ kind: "text", text: cacheLine(result) });
  const params = Object.entries(result.params);
  if (params.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["param", "value"],
        rows: params.map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])
      }
    });
  }
  if (result.failure) {
    blocks.push({ kind: "text", text: result.failure });
    if (result.logTail.length > 0) {
      blocks.push({
        kind: "details",
        summary: "Last lines of its output",
        blocks: [{ kind: "code", text: result.logTail.slice(-20).join("\n") }],
        terminal: "never"
      });
    }
  }
  if (result.outputs.length > 0) {
    blocks.push({
      kind: "details",
      summary: `Outputs (${result.outputs.length} files)`,
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["file", "bytes", "sha256"],
            rows: result.outputs.map((o) => [o.path, String(o.size), o.sha256.slice(0, 12)]),
            align: ["left", "right", "left"]
          }
        }
      ]
    });
  }
  const headline = result.status !== "ok" ? `exit code ${result.exitCode ?? "none"}` : hit ? `cache hit, ${result.outputs.length} output file(s) restored` : `${seconds(result.durationMs)}, ${result.outputs.length} output file(s)${result.cache.status === "off" ? "" : ", cache miss"}`;
  return { title: "Training", status: result.status === "ok" ? "ok" : "failed", headline, blocks };
}
function cacheLine(result) {
  const { cache } = result;
  const where = cache.location ? ` (${cache.backend}: ${cache.location})` : "";
  const key = cache.key ? `, key ${cache.key.slice(-64, -52)}` : "";
  const notes = cache.notes.length > 0 ? ` Notes: ${cache.notes.join("; ")}.` : "";
  switch (cache.status) {
    case "hit":
      return `Run cache: hit${where}${key}. Reused the outputs of run ${cache.reusedFrom ? describeRun(cache.reusedFrom) : "?"}.${notes}`;
    case "off":
      return `Run cache: off.${notes}`;
    case "forced":
      return `Run cache: skipped (--force)${where}${key}; ${cache.saved ? "the new outputs were saved" : "not saved"}.${notes}`;
    default:
      return `Run cache: ${cache.status}${where}${key}; ${cache.saved ? "this run's outputs were saved" : "this run's outputs were not saved"}.${notes}`;
  }
}

// src/pipeline/freshness.ts
function requireLink(result, what, command) {
  if (result.chain) return result.chain;
  throw new StaleInputError(`the ${what} in the workspace names no train run (an older mlops-kit saved it)`, {
    hint: `run \`${command}\` (or \`mlops run\`)`
  });
}
function checkModelFromTrain(config, train, current) {
  if (!config.train || !train) return;
  const targets = describeTargets(config);
  if (train.status !== "ok") {
    throw new StaleInputError(
      `train run ${train.runId} ${train.status === "failed" ? "failed" : "did not train"}: ${targets} is not its model`,
      { hint: "run `mlops train` (or `mlops run`)" }
    );
  }
  const recorded = train.chain?.model ?? train.outputs;
  const difference = modelDifference(recorded, current);
  if (difference) {
    throw new StaleInputError(`${targets} is not what train run ${train.runId} left: ${difference}`, {
      hint: "run `mlops train` to train it again (or `mlops run`)"
    });
  }
}
function checkEvaluation(config, evaluation, train, current) {
  const link2 = requireLink(evaluation, "evaluation", "mlops evaluate");
  const targets = describeTargets(config);
  if (config.train && train && link2.trainRun !== train.runId) {
    throw new StaleInputError(
      `the evaluation is of ${describeTrainRun(link2.trainRun)}; the model in ${targets} is from train run ${train.runId}`,
      { hint: "run `mlops evaluate`" }
    );
  }
  if (config.train && !train && link2.trainRun !== null) {
    throw new StaleInputError(
      `the evaluation is of train run ${link2.trainRun}, whose result is no longer in the workspace`,
      { hint: "run `mlops train` and `mlops evaluate` (or `mlops run`)" }
    );
  }
  const difference = modelDifference(link2.model, current);
  if (difference) {
    throw new StaleInputError(
      `the model in ${targets} changed after evaluation ${link2.id} (of ${describeTrainRun(link2.trainRun)}): ${difference}`,
      { hint: "run `mlops train` and `mlops evaluate` (or `mlops run`)" }
    );
  }
  return link2;
}
function checkGate(gate, evaluation) {
  const link2 = requireLink(gate, "gate verdict", "mlops gate");
  const evaluated = evaluation?.chain?.id ?? null;
  if (link2.evaluation !== evaluated) {
    throw new StaleInputError(
      evaluated === null ? `the gate verdict is of evaluation ${link2.evaluation ?? "(none)"}, which is no longer in the workspace` : `the gate verdict is of evaluation ${link2.evaluation ?? "(none)"}; the evaluation in the workspace is ${evaluated} (of ${describeTrainRun(evaluation?.chain?.trainRun ?? null)})`,
      { hint: evaluated === null ? "run `mlops evaluate` and `mlops gate`" : "run `mlops gate`" }
    );
  }
  return link2;
}
function checkTrainForPublish(config, train, current) {
  if (!config.train) return;
  if (!train) {
    throw new StaleInputError(
      `there is no train result in the workspace: nothing records which run made ${describeTargets(config)}, nor its params`,
      { hint: "run `mlops train` (or `mlops run`)" }
    );
  }
  checkModelFromTrain(config, train, current);
}
function checkData(validation, train, dataNow) {
  const trained = train?.chain?.data ?? null;
  if (!train || trained === null) return;
  if (dataNow !== null && dataNow !== trained) {
    throw new StaleInputError(`the data changed after train run ${train.runId} trained on it`, {
      hint: "run `mlops validate` and `mlops train` (or `mlops run`), so the version records the data it was trained on"
    });
  }
  const validated = validation ? requireLink(validation, "validation", "mlops validate").data : null;
  if (validated !== null && validated !== trained) {
    throw new StaleInputError(
      `the validation in the workspace is of other data than train run ${train.runId} trained on`,
      {
        hint: "run `mlops validate` (or `mlops run`)"
      }
    );
  }
}

// src/pipeline/stages.ts
async function runValidateStage(context, options = {}) {
  const data = await dataIdentity(context).catch(() => null);
  const validation = await validateDatasets(
    context.loaded.config.data,
    context.loaded.root,
    await validationOptions(context, options, () => championProfile(context))
  );
  const { result } = validation;
  for (const finding of result.datasets.flatMap((d) => d.findings)) {
    const message = `${finding.dataset}${finding.column ? ` column ${finding.column}` : ""}: ${finding.message} (${finding.count} row(s), e.g. ${finding.observed}${finding.rows.length > 0 ? ` at row ${finding.rows.join(", ")}` : ""})`;
    const location = context.loaded.locate(finding.configPath);
    if (finding.severity === "error") context.logger.error(message, location);
    else context.logger.warn(message, location);
  }
  for (const [label, comparison] of [
    ["drift", result.drift],
    ["eval drift", result.evalDrift],
    ["skew", result.skew]
  ]) {
    for (const column of comparison?.columns ?? []) {
      if (column.drifted) {
        context.logger.info(
          `${label}: ${column.column}: ${column.method} ${formatShort(column.value)} (${column.measure})`
        );
      }
    }
  }
  await mkdir8(context.workspace.outDir, { recursive: true });
  const train = validation.profiles.get("train");
  if (train) {
    result.profile = path10.join(context.workspace.outDir, "profile-train.json");
    await writeFile6(result.profile, `${JSON.stringify(train)}
`);
  }
  const chain = {
    id: newResultId(context.now()),
    trainRun: null,
    model: [],
    evaluation: null,
    git: context.provenance.worktree,
    data
  };
  return saveStageRun(
    context,
    "validate",
    { ...result, chain },
    validateSection(result),
    result.verdict === "fail" ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function runTrainStage(context, options) {
  const result = await trainModel(context, options);
  if (result.failure) context.logger.error(result.failure);
  return saveStageRun(
    context,
    "train",
    result,
    trainSection(result),
    result.status === "failed" ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function runEvaluateStage(context) {
  const { config } = context.loaded;
  const train = config.train ? await readStageResult(context, "train") : null;
  checkModelFromTrain(config, train, await digestModel(context));
  const evaluation = await evaluateModel(context);
  const chain = {
    id: newResultId(context.now()),
    trainRun: train?.runId ?? null,
    model: await digestModel(context),
    evaluation: null,
    git: train?.chain?.git ?? context.provenance.worktree,
    // What the model was trained with beyond its commit travels on to the gate's candidate line and the manifest.
    ...train?.chain?.overrides ? { overrides: train.chain.overrides } : {},
    data: train?.chain?.data ?? null
  };
  const result = { ...evaluation, chain };
  if (result.failure) context.logger.error(result.failure);
  for (const warning of result.warnings) context.logger.warn(warning);
  return saveStageRun(
    context,
    "evaluate",
    result,
    evaluateSection(result),
    result.status === "failed" ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function runGateStage(context) {
  const evaluation = await readStageResult(context, "evaluate");
  if (!evaluation) {
    throw new InputError("there are no metrics to gate: the evaluate stage has not run in this workspace", {
      hint: "run `mlops evaluate` first (or `mlops run`)"
    });
  }
  const { config } = context.loaded;
  const train = config.train ? await readStageResult(context, "train") : null;
  checkEvaluation(config, evaluation, train, await digestModel(context));
  const registry = await openRegistry(context);
  const result = await runGate(context, evaluation, registry);
  for (const outcome of result.outcomes) {
    if (outcome.verdict !== "fail" && outcome.verdict !== "error" && outcome.verdict !== "warn") continue;
    const location = context.loaded.locate(["gate", "rules", outcome.rule]);
    const message = `gate: ${outcome.metric}${outcome.slice ? ` [${outcome.slice.column}=${outcome.slice.value}]` : ""}: ${outcome.reason}`;
    if (outcome.verdict === "warn") context.logger.warn(message, location);
    else context.logger.error(message, location);
  }
  for (const warning of userSectionWarnings(context.loaded, result.sections ?? []))
    context.logger.warn(warning.message, context.loaded.locate(warning.at));
  const exitCode = result.verdict === "fail" ? ExitCode.checkFailed : result.verdict === "error" ? ExitCode.usageOrConfig : ExitCode.ok;
  const rendering = renderingInJob(runOrigin(context.runner));
  const run = await saveStageRun(context, "gate", result, gateSection(result, rendering), exitCode);
  return { ...run, html: await writeGateHtml(context, rendering) };
}
async function writeGateHtml(context, rendering) {
  try {
    const { file } = await writeRunReport(context.workspace, {
      cwd: context.loaded.root,
      model: context.loaded.config.model.name,
      generated: context.now(),
      runUrl: context.runner.runUrl,
      userSections: rendering
    });
    return file;
  } catch (error) {
    if (!(error instanceof UserError) && !isErrnoException(error)) throw error;
    const hint = error instanceof UserError && error.hint ? ` (${error.hint})` : "";
    context.logger.warn(`no HTML report: ${error.message}${hint}`);
    await rm5(runReportFile(context.workspace), { force: true }).catch(() => void 0);
    return null;
  }
}
async function runPublishStage(context, options = {}) {
  const [validation, train, evaluation, gate] = await Promise.all([
    readStageResult(context, "validate"),
    readStageResult(context, "train"),
    readStageResult(context, "evaluate"),
    readStageResult(context, "gate")
  ]);
  const chain = await checkPublishInputs(context, { validation, train, evaluation, gate });
  const registry = await openRegistry(context);
  const report = gate ? await gateHtml(context) : null;
  const result = await publishModel(
    context,
    registry,
    { validation, train, evaluation, gate, chain, report },
    { allowDirty: options.allowDirty === true }
  );
  if (result.refusedDirty) context.logger.error(result.promotion);
  return saveStageRun(
    context,
    "publish",
    result,
    publishSection(result),
    result.refusedDirty ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function gateHtml(context) {
  const file = runReportFile(context.workspace);
  const [html, gate] = await Promise.all(
    [file, context.workspace.resultFile("gate")].map((f) => stat2(f).catch(() => null))
  );
  return html?.isFile() && gate && html.mtimeMs >= gate.mtimeMs ? file : null;
}
async function checkPublishInputs(context, inputs) {
  const { config } = context.loaded;
  const { validation, train, evaluation, gate } = inputs;
  const current = await digestModel(context);
  checkTrainForPublish(config, train, current);
  const evaluated = evaluation ? checkEvaluation(config, evaluation, train, current) : null;
  const gated = gate && gate.verdict !== "skipped" ? checkGate(gate, evaluation) : null;
  checkData(validation, train, train ? await dataIdentity(context).catch(() => null) : null);
  return gated ?? evaluated ?? train?.chain ?? null;
}
async function runPipeline(context, options) {
  const stages = [];
  const step = async (name, run) => {
    const outcome = await context.logger.group(name, run);
    stages.push(outcome);
    return outcome;
  };
  const stop = (at, exitCode) => ({
    stage: "run",
    exitCode,
    stoppedAt: at,
    stages
  });
  const params = await resolveTrainParams(context.loaded, options.overrides, null, context.logger);
  const validated = await step("validate", () => runValidateStage(context));
  if (validated.exitCode !== ExitCode.ok) return stop("validate", validated.exitCode);
  const { force, cacheChoice } = options;
  const trained = await step(
    "train",
    () => runTrainStage(context, {
      params,
      overrides: parseOverrides(options.overrides),
      ...force === void 0 ? {} : { force },
      ...cacheChoice === void 0 ? {} : { cacheChoice }
    })
  );
  if (trained.exitCode !== ExitCode.ok) return stop("train", trained.exitCode);
  const evaluated = await step("evaluate", () => runEvaluateStage(context));
  if (evaluated.exitCode !== ExitCode.ok) return stop("evaluate", evaluated.exitCode);
  const gated = await step("gate", () => runGateStage(context));
  if (gated.result.verdict === "error") return stop("gate", gated.exitCode);
  if (options.publish) {
    const published = await step(
      "publish",
      () => runPublishStage(context, options.allowDirty === void 0 ? {} : { allowDirty: options.allowDirty })
    );
    if (published.exitCode !== ExitCode.ok) return stop("publish", published.exitCode);
  }
  return { stage: "run", exitCode: gated.exitCode, stoppedAt: null, stages };
}

export {
  CACHE_CHOICES,
  parseCacheChoice,
  openRunCache,
  resolveTrainParams,
  loadTrainParams,
  paramsForRun,
  runValidateStage,
  runTrainStage,
  runEvaluateStage,
  runGateStage,
  runPublishStage,
  runPipeline
};
