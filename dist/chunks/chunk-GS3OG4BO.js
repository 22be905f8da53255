import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RowIds,
  runMonitor
} from "./chunk-HPOHQKS7.js";
import {
  historyWindows,
  joinLabels,
  labelFiles
} from "./chunk-AWWEC64S.js";
import {
  DeployOptions
} from "./chunk-MLSW5F4M.js";
import {
  deployVersion,
  findTarget,
  keepDeployIssue,
  requireDeploy
} from "./chunk-JTG2R54U.js";
import {
  githubForRun
} from "./chunk-KCZDMEGW.js";
import {
  saveStageRun
} from "./chunk-SNPX46U6.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  dateCache,
  openLogRows
} from "./chunk-4ZTHIXX4.js";
import {
  isoUtc,
  parseTimestamp
} from "./chunk-IYKSYI5H.js";
import {
  significanceProvider
} from "./chunk-VAXOH5AZ.js";
import {
  pairPredictions
} from "./chunk-ZZCSUO3L.js";
import {
  computeMetrics,
  resolvePositiveLabel,
  sliceMetrics
} from "./chunk-QFBHIOL6.js";
import {
  describeFailure,
  runCommand
} from "./chunk-LFNSLPCM.js";
import {
  fetchSources,
  listSources
} from "./chunk-LGIA7PQF.js";
import {
  changeRequirement,
  directionOf,
  evaluateRuleList
} from "./chunk-PMBSX2RF.js";
import {
  internColumn
} from "./chunk-BUY5QZDY.js";
import {
  formatOf
} from "./chunk-3EFEPTIF.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import {
  registryTokenOption,
  withRegistryToken
} from "./chunk-BO5Z4RF3.js";
import {
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  WINDOW_MS,
  durationMs
} from "./chunk-35MZIMAV.js";
import {
  windowMetricKind
} from "./chunk-TEWQFG7M.js";
import {
  redactorFor
} from "./chunk-5PEOAABG.js";
import {
  flagOption,
  textOption
} from "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import {
  ConfigError,
  ExitCode,
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/deploy/canary-command.ts
var MAX_OUTPUT_BYTES = 1024 * 1024;
async function canaryCommandFigures(context, canary, subject) {
  const command = canary.command ?? "";
  const env = {
    ...context.env,
    MLOPS_MODEL: subject.model,
    MLOPS_VERSION: subject.version,
    MLOPS_ALIAS: subject.alias,
    MLOPS_SINCE: subject.since.toISOString()
  };
  const redact = redactorFor(env);
  const timeoutMs = canary.timeout_minutes * 6e4;
  const lines = [];
  let bytes = 0;
  context.logger.info(`$ ${redact(command)}`);
  const result = await runCommand({
    command,
    cwd: context.loaded.root,
    env,
    logger: context.logger,
    label: "canary metrics",
    redact,
    timeoutMs,
    onStdoutLine: (line) => {
      bytes += line.length + 1;
      if (bytes <= MAX_OUTPUT_BYTES) lines.push(line);
    }
  });
  if (result.exitCode !== 0)
    return { failed: describeFailure("the canary's metrics command", redact(command), result, timeoutMs) };
  if (bytes > MAX_OUTPUT_BYTES)
    return { failed: `the canary's metrics command printed more than 1 MiB: print one JSON object` };
  return parseFigures(lines.join("\n"));
}
function parseFigures(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    const last = text.trim().split("\n").at(-1) ?? "";
    return {
      failed: `the canary's metrics command did not print a JSON object (its output ends: ${last.slice(0, 200)})`
    };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { failed: "the canary's metrics command printed JSON that is not an object of figures" };
  }
  const figures = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return { failed: `the canary's figure "${name}" is ${JSON.stringify(value)}, not a finite number` };
    }
    figures[name] = value;
  }
  return { figures };
}

// src/deploy/shadow.ts
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/deploy/served-rows.ts
var EXAMPLES = 3;
async function readServedRows(files, layout, since, until) {
  const ids = [];
  const rowsById = /* @__PURE__ */ new Map();
  const predictions = [];
  const shadowPredictions = [];
  const scores = [];
  const shadowScores = [];
  const slices = new Map(layout.slices.map((column) => [column, []]));
  const strings = /* @__PURE__ */ new Map();
  const out = { duplicateIds: 0, emptyIds: 0, unparseable: { count: 0, examples: [] } };
  for (const file of files) {
    const rows = await openLogRows(file, formatOf(file.path, layout.format));
    try {
      const at = columnsOf(rows.columns, file.shown, layout);
      const dates = dateCache();
      while (await rows.next()) {
        let ms = rows.utcMs(at.timestamp, dates);
        if (Number.isNaN(ms)) {
          const parsed = parseTimestamp(rows.cell(at.timestamp), layout.unit);
          if ("unparseable" in parsed) {
            out.unparseable.count++;
            if (out.unparseable.examples.length < EXAMPLES)
              out.unparseable.examples.push(`${file.shown} row ${rows.record}: ${parsed.unparseable}`);
            continue;
          }
          ms = parsed.ms;
        }
        if (ms < since || ms >= until) continue;
        const id = rows.cell(at.id) ?? "";
        if (id === "") {
          out.emptyIds++;
          continue;
        }
        if (rowsById.has(id)) {
          out.duplicateIds++;
          continue;
        }
        rowsById.set(id, ids.length);
        ids.push(id);
        predictions.push(interned(strings, rows.cell(at.prediction)));
        shadowPredictions.push(interned(strings, rows.cell(at.shadowPrediction)));
        if (at.score !== void 0) scores.push(probability(rows.cell(at.score)));
        if (at.shadowScore !== void 0) shadowScores.push(probability(rows.cell(at.shadowScore)));
        for (const [column, index] of at.slices)
          slices.get(column)?.push(interned(strings, rows.cell(index)) ?? "(empty)");
      }
    } finally {
      rows.close();
    }
  }
  return {
    count: ids.length,
    ids,
    rowsById,
    predictions,
    shadowPredictions,
    scores: layout.score === void 0 ? null : Float64Array.from(scores),
    shadowScores: layout.shadowScore === void 0 ? null : Float64Array.from(shadowScores),
    slices,
    ...out
  };
}
function columnsOf(columns, shown, layout) {
  const required = (column, field) => {
    const index = columns.indexOf(column);
    if (index < 0) {
      throw new InputError(`${shown} has no "${column}" column (${field})`, {
        hint: `its columns are: ${columns.join(", ")}; every file of deploy.canary.logs needs the columns the comparison reads`
      });
    }
    return index;
  };
  return {
    timestamp: required(layout.timestamp, "monitor.logs.timestamp"),
    id: required(layout.id, "monitor.logs.id"),
    prediction: required(layout.prediction, "monitor.logs.prediction"),
    score: layout.score === void 0 ? void 0 : required(layout.score, "monitor.logs.score"),
    shadowPrediction: required(layout.shadowPrediction, "deploy.canary.shadow.prediction"),
    shadowScore: layout.shadowScore === void 0 ? void 0 : required(layout.shadowScore, "deploy.canary.shadow.score"),
    slices: layout.slices.map((column) => [column, required(column, "monitor.slices")])
  };
}
function interned(strings, value) {
  if (value === null) return null;
  const known = strings.get(value);
  if (known !== void 0) return known;
  if (strings.size < 1e4) strings.set(value, value);
  return value;
}
function probability(cell) {
  if (cell === null || cell.trim() === "") return Number.NaN;
  const value = Number(cell);
  return value >= 0 && value <= 1 ? value : Number.NaN;
}

// src/deploy/shadow.ts
var CHAMPION = "champion (shadow predictions)";
var DAY = 864e5;
async function shadowComparison(input) {
  const { config, root } = input;
  const { canary, monitor, labels, layout } = sections(config);
  const since = input.since.getTime();
  const until = input.until.getTime();
  const rules = canary.rules.flatMap(
    (rule, index) => rule.max_regression !== void 0 || rule.min_improvement !== void 0 ? [{ rule, index }] : []
  );
  const store = projectStoreSettings(config.registry, input.env);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "mlops-shadow-"));
  try {
    const logs = await fetchSources(await listSources(canary.logs, root, store), path.join(scratch, "logs"));
    const served = await readServedRows(logs, layout, since, until);
    const labelSources = await arrivedLabelFiles(labels, root, store, since, until, path.join(scratch, "labels"));
    const ids = new RowIds();
    for (const id of served.ids) ids.addText(id);
    const joined = await joinLabels(
      ids,
      served.count,
      labelSources,
      { format: labels.format, id: labels.id, label: labels.label },
      /* @__PURE__ */ new Map()
    );
    const notes = servedNotes(served);
    const task = config.model.task;
    const compared = comparedRows(task, served, joined.labels, notes);
    const rows = served.count + served.duplicateIds + served.emptyIds;
    const base = { rows, labelled: compared.length, candidate: {}, champion: {}, notes };
    if (compared.length === 0) {
      const reason = `no labelled requests of the canary since ${isoUtc(since)}: nothing to compare`;
      return {
        ...base,
        outcomes: rules.map(({ rule, index }) => noComparison(config, rule, index, reason)),
        pairing: `not paired: ${reason}`
      };
    }
    const { candidate, champion } = tables(task, served, joined.labels, compared, monitor.slices, notes);
    const positive = task === "classification" ? resolvePositiveLabel(config.model.positive_label, candidate.labels.classes) : void 0;
    const candidateSet = metricSet(task, candidate, positive);
    const championSet = metricSet(task, champion, positive);
    const pairing = pairPredictions(candidate, champion, positive);
    const bootstrap = config.gate?.bootstrap ?? { resamples: 1e3, seed: 42 };
    const significance = significanceProvider(pairing, candidate.slices, {
      resamples: bootstrap.resamples,
      seed: input.seed ?? bootstrap.seed
    });
    const baseline = {
      ...championSet,
      description: CHAMPION,
      version: null,
      predictionsFile: null,
      hasPredictions: true
    };
    const changeRules = rules.map(({ rule }) => withoutBounds(rule));
    const outcomes = evaluateRuleList(
      changeRules,
      (rule) => directionOf(rule.metric, rule, config) ?? "higher",
      candidateSet,
      baseline,
      { significance }
    ).map((outcome) => ({ ...outcome, rule: rules[outcome.rule]?.index ?? outcome.rule }));
    return {
      ...base,
      outcomes,
      candidate: candidateSet.metrics,
      champion: championSet.metrics,
      pairing: pairing.paired ? `paired by request id: the canary's and the champion's predictions of each of the ${compared.length} labelled requests, logged in one row` : `not paired: ${pairing.reason}`
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
async function arrivedLabelFiles(labels, root, store, since, until, downloadDir) {
  const listed = await listSources(labels.path, root, store, { allowEmpty: true });
  const arrivals = labelFiles(listed.map((entry) => entry.shown));
  const arrived = listed.filter((_, i) => {
    const arrival = arrivals[i]?.arrival ?? Infinity;
    return arrival <= until && arrival + DAY > since;
  });
  return fetchSources(arrived, downloadDir);
}
function sections(config) {
  const canary = config.deploy?.canary;
  const monitor = config.monitor;
  if (!canary?.logs) throw missingSection("deploy.canary.logs");
  if (!canary.shadow) throw missingSection("deploy.canary.shadow");
  if (!monitor?.labels) throw missingSection("monitor.labels");
  const { logs } = monitor;
  if (logs.id === void 0) throw missingSection("monitor.logs.id");
  const classification = config.model.task === "classification";
  return {
    canary: { ...canary, logs: canary.logs },
    monitor,
    labels: monitor.labels,
    layout: {
      format: logs.format,
      timestamp: logs.timestamp,
      unit: logs.timestamp_unit,
      id: logs.id,
      prediction: logs.prediction,
      score: classification ? logs.score : void 0,
      shadowPrediction: canary.shadow.prediction,
      shadowScore: classification ? canary.shadow.score : void 0,
      slices: monitor.slices
    }
  };
}
function missingSection(field) {
  return new ConfigError([
    {
      severity: "error",
      path: field.split("."),
      message: `comparing the canary with the champion's shadow predictions needs ${field}`,
      hint: "log the champion's predictions beside the canary's (deploy.canary.shadow), with labels joined by request id"
    }
  ]);
}
function servedNotes(served) {
  const notes = [];
  if (served.unparseable.count > 0)
    notes.push(
      `${served.unparseable.count} log row(s) have a timestamp that cannot be read, so they are left out (${served.unparseable.examples.join("; ")})`
    );
  if (served.emptyIds > 0)
    notes.push(`${served.emptyIds} request(s) of the period have no id, so no label can join them: left out`);
  if (served.duplicateIds > 0)
    notes.push(`${served.duplicateIds} request id(s) were logged again in the period: the first row of each is kept`);
  return notes;
}
function comparedRows(task, served, labels, notes) {
  const rows = [];
  let unanswered = 0;
  let notNumbers = 0;
  labels.forEach((label, row) => {
    if (label === null) return;
    const mine = served.predictions[row] ?? null;
    const theirs = served.shadowPredictions[row] ?? null;
    if (mine === null || theirs === null) unanswered++;
    else if (task === "regression" && ![label, mine, theirs].every((text) => Number.isFinite(numberOf(text))))
      notNumbers++;
    else rows.push(row);
  });
  if (unanswered > 0)
    notes.push(
      `${unanswered} labelled request(s) lack the canary's or the champion's prediction, so they are left out of both`
    );
  if (notNumbers > 0)
    notes.push(`${notNumbers} labelled request(s) have a label or prediction that is not a number: left out of both`);
  return rows;
}
function tables(task, served, labels, rows, sliceColumns, notes) {
  const truth = rows.map((row) => labels[row] ?? "");
  const ids = rows.map((row) => served.ids[row] ?? "");
  const slices = new Map(
    sliceColumns.map((column) => [
      column,
      internColumn(rows.map((row) => served.slices.get(column)?.[row] ?? "(empty)"))
    ])
  );
  const labelColumn = internColumn(truth);
  const table = (source, predicted, scores) => {
    const predictions = rows.map((row) => predicted[row] ?? "");
    return {
      source,
      rows: rows.length,
      labels: labelColumn,
      predictions: internColumn(predictions),
      actual: task === "regression" ? Float64Array.from(truth, numberOf) : null,
      predicted: task === "regression" ? Float64Array.from(predictions, numberOf) : null,
      scores: task === "classification" ? usableScores(source, scores, rows, notes) : null,
      probabilities: null,
      ids,
      slices
    };
  };
  return {
    candidate: table("the canary", served.predictions, served.scores),
    champion: table(CHAMPION, served.shadowPredictions, served.shadowScores)
  };
}
function usableScores(source, scores, rows, notes) {
  if (!scores) return null;
  const picked = Float64Array.from(rows, (row) => scores[row] ?? Number.NaN);
  const invalid = picked.reduce((count, value) => Number.isNaN(value) ? count + 1 : count, 0);
  if (invalid === 0) return picked;
  notes.push(
    `${invalid} score(s) of ${source} are empty or not probabilities, so its metrics that need scores are left out`
  );
  return null;
}
function metricSet(task, table, positive) {
  const overall = computeMetrics(task, table, positive);
  return {
    metrics: overall.metrics,
    undefinedMetrics: overall.undefined,
    slices: sliceMetrics(task, table, positive)
  };
}
function withoutBounds(rule) {
  const { min: _min, max: _max, ...change } = rule;
  return change;
}
function noComparison(config, rule, index, reason) {
  return {
    rule: index,
    metric: rule.metric,
    slice: null,
    kind: "change",
    direction: directionOf(rule.metric, rule, config) ?? "higher",
    candidate: null,
    baseline: null,
    delta: null,
    relative: rule.relative,
    requirement: changeRequirement(rule),
    verdict: "fail",
    reason,
    significance: null
  };
}
function numberOf(text) {
  return text === null || text.trim() === "" ? Number.NaN : Number(text);
}

// src/deploy/canary.ts
var MAX_WAIT_MS = 5.5 * 36e5;
async function judgeCanary(context, registry, github, options) {
  const { config } = context.loaded;
  const deploy = requireDeploy(config);
  const canary = deploy.canary;
  if (!canary) {
    throw new UsageError("mlops.yml has no deploy.canary section", {
      hint: "add deploy.canary with its target, promote_to, bake and rules (docs/delivery.md)"
    });
  }
  const model = config.model.name;
  const { name: targetName, target } = findTarget(deploy, canary.target);
  const alias = target.alias;
  const moves = await registry.history(model, alias);
  const deployed = moves.at(-1);
  if (!deployed) {
    throw new UsageError(
      `nothing was deployed to the canary ${targetName} (alias ${alias} of ${model} has no history)`,
      {
        hint: `deploy a candidate first: mlops deploy ${targetName} --version <version>`
      }
    );
  }
  const since = new Date(deployed.at);
  const bakeUntil = new Date(since.getTime() + durationMs(canary.bake));
  let now = options.now === void 0 ? context.now() : new Date(options.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${options.now}" is not an ISO 8601 time`);
  const base = {
    stage: "canary",
    model,
    alias,
    target: targetName,
    version: deployed.to,
    deployedAt: deployed.at,
    bakeUntil: bakeUntil.toISOString(),
    source: canary.logs !== void 0 ? "logs" : "command"
  };
  if (deployed.kind === "rollback") {
    throw new UsageError(
      `the canary ${targetName} was rolled back to ${deployed.to} at ${deployed.at}: nothing to judge`,
      {
        hint: `deploy the next candidate: mlops deploy ${targetName} --version <version>`
      }
    );
  }
  if (now < bakeUntil) {
    const left = bakeUntil.getTime() - now.getTime();
    if (!options.wait || left > MAX_WAIT_MS) {
      return {
        ...base,
        verdict: "baking",
        windows: [],
        figures: {},
        shadow: null,
        reasons: [],
        promotion: null,
        rollback: null
      };
    }
    context.logger.info(`the canary bakes until ${bakeUntil.toISOString()}: waiting ${Math.ceil(left / 6e4)} min`);
    await (options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(left);
    now = options.now === void 0 ? context.now() : bakeUntil;
  }
  const reasons = [];
  let windows = [];
  let figures = {};
  const valueRules = canary.rules.filter(
    (rule) => rule.max_regression === void 0 && rule.min_improvement === void 0
  );
  if (canary.logs !== void 0) {
    windows = await judgeWindowsSince(context, config, canary, valueRules, { alias, version: deployed.to, since, now });
    if (windows.length === 0) {
      reasons.push(
        `no metrics after the bake: no ${canary.window} window of the canary's logs started after the deploy (${since.toISOString()}) and ended by ${now.toISOString()}`
      );
    }
    for (const window of windows) {
      for (const outcome of window.outcomes) {
        if (outcome.verdict === "fail" || outcome.verdict === "error" || outcome.verdict === "skipped") {
          reasons.push(`window ${window.key}: ${outcome.metric} ${outcome.reason}`);
        }
      }
    }
  } else {
    const figured = await canaryCommandFigures(context, canary, { model, version: deployed.to, alias, since });
    if ("failed" in figured) reasons.push(figured.failed);
    else {
      figures = figured.figures;
      const outcomes = judgeFigures(valueRules, figures);
      windows = [{ key: "command", rows: figures.rows ?? 0, verdict: verdictOf(outcomes), outcomes }];
      for (const outcome of outcomes) if (failing(outcome)) reasons.push(`${outcome.metric}: ${outcome.reason}`);
    }
  }
  let shadow = null;
  if (canary.shadow) {
    const compared = await shadowComparison({ config, root: context.loaded.root, since, until: now, env: context.env });
    shadow = {
      rows: compared.rows,
      labelled: compared.labelled,
      pairing: compared.pairing,
      outcomes: compared.outcomes
    };
    for (const outcome of compared.outcomes) {
      if (failing(outcome)) reasons.push(`against the champion: ${outcome.metric} ${outcome.reason}`);
    }
  }
  if (reasons.length === 0) {
    const promotion = options.promote ? await deployVersion(context, registry, github, {
      target: canary.promote_to,
      ref: deployed.to,
      reason: `the canary ${deployed.to} passed on ${targetName} after ${canary.bake}`,
      force: false
    }) : null;
    return { ...base, verdict: "pass", windows, figures, shadow, reasons, promotion, rollback: null };
  }
  const why = `the canary ${deployed.to} failed on ${targetName}: ${reasons.join("; ")}`;
  context.logger.warn(why);
  const deploymentId = deployed.delivery?.deployment?.id;
  if (github && deploymentId !== void 0) {
    try {
      await github.setDeploymentStatus(deploymentId, { state: "failure", description: why });
    } catch (error) {
      context.logger.warn(`the canary's deployment status could not be set: ${error.message}`);
    }
  }
  let rollback;
  try {
    rollback = await deployVersion(context, registry, github, {
      target: targetName,
      ref: null,
      reason: why,
      force: false,
      rollback: true,
      keepIssue: false
    });
  } catch (error) {
    rollback = { failed: error.message };
  }
  const undone = "failed" in rollback ? `It could not be rolled back: ${rollback.failed}` : rollback.verdict === "pass" ? `The canary was rolled back to ${rollback.version}.` : `Rolling back to ${rollback.version} failed too: ${rollback.failure}`;
  await keepDeployIssue(
    github,
    deploy.issue,
    { model, alias },
    {
      failed: {
        title: `Canary rolled back: ${model}@${alias}`,
        body: [`**${why}**`, "", undone, "", ...reasons.map((reason) => `- ${reason}`)].join("\n"),
        comment: `${why}. ${undone}`
      }
    }
  );
  return { ...base, verdict: "fail", windows, figures, shadow, reasons, promotion: null, rollback };
}
async function judgeWindowsSince(context, config, canary, rules, { alias, version, since, now }) {
  const monitor = config.monitor;
  const canaryMonitor = {
    ...monitor,
    alias,
    window: canary.window,
    logs: { ...monitor.logs, path: canary.logs ?? monitor.logs.path },
    rules: [],
    alerts: { issue: { ...monitor.alerts.issue, open: false } },
    shards: 1
  };
  const canaryContext = {
    ...context,
    loaded: { ...context.loaded, config: { ...config, monitor: canaryMonitor } }
  };
  await runMonitor(canaryContext, { alias, now: now.toISOString() });
  const registry = await openRegistry(canaryContext);
  const log = await registry.monitorLog(config.model.name, alias);
  const windows = historyWindows(log, canary.window, (message) => context.logger.warn(message));
  const windowMs = WINDOW_MS[canary.window];
  return windows.filter((w) => w.version === version && w.start >= since.getTime() && w.start + windowMs <= now.getTime()).map((w) => {
    const metrics = w.result.metrics;
    const outcomes = judgeFigures(rules, { rows: w.result.rows, ...metrics });
    return { key: w.key, rows: w.result.rows, verdict: verdictOf(outcomes), outcomes };
  });
}
function judgeFigures(rules, figures) {
  return evaluateRuleList(
    rules,
    (rule) => rule.direction ?? windowMetricKind(rule.metric)?.direction ?? "higher",
    { metrics: figures, slices: [] },
    null
  ).map(
    (outcome) => outcome.candidate === null && outcome.kind === "value" ? { ...outcome, verdict: "fail", reason: `no figure "${outcome.metric}" was measured` } : outcome
  );
}
function failing(outcome) {
  return outcome.verdict === "fail" || outcome.verdict === "error";
}
function verdictOf(outcomes) {
  if (outcomes.some(failing)) return "fail";
  return outcomes.some((o) => o.verdict === "warn") ? "warn" : "pass";
}

// src/deploy/canary-section.ts
function canarySection(result) {
  const blocks = [];
  const title = `Canary: ${result.version} on ${result.target}`;
  if (result.verdict === "baking") {
    return {
      title,
      status: "skipped",
      headline: `${result.version} bakes on ${result.target} until ${result.bakeUntil}; nothing judged yet`,
      blocks: [{ kind: "text", text: `Deployed ${result.deployedAt}; judged after ${result.bakeUntil}.` }]
    };
  }
  const rows = result.windows.flatMap((window) => window.outcomes.map((o) => outcomeRow(window.key, o)));
  for (const outcome of result.shadow?.outcomes ?? []) rows.push(outcomeRow("vs champion (paired)", outcome));
  if (rows.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["Window", "Metric", "Value", "Rule", "Verdict", "Why"],
        rows,
        align: ["left", "left", "right"]
      }
    });
  }
  if (result.shadow) {
    blocks.push({
      kind: "text",
      text: `Shadow comparison: ${result.shadow.labelled} of ${result.shadow.rows} requests labelled; ${result.shadow.pairing}.`
    });
  }
  if (result.reasons.length > 0) blocks.push({ kind: "text", text: result.reasons.map((r) => `- ${r}`).join("\n") });
  const after = result.verdict === "pass" ? result.promotion ? result.promotion.verdict === "pass" ? `promoted to ${result.promotion.target} (${result.promotion.alias})` : `promotion to ${result.promotion.target} failed: ${result.promotion.failure}` : "ready to promote" : result.rollback === null ? "not rolled back" : "failed" in result.rollback ? `could not be rolled back: ${result.rollback.failed}` : `rolled back to ${result.rollback.version}`;
  return {
    title,
    status: result.verdict === "pass" ? "pass" : "fail",
    headline: `${result.version} ${result.verdict === "pass" ? "passed" : "failed"} its canary on ${result.target}: ${after}`,
    blocks
  };
}
function outcomeRow(where, o) {
  return [
    where,
    o.metric,
    o.candidate === null ? "-" : String(Number(o.candidate.toPrecision(4))),
    o.requirement,
    o.verdict,
    o.reason
  ];
}

// src/stages/canary.ts
var CanaryOptions = object({
  wait: flagOption({
    cli: { flag: "wait", description: "Wait for the bake to end (up to 5.5 h) instead of saying it bakes" },
    action: {
      input: "wait",
      description: "true to wait for the bake to end (up to 5.5 hours) instead of answering `baking`."
    }
  }),
  promote: flagOption({
    cli: { flag: "promote", description: "Deploy a passing canary to deploy.canary.promote_to" },
    action: {
      input: "promote",
      description: "true to deploy a passing canary to deploy.canary.promote_to in this job; the templates leave it false and deploy it from a job in the production Environment, so its reviewers approve."
    }
  }),
  now: textOption({
    cli: { flag: "now", valueName: "time", description: "The judge's time, ISO 8601 (default: now)" },
    action: { input: "now", description: "The judge's time, ISO 8601. Default: now." }
  }),
  githubToken: DeployOptions.shape.githubToken,
  registryToken: registryTokenOption("write")
});
async function runCanaryStage(context, options) {
  const github = githubForRun(context, options.githubToken);
  const withToken = withRegistryToken(context, options.registryToken);
  const registry = await openRegistry(withToken);
  const result = await judgeCanary(withToken, registry, github, {
    now: options.now,
    wait: options.wait,
    promote: options.promote
  });
  const failed = result.verdict === "fail" || result.promotion !== null && result.promotion.verdict !== "pass";
  return saveStageRun(context, "canary", result, canarySection(result), failed ? ExitCode.checkFailed : ExitCode.ok);
}
var canaryStage = defineStage({
  name: "canary",
  options: CanaryOptions,
  run: runCanaryStage,
  command: null,
  action: {
    description: "Judge the canary after its bake by deploy.canary.rules over what it served (and against the champion's shadow predictions); a failure rolls it back and records why, a pass can promote it.",
    icon: "git-pull-request",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description: "pass, fail (rolled back), baking (the bake is not over; nothing judged); error when it could not run.",
        value: ({ result }) => result.verdict
      },
      version: { description: "The canary's version.", value: ({ result }) => result.version }
    },
    failureMessage: ({ result }) => `the canary ${result.version} failed: ${result.reasons.join("; ")}`
  }
});

export {
  CanaryOptions,
  runCanaryStage,
  canaryStage
};
