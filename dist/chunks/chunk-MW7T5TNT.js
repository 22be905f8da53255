import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CBPE_ASSUMPTION,
  SKIPPED_EXAMPLES,
  WINDOW_RESULT_FORMAT,
  arrivalDateOf,
  breachLines,
  cellOf,
  earlierWindows,
  emptyWindow,
  githubForRun,
  historyWindows,
  isoUtc,
  joinLabels,
  judgeWindows,
  labelCompleteness,
  labelFiles,
  labelFilesFor,
  logEntry,
  measureWindow,
  openDelimitedSpans,
  packMarks,
  parseTimestamp,
  unmatchedLabels,
  unpackMarks,
  windowOf,
  windowsForLabelArrival
} from "./chunk-5DN7EZ73.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  saveStageRun
} from "./chunk-GM3DQO2S.js";
import {
  profileSources,
  readProfileFile
} from "./chunk-UWNI5IZX.js";
import {
  predictionColumns,
  resolvePositiveLabel
} from "./chunk-CFS6OHL3.js";
import {
  formatOf,
  openTable
} from "./chunk-ZOZ5APGE.js";
import {
  issueTokenOption,
  registryTokenOption,
  withRegistryToken
} from "./chunk-5UXVYUWZ.js";
import {
  openRegistry
} from "./chunk-7ZIPCBYU.js";
import {
  RetriesExhausted,
  createRetrier
} from "./chunk-ASQHJYOS.js";
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  HELD_VALUES_BUDGET
} from "./chunk-GO6SIHAX.js";
import {
  DriftConfig,
  durationMs
} from "./chunk-CKQNB7V5.js";
import {
  ESTIMATED_PREFIX,
  WINDOW_MEASURES,
  monitorMetrics
} from "./chunk-NDR5IGVA.js";
import {
  countOption,
  flagOption,
  globsOption,
  shardOption,
  textOption
} from "./chunk-FPYOTNJS.js";
import {
  fetchSources,
  listSources,
  shardOf
} from "./chunk-GGC6PM5E.js";
import {
  projectStoreSettings,
  renderMarkdown
} from "./chunk-NFXRFKJG.js";
import {
  array,
  base64,
  builtinMetric,
  iso_exports,
  literal,
  number,
  object,
  perClassMetric,
  primaryMetricOf,
  readJsonLimited,
  record,
  string
} from "./chunk-JCTNFSN4.js";
import {
  ExitCode,
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/stages/monitor.ts
import path7 from "node:path";

// src/monitor/alerts.ts
import path2 from "node:path";

// src/alerts/issue.ts
async function keepOneIssue(github, spec, state) {
  const marked = async () => (await github.listOpenIssues(spec.labels)).filter((issue) => issue.body.includes(spec.marker)).sort((a, b) => a.number - b.number);
  const listed = await marked();
  const [open] = listed;
  if ("resolved" in state) {
    if (!open) return null;
    for (const issue of listed) {
      await github.createIssueComment(issue.number, state.resolved.comment);
      await github.updateIssue(issue.number, { state: "closed", stateReason: "completed" });
    }
    return { number: open.number, url: open.url, action: "closed", duplicatesClosed: [] };
  }
  const body = `${spec.marker}
${state.open.body}`;
  if (open) {
    await github.updateIssue(open.number, { body });
    await github.createIssueComment(open.number, state.open.comment);
    return { number: open.number, url: open.url, action: "updated", duplicatesClosed: [] };
  }
  const created = await github.createIssue({
    title: spec.title,
    body,
    labels: [...spec.labels],
    assignees: [...spec.assignees]
  });
  const [kept] = await marked();
  if (kept && kept.number !== created.number) {
    await github.createIssueComment(created.number, `Duplicate of #${kept.number}: two runs opened one each.`);
    await github.updateIssue(created.number, { state: "closed", stateReason: "not_planned" });
    return { number: kept.number, url: kept.url, action: "updated", duplicatesClosed: [created.number] };
  }
  return { number: created.number, url: created.url, action: "opened", duplicatesClosed: [] };
}

// src/alerts/prometheus-exposition.ts
var METRIC_PREFIX = "mlops_monitor_";
function exposeWindows(alert, windows = alert.windows) {
  const families = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Map();
  const skipped = [];
  const add = (family, labels, value, figure) => {
    const sample = `${family.name}${renderLabels(labels)}`;
    const earlier = seen.get(sample);
    if (earlier !== void 0) {
      skipped.push(`${figure} of window ${labelValue(labels, "window")}: its metric is already ${earlier}'s`);
      return;
    }
    seen.set(sample, figure);
    let entry = families.get(family.name);
    if (!entry) families.set(family.name, entry = { name: family.name, help: family.help, samples: [] });
    entry.samples.push(`${sample} ${formatValue(value * family.scale)}`);
  };
  for (const window of windows) {
    const base = [
      ["model", alert.model],
      ["alias", alert.alias],
      ["version", alert.version],
      ["window", window.key],
      ["window_size", window.size]
    ];
    for (const fixed of windowFamilies(window)) add(fixed.family, base, fixed.value, fixed.family.name);
    for (const [figure, value] of Object.entries(window.metrics)) {
      const family = figureFamily(figure, false);
      add(family, [...base, ...family.labels], value, figure);
    }
    for (const slice of window.slices) {
      const sliceLabels = [
        ["slice_column", slice.column],
        ["slice_value", slice.value]
      ];
      for (const [figure, value] of Object.entries(slice.metrics)) {
        const family = figureFamily(figure, true);
        add(
          family,
          [...base, ...family.labels, ...sliceLabels],
          value,
          `${figure} of slice ${slice.column}=${slice.value}`
        );
      }
    }
  }
  return { families: [...families.values()], skipped };
}
function renderFamilies(families) {
  return families.filter((family) => family.samples.length > 0).map(
    (family) => [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} gauge`, ...family.samples].join("\n")
  ).map((block) => `${block}
`).join("");
}
function windowFamilies(window) {
  const fixed = (name, help) => ({
    name: METRIC_PREFIX + name,
    help,
    scale: 1,
    labels: []
  });
  const families = [
    {
      family: fixed("breached", "1 when a monitor rule of severity error broke on the window, else 0"),
      value: window.verdict === "fail" ? 1 : 0
    },
    {
      family: fixed("broken_rules", "monitor rules the window broke (severity error or warn)"),
      value: window.breaches.length
    },
    {
      family: fixed("window_start_time_seconds", "start of the window (inclusive), seconds since the Unix epoch"),
      value: Date.parse(window.start) / 1e3
    },
    {
      family: fixed("window_end_time_seconds", "end of the window (exclusive), seconds since the Unix epoch"),
      value: Date.parse(window.end) / 1e3
    }
  ];
  if (window.labelsComplete !== null)
    families.push({
      family: fixed("labels_complete", "1 when every label of the window's predictions is in, else 0"),
      value: window.labelsComplete ? 1 : 0
    });
  return families;
}
var LATENCY = /^latency_p\d+$/;
function figureFamily(figure, slice) {
  const prefix = METRIC_PREFIX + (slice ? "slice_" : "");
  const onSlice = slice ? ", on one slice of the window (slice_column = slice_value)" : "";
  const estimated = figure.startsWith(ESTIMATED_PREFIX);
  const metric = estimated ? figure.slice(ESTIMATED_PREFIX.length) : figure;
  const perClass = perClassMetric(metric);
  if (perClass) {
    const name = `${prefix}${estimated ? ESTIMATED_PREFIX : ""}${perClass.metric}_per_class`;
    const what = `${perClass.metric} of the class in the label class`;
    const help = estimated ? `CBPE estimate of the ${what}` : `${what}, realised once labels joined`;
    return { name, help: help + onSlice, scale: 1, labels: [["class", perClass.label]] };
  }
  if (LATENCY.test(figure)) {
    const percentile = figure.slice("latency_p".length);
    const help = `${percentile}th percentile of the predictions' latency, in seconds${onSlice}`;
    return { name: `${prefix}${figure}_seconds`, help, scale: 1 / 1e3, labels: [] };
  }
  return {
    name: prefix + sanitiseName(figure),
    help: describeFigure(figure, estimated, metric) + onSlice,
    scale: 1,
    labels: []
  };
}
function describeFigure(figure, estimated, metric) {
  if (Object.hasOwn(WINDOW_MEASURES, figure))
    return WINDOW_MEASURES[figure].description;
  const builtin = builtinMetric(metric);
  if (builtin)
    return estimated ? `CBPE estimate of ${builtin.description}` : `${builtin.description}, realised once labels joined`;
  return `the monitor's figure ${figure}`;
}
function sanitiseName(figure) {
  return figure.replace(/[^a-zA-Z0-9_]/g, "_");
}
function renderLabels(labels) {
  return `{${labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(",")}}`;
}
function labelValue(labels, name) {
  return labels.find(([key2]) => key2 === name)?.[1] ?? "";
}
function escapeLabelValue(value) {
  return value.replace(/[\\"\n]/g, (c) => c === "\n" ? "\\n" : `\\${c}`);
}
function escapeHelp(text) {
  return text.replace(/[\\\n]/g, (c) => c === "\n" ? "\\n" : "\\\\");
}
function formatValue(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

// src/alerts/prometheus-groups.ts
function groupPath(job, labels) {
  return ["/metrics", ...[["job", job], ...labels].map(([name, value]) => segment(name, value))].join("/");
}
function segment(name, value) {
  if (/^[A-Za-z0-9_.~-]+$/.test(value) && value !== "." && value !== "..") return `${name}/${value}`;
  const encoded = value === "" ? "=" : Buffer.from(value, "utf8").toString("base64url");
  return `${name}@base64/${encoded}`;
}
function sizeOfKey(key2) {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(key2)) return "hour";
  if (/^\d{4}-\d{2}-\d{2}$/.test(key2)) return "day";
  if (/^\d{4}-W\d{2}$/.test(key2)) return "week";
  return null;
}
async function pruneGroups(group, keep, request) {
  const deleted = [];
  const call = async (method, path8) => {
    const answer = await request.fetch(`${request.base}${path8}`, {
      method,
      headers: request.headers,
      signal: AbortSignal.timeout(request.timeoutSeconds * 1e3)
    });
    if (!answer.ok) throw new Error(`${method} ${path8} answered ${answer.status}`);
    return answer;
  };
  try {
    const listing = await (await call("GET", "/api/v1/metrics")).json();
    const bySize = /* @__PURE__ */ new Map();
    for (const entry of listing.data ?? []) {
      const labels = entry.labels ?? {};
      const window = labels.window;
      const ours = Object.keys(labels).length === 4 && labels.job === group.job && labels.model === group.model && labels.alias === group.alias;
      const size = typeof window === "string" ? sizeOfKey(window) : null;
      if (!ours || typeof window !== "string" || size === null) continue;
      bySize.set(size, [...bySize.get(size) ?? [], window]);
    }
    for (const windows of bySize.values()) {
      const stale = windows.sort().reverse().slice(keep.newest).filter((w) => !keep.windows.includes(w));
      for (const window of stale) {
        const labels = [
          ["model", group.model],
          ["alias", group.alias],
          ["window", window]
        ];
        await call("DELETE", groupPath(group.job, labels));
        deleted.push(window);
      }
    }
    return { deleted, error: null };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const words = error instanceof Error ? `${error.message}${cause}` : String(error);
    return { deleted, error: `could not delete older windows' groups: ${words}` };
  }
}

// src/alerts/prometheus-push.ts
async function pushWindows(alert, settings, dependencies = {}) {
  const send = dependencies.fetch ?? fetch;
  const target = parseGateway(settings.url);
  if (typeof target === "string") {
    const shown = withoutCredentials(settings.url);
    const failed = alert.windows.map((w) => ({ window: w.key, url: shown, status: null, error: target, attempts: 0 }));
    return { gateway: shown, job: settings.job, pushed: [], failed, pruned: null };
  }
  const { base, authorization } = target;
  const headers = {
    "content-type": "text/plain; version=0.0.4; charset=utf-8",
    ...authorization ? { authorization } : {},
    ...settings.headers
  };
  const retrier = createRetrier({ seconds: settings.retrySeconds }, dependencies.clock);
  const outcome = { gateway: base, job: settings.job, pushed: [], failed: [], pruned: null };
  let silent = null;
  for (const window of alert.windows) {
    const path8 = groupPath(settings.job, [
      ["model", alert.model],
      ["alias", alert.alias],
      ["window", window.key]
    ]);
    const url = `${base}${path8}`;
    if (silent !== null) {
      outcome.failed.push({ window: window.key, url, status: null, error: `not tried: ${silent}`, attempts: 0 });
      continue;
    }
    const body = renderFamilies(exposeWindows(alert, [window]).families);
    let attempts = 0;
    try {
      const status = await retrier.run(async (number2) => {
        attempts = number2;
        const answer = await send(url, {
          method: "PUT",
          headers,
          body,
          signal: AbortSignal.timeout(settings.timeoutSeconds * 1e3)
        });
        const text = await answer.text().catch(() => "");
        if (!answer.ok) throw new GatewayAnswer(answer.status, text);
        return answer.status;
      }, isTransient);
      outcome.pushed.push({ window: window.key, url, status, attempts });
    } catch (error) {
      const last = error instanceof RetriesExhausted ? error.cause : error;
      const tries = error instanceof RetriesExhausted ? error.describeTries() : void 0;
      const status = last instanceof GatewayAnswer ? last.status : null;
      const words = describeFailure(last, settings.timeoutSeconds) + (tries ? ` (${tries})` : "");
      outcome.failed.push({ window: window.key, url, status, error: words, attempts });
      if (status === null) silent = `the gateway did not answer the push of window ${window.key}`;
    }
  }
  if (settings.keepWindows !== null && outcome.pushed.length > 0) {
    const group = { job: settings.job, model: alert.model, alias: alert.alias };
    const keep = { newest: settings.keepWindows, windows: outcome.pushed.map((p) => p.window) };
    const request = { base, headers, timeoutSeconds: settings.timeoutSeconds, fetch: send };
    outcome.pruned = await pruneGroups(group, keep, request);
  }
  return outcome;
}
var GatewayAnswer = class extends Error {
  status;
  constructor(status, body) {
    const said = body.trim().replace(/\s+/g, " ").slice(0, 300);
    super(`the gateway answered ${status}${said ? `: ${said}` : ""}`);
    this.status = status;
  }
};
function isTransient(error) {
  if (error instanceof GatewayAnswer) return error.status >= 500 || error.status === 429;
  return error instanceof Error && (error.name === "TypeError" || error.name === "TimeoutError" || error.name === "AbortError");
}
function describeFailure(error, timeoutSeconds) {
  if (error instanceof GatewayAnswer) return error.message;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${timeoutSeconds} s`;
  if (error instanceof Error) {
    const cause = error.cause;
    const code = typeof cause?.code === "string" ? cause.code : void 0;
    const detail = typeof cause?.message === "string" ? cause.message : error.message;
    return `could not reach the gateway: ${detail}${code && !detail.includes(code) ? ` (${code})` : ""}`;
  }
  return `could not reach the gateway: ${String(error)}`;
}
function parseGateway(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return `the Pushgateway URL ${JSON.stringify(withoutCredentials(url))} is not a URL (expected http://host:9091)`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return `the Pushgateway URL must start with http:// or https://, not ${parsed.protocol}`;
  parsed.search = "";
  parsed.hash = "";
  let authorization = null;
  if (parsed.username || parsed.password) {
    const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    authorization = `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
    parsed.username = "";
    parsed.password = "";
  }
  return { base: parsed.href.replace(/\/+$/, ""), authorization };
}
function withoutCredentials(url) {
  return url.replace(/\/\/[^/@]*@/, "//");
}

// src/alerts/prometheus-textfile.ts
import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
async function writeTextfile(alert, settings) {
  const file = path.resolve(settings.file);
  const latest = latestOfEachSize(alert.windows);
  const windows = latest.map((w) => w.key);
  if (!file.endsWith(".prom"))
    return {
      file,
      windows: [],
      error: `${file} does not end in .prom: the textfile collector reads *.prom files only`
    };
  if (latest.length === 0) return { file, windows, error: null };
  let previous = "";
  try {
    previous = await readFile(file, "utf8");
  } catch (error) {
    if (errorCode(error) !== "ENOENT")
      return { file, windows: [], error: `could not read ${file}: ${describe(error)}` };
  }
  const sizes = new Set(latest.map((w) => w.size));
  const replaced = (labels) => labels.get("model") === alert.model && labels.get("alias") === alert.alias && sizes.has(labels.get("window_size") ?? "");
  const families = mergeFamilies(keptFamilies(previous, replaced), exposeWindows(alert, latest).families);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, renderFamilies(families));
    await chmod(temporary, 420);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => void 0);
    return { file, windows: [], error: `could not write ${file}: ${describe(error)}` };
  }
  return { file, windows, error: null };
}
function latestOfEachSize(windows) {
  const latest = /* @__PURE__ */ new Map();
  for (const window of windows) {
    const current = latest.get(window.size);
    if (!current || Date.parse(window.start) > Date.parse(current.start)) latest.set(window.size, window);
  }
  return [...latest.values()];
}
function keptFamilies(text, replaced) {
  const families = /* @__PURE__ */ new Map();
  const family = (name) => {
    let entry = families.get(name);
    if (!entry) families.set(name, entry = { name, help: "", samples: [] });
    return entry;
  };
  for (const line of text.split("\n")) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (help?.[1] !== void 0) {
      family(help[1]).help = unescapeHelp(help[2] ?? "");
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? \S+$/.exec(line);
    if (sample?.[1] === void 0) continue;
    if (!replaced(parseLabels(sample[2] ?? ""))) family(sample[1]).samples.push(line);
  }
  return [...families.values()];
}
function mergeFamilies(earlier, later) {
  const merged = new Map(earlier.map((f) => [f.name, { ...f, samples: [...f.samples] }]));
  for (const family of later) {
    const entry = merged.get(family.name);
    if (entry) {
      entry.help = family.help;
      entry.samples.push(...family.samples);
    } else merged.set(family.name, { ...family, samples: [...family.samples] });
  }
  return [...merged.values()];
}
function parseLabels(text) {
  const labels = /* @__PURE__ */ new Map();
  for (const match of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
    labels.set(
      match[1] ?? "",
      (match[2] ?? "").replace(/\\(.)/g, (_, c) => c === "n" ? "\n" : c)
    );
  return labels;
}
function unescapeHelp(text) {
  return text.replace(/\\([\\n])/g, (_, c) => c === "n" ? "\n" : "\\");
}
function errorCode(error) {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : void 0;
}
function describe(error) {
  const code = errorCode(error);
  if (code === "ENOENT") return "its folder does not exist (create it, or point textfile at the collector's folder)";
  if (code === "EACCES" || code === "EPERM") return "permission denied (the job's user must be able to write there)";
  return error instanceof Error ? error.message : String(error);
}

// src/alerts/prometheus.ts
async function sendToPrometheus(alert, settings, dependencies = {}) {
  const pushgateway = settings.pushgateway ? await pushWindows(alert, settings.pushgateway, dependencies) : null;
  const textfile = settings.textfile ? await writeTextfile(alert, settings.textfile) : null;
  const skipped = exposeWindows(alert).skipped;
  const ok = (pushgateway?.failed.length ?? 0) === 0 && (textfile?.error ?? null) === null;
  return { pushgateway, textfile, skipped, ok, lines: describeOutcome(pushgateway, textfile, skipped) };
}
function describeOutcome(push, textfile, skipped) {
  const lines = [];
  if (push) {
    const pushed = push.pushed.length;
    const total = pushed + push.failed.length;
    lines.push(
      `Pushgateway ${push.gateway}: pushed ${pushed} of ${total} window${total === 1 ? "" : "s"} (job ${push.job})`
    );
    for (const failed of push.failed) lines.push(`  window ${failed.window} not pushed: ${failed.error}`);
    if (push.pruned && push.pruned.deleted.length > 0)
      lines.push(`  deleted the groups of older windows ${push.pruned.deleted.join(", ")}`);
    if (push.pruned?.error) lines.push(`  ${push.pruned.error}`);
  }
  if (textfile) {
    if (textfile.error !== null) lines.push(`Textfile: ${textfile.error}`);
    else if (textfile.windows.length === 0) lines.push(`Textfile ${textfile.file}: no window to write`);
    else
      lines.push(
        `Textfile ${textfile.file}: wrote window${textfile.windows.length === 1 ? "" : "s"} ${textfile.windows.join(", ")}`
      );
  }
  for (const line of skipped) lines.push(`Not exported: ${line}`);
  return lines;
}

// src/alerts/webhook-message.ts
var SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3e3,
  headerText: 150,
  contextElements: 10
};
var TEXT_LIMIT = 2e3;
var MAX_WINDOW_SECTIONS = 3;
var MAX_BREACHES_PER_WINDOW = 5;
var WINDOWS_IN_TEXT = 3;
function escapeMrkdwn(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
function breachedWindows(alert) {
  return alert.windows.filter((w) => w.breaches.length > 0).reverse();
}
function ruleName(breach, windowKey) {
  const line = breach.trim();
  const rest = line.startsWith(`${windowKey}: `) ? line.slice(windowKey.length + 2) : line;
  return rest.split(/\s+/)[0] ?? rest;
}
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
function truncate(text, limit) {
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  let cut = chars.slice(0, Math.max(0, limit - 1)).join("");
  cut = cut.replace(/&[a-z]{0,3}$/, "");
  return `${cut}\u2026`;
}
function headline(alert, breached) {
  const total = alert.windows.length;
  if (breached.length === 0) return `all ${plural(total, "window")} healthy`;
  return `${breached.length} of ${plural(total, "window")} breached`;
}
function webhookText(alert) {
  const breached = breachedWindows(alert);
  const named = breached.slice(0, WINDOWS_IN_TEXT).map((w) => {
    const rules = [...new Set(w.breaches.map((b) => ruleName(b, w.key)))];
    return `${rules.join(" and ")} on ${w.key}`;
  });
  const more = breached.length - named.length;
  const what = named.length === 0 ? "" : ` \u2014 ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
  const run = alert.runUrl === null ? "" : ` ${alert.runUrl}`;
  const text = `${alert.model}@${alert.alias}: ${headline(alert, breached)}${what} (version ${alert.version})${run}`;
  return truncate(escapeMrkdwn(text), TEXT_LIMIT);
}
function windowParagraph(window) {
  const shown = window.breaches.slice(0, MAX_BREACHES_PER_WINDOW);
  const lines = [
    `*${escapeMrkdwn(window.key)}* (${window.size}, ${plural(window.rows, "row")}) \u2014 ${window.verdict}` + (window.labelsComplete === false ? ", labels incomplete" : ""),
    ...shown.map((b) => `\u2022 ${escapeMrkdwn(b)}`)
  ];
  const more = window.breaches.length - shown.length;
  if (more > 0) lines.push(`\u2022 and ${more} more`);
  return truncate(lines.join("\n"), SLACK_LIMITS.sectionText - 100);
}
function windowSections(breached, runLink) {
  const sections = [];
  let current = "";
  let listed = 0;
  for (const window of breached) {
    const paragraph = windowParagraph(window);
    const joined = current === "" ? paragraph : `${current}

${paragraph}`;
    if (Array.from(joined).length <= SLACK_LIMITS.sectionText - 100) {
      current = joined;
    } else if (sections.length + 1 < MAX_WINDOW_SECTIONS) {
      sections.push(current);
      current = paragraph;
    } else {
      break;
    }
    listed++;
  }
  const rest = breached.length - listed;
  if (rest > 0) current += `

_and ${plural(rest, "more breached window")}${runLink ? `: see ${runLink}` : ""}_`;
  if (current !== "") sections.push(current);
  return sections.map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}
function buildWebhookMessage(alert) {
  const breached = breachedWindows(alert);
  const runLink = alert.runUrl === null ? "" : `<${escapeMrkdwn(alert.runUrl)}|the monitoring run>`;
  const status = alert.verdict === "fail" ? "monitor breached" : breached.length > 0 ? "monitor warning" : "monitor ok";
  const header = {
    type: "header",
    text: {
      type: "plain_text",
      text: truncate(`${alert.model}@${alert.alias}: ${status}`, SLACK_LIMITS.headerText),
      emoji: true
    }
  };
  const summary = {
    type: "section",
    text: {
      type: "mrkdwn",
      text: truncate(
        `*${escapeMrkdwn(alert.model)}@${escapeMrkdwn(alert.alias)}*: ${headline(alert, breached)}, verdict *${alert.verdict}*` + (breached.length > 1 ? " (newest first)." : "."),
        SLACK_LIMITS.sectionText
      )
    }
  };
  const context = {
    type: "context",
    elements: [
      { type: "mrkdwn", text: truncate(`version *${escapeMrkdwn(alert.version)}*`, SLACK_LIMITS.sectionText) },
      ...runLink === "" ? [] : [{ type: "mrkdwn", text: runLink }]
    ]
  };
  return { text: webhookText(alert), blocks: [header, summary, ...windowSections(breached, runLink), context] };
}

// src/alerts/webhook.ts
var WEBHOOK_DEFAULTS = {
  timeoutMs: 1e4,
  budgetMs: 6e4,
  maxAttempts: 4,
  backoffMs: 1e3,
  maxRetryAfterMs: 3e4
};
async function notifyWebhook(alert, settings, url, options = {}) {
  if (url === void 0 || url.trim() === "") {
    return {
      outcome: "skipped",
      reason: "not-configured",
      message: `the webhook is not configured in this run (${settings.urlEnv} is empty): set it from a secret in the workflow's env; a pull request from a fork gets no secrets, so there it stays empty`
    };
  }
  if (settings.send === "breach" && alert.verdict !== "fail") {
    return { outcome: "skipped", reason: "no-breach", message: "no breach in this run: the webhook was not called" };
  }
  return postWebhook(url.trim(), buildWebhookMessage(alert), settings.urlEnv, options);
}
async function postWebhook(url, message, urlEnv, options = {}) {
  const settings = { ...WEBHOOK_DEFAULTS, ...definedOnly(options) };
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  let target;
  try {
    target = new URL(url);
  } catch {
    return invalidUrl(urlEnv, "is not a URL");
  }
  if (target.protocol !== "https:" && target.protocol !== "http:")
    return invalidUrl(urlEnv, `is a ${target.protocol.replace(/:$/, "")} URL, not http(s)`);
  const secrets = secretParts(url, target);
  const where = `the webhook at ${target.host} (${urlEnv})`;
  const body = JSON.stringify(message);
  const start = now();
  for (let attempt = 1; ; attempt++) {
    const elapsed = now() - start;
    const timeout = Math.max(1, Math.min(settings.timeoutMs, settings.budgetMs - elapsed));
    let answer;
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "user-agent": "mlops-kit" },
        body,
        // A webhook that moved says so rather than have the alert (and a POST turned GET) sent on somewhere else.
        redirect: "manual",
        signal: AbortSignal.timeout(timeout)
      });
      const text = await response.text().catch(() => "");
      answer = { status: response.status, retryAfter: response.headers.get("retry-after"), text };
    } catch (error) {
      answer = { status: null, error: errorCode2(error) };
    }
    if (answer.status !== null && answer.status >= 200 && answer.status < 300) {
      return {
        outcome: "delivered",
        status: answer.status,
        attempts: attempt,
        message: `posted to ${where}: ${answer.status}${attempt > 1 ? ` after ${attempt} attempts` : ""}`
      };
    }
    if (!(answer.status === null || answer.status >= 500 || answer.status === 429))
      return failure(answer, attempt, where, null, secrets);
    const wait = waitBefore(answer, attempt, settings.backoffMs, now);
    const stop = reasonToStop(attempt, wait, now() - start, settings);
    if (stop !== null) return failure(answer, attempt, where, stop, secrets);
    await sleep(wait.ms);
  }
}
function reasonToStop(attempt, wait, elapsed, settings) {
  const tries = `${attempt} ${attempt === 1 ? "attempt" : "attempts"}`;
  if (attempt >= settings.maxAttempts) return `gave up after ${tries}`;
  if (wait.fromServer && wait.ms > settings.maxRetryAfterMs)
    return `the server asked to wait ${Math.ceil(wait.ms / 1e3)} s, more than the ${settings.maxRetryAfterMs / 1e3} s allowed`;
  if (elapsed + wait.ms >= settings.budgetMs)
    return `gave up after ${tries}: the next would pass the ${settings.budgetMs / 1e3} s budget`;
  return null;
}
function waitBefore(answer, attempt, backoffMs, now) {
  const backoff = { ms: backoffMs * 2 ** (attempt - 1), fromServer: false };
  if (answer.status === null || answer.retryAfter === null) return backoff;
  const header = answer.retryAfter.trim();
  if (/^\d+$/.test(header)) return { ms: Number(header) * 1e3, fromServer: true };
  const date = Date.parse(header);
  return Number.isNaN(date) ? backoff : { ms: Math.max(0, date - now()), fromServer: true };
}
function failure(answer, attempts, where, stop, secrets) {
  const then = stop === null ? "" : ` (${stop})`;
  if (answer.status === null) {
    const what = answer.error === "timeout" ? "did not answer in time" : `could not be reached: ${answer.error}`;
    return {
      outcome: "failed",
      status: null,
      error: answer.error,
      attempts,
      message: redact(`${where} ${what}${then}`, secrets)
    };
  }
  const said = answer.text.trim() === "" ? "" : `: ${truncateLine(answer.text)}`;
  const hint = answer.status === 404 || answer.status === 410 || answer.status === 403 ? "; the webhook may have been removed or revoked: create a new one and update the secret" : answer.status >= 300 && answer.status < 400 ? "; the webhook redirects elsewhere: set the secret to the address it moved to" : answer.status === 400 ? "; the chat tool refused the message's JSON: report it with the run's log" : "";
  return {
    outcome: "failed",
    status: answer.status,
    error: null,
    attempts,
    message: redact(`${where} answered ${answer.status}${said}${then}${hint}`, secrets)
  };
}
function invalidUrl(urlEnv, what) {
  return {
    outcome: "failed",
    status: null,
    error: "invalid-url",
    attempts: 0,
    message: `${urlEnv} ${what}: set it to the webhook's https:// address (its value is not shown: it is a secret)`
  };
}
function errorCode2(error) {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const cause = error instanceof Error ? error.cause : void 0;
  if (typeof cause?.code === "string" && /^[A-Z0-9_]+$/.test(cause.code)) return cause.code;
  return "network-error";
}
function secretParts(raw, url) {
  const parts = [raw, url.href, `${url.pathname}${url.search}`, url.pathname, url.search, url.username, url.password];
  for (const value of url.searchParams.values()) parts.push(value, encodeURIComponent(value));
  for (const segment2 of url.pathname.split("/")) if (segment2.length >= 16) parts.push(segment2, decodeSafely(segment2));
  return [...new Set(parts)].filter((p) => p.length >= 8).sort((a, b) => b.length - a.length);
}
function decodeSafely(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function redact(text, secrets) {
  let out = text;
  for (const secret of secrets) out = out.replaceAll(secret, "[redacted]");
  return out;
}
function truncateLine(text) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
function definedOnly(options) {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== void 0));
}

// src/monitor/alerts.ts
function alertOf(result, rules, runUrl) {
  const judged = new Map(result.judgements.map((j) => [j.window, j]));
  return {
    model: result.model,
    alias: result.alias,
    version: result.version,
    runUrl,
    verdict: result.verdict === "fail" ? "fail" : "pass",
    newest: result.history.at(-1)?.key ?? null,
    windows: result.windows.map((w) => {
      const judgement = judged.get(w.window.key);
      return {
        key: w.window.key,
        size: result.window,
        start: w.window.start,
        end: w.window.end,
        rows: w.rows,
        labelsComplete: w.labels?.complete ?? null,
        metrics: w.metrics,
        slices: w.slices.map(({ column, value, metrics }) => ({ column, value, metrics })),
        verdict: judgement?.verdict ?? "none",
        breaches: judgement ? breachLines([judgement]).map((line) => line.slice(judgement.window.length + 2)) : [],
        retrain: judgement?.outcomes.some(
          (o) => (o.verdict === "fail" || o.verdict === "error") && rules[o.rule]?.action === "retrain"
        ) ?? false
      };
    })
  };
}
function monitorIssueMarker(model, alias) {
  return `<!-- mlops-kit:monitor:${model}:${alias} -->`;
}
var BODY_LIMIT = 6e4;
async function keepMonitorIssue(github, settings, alert, section) {
  if (!settings.open) return { skipped: "monitor.alerts.issue.open is false" };
  if (!github) return { skipped: "no GitHub token or repository here: no issue was opened or closed" };
  const judged = alert.windows.filter((w) => w.verdict !== "none");
  if (judged.length === 0) return { skipped: "no window was judged in this run" };
  const run = alert.runUrl ? ` in ${alert.runUrl}` : "";
  const breached = judged.filter((w) => w.verdict === "fail");
  const newest = newestJudged(alert);
  if (!newest) return { skipped: "this run judged only older windows again; the newest window decides the issue" };
  const spec = {
    marker: monitorIssueMarker(alert.model, alert.alias),
    title: `Monitor breach: ${alert.model}@${alert.alias}`,
    labels: settings.labels,
    assignees: settings.assignees
  };
  try {
    if (newest.verdict !== "fail") {
      const healthy = judged.filter((w) => w.verdict !== "fail").map((w) => w.key).join(", ");
      const older = breached.length > 0 ? ` (older window(s) ${breached.map((w) => w.key).join(", ")}, computed again, still break a rule)` : "";
      return {
        done: await keepOneIssue(github, spec, {
          resolved: {
            comment: `Healthy again: window(s) ${healthy} broke no rule of severity error${run}${older}. Closing.`
          }
        })
      };
    }
    const report = renderMarkdown(section);
    const body = [
      `The monitor of **${alert.model}** at alias **${alert.alias}** (version ${alert.version}) found a breach${alert.runUrl ? ` in [this run](${alert.runUrl})` : ""}.`,
      "",
      "This issue is kept up to date by mlops-kit and closed when a later window passes every rule.",
      "",
      report.length > BODY_LIMIT ? `${report.slice(0, BODY_LIMIT)}

(cut to fit; the whole report is in the run's job summary)` : report
    ].join("\n");
    const lines = breached.flatMap((w) => w.breaches.slice(0, 3).map((line) => `- ${w.key}: ${line}`));
    const comment = [`Breached again${run}:`, ...lines.slice(0, 10)].join("\n");
    return { done: await keepOneIssue(github, spec, { open: { body, comment } }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      failed: /: 40[13]\b/.test(message) ? "could not keep the monitoring issue: the token lacks `issues: write`; add `issues: write` under `permissions:` of the job that runs the monitor (the `monitor` or `merge` job of .github/workflows/mlops-monitor.yml)" : `could not keep the monitoring issue up to date: ${message}`
    };
  }
}
async function sendWebhook(alert, settings, env) {
  if (!settings) return null;
  return notifyWebhook(alert, { urlEnv: settings.url_env, send: settings.send }, env[settings.url_env], {
    timeoutMs: settings.timeout_seconds * 1e3,
    budgetMs: settings.budget_seconds * 1e3
  });
}
async function sendPrometheus(alert, settings, root) {
  if (!settings) return null;
  return sendToPrometheus(alert, {
    pushgateway: settings.pushgateway ? {
      url: settings.pushgateway,
      job: settings.job,
      retrySeconds: settings.retry_seconds,
      timeoutSeconds: settings.timeout_seconds,
      keepWindows: settings.keep_windows
    } : null,
    textfile: settings.textfile ? { file: path2.resolve(root, settings.textfile) } : null
  });
}
var RETRAIN_WORKFLOW = "mlops-retrain.yml";
async function dispatchRetrain(github, alert, ref, issue) {
  const latest = newestJudged(alert);
  if (!latest?.retrain) return { skipped: "the newest window broke no rule with action: retrain" };
  if ("done" in issue && issue.done?.action === "updated") {
    return { skipped: `the breach goes on (issue #${issue.done.number}): retraining was asked for when it began` };
  }
  if (!github || !ref) return { skipped: "no GitHub token, repository or branch here: retraining was not dispatched" };
  const reason = `monitor breach of ${alert.model}@${alert.alias} (${alert.version}) on ${latest?.key ?? ""}: ${latest?.breaches[0] ?? ""}` + (alert.runUrl ? ` (${alert.runUrl})` : "");
  const branch = ref.replace(/^refs\/heads\//, "");
  try {
    await github.dispatchWorkflow(RETRAIN_WORKFLOW, branch, { reason: reason.slice(0, 1e3) });
    return { done: { workflow: RETRAIN_WORKFLOW, ref: branch, reason } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      failed: /: 40[13]\b/.test(message) ? `could not run ${RETRAIN_WORKFLOW}: the token lacks \`actions: write\`; add \`actions: write\` under \`permissions:\` of the job that runs the monitor (the \`monitor\` or \`merge\` job of .github/workflows/mlops-monitor.yml; \`mlops init --workflows\` writes it when a rule has action: retrain)` : `could not run ${RETRAIN_WORKFLOW}: ${message}`
    };
  }
}
function newestJudged(alert) {
  return alert.windows.find((w) => w.key === alert.newest && w.verdict !== "none");
}
function alertBlocks(outcomes) {
  const lines = [];
  const issue = outcomes.issue;
  const breach = outcomes.breach;
  if ("skipped" in issue && breach) lines.push(`Issue: not opened: ${issue.skipped}.`);
  if ("done" in issue && issue.done) {
    const { action, number: number2, url, duplicatesClosed } = issue.done;
    lines.push(
      `Issue #${number2} ${action} (${url})${duplicatesClosed.length > 0 ? `; closed ${duplicatesClosed.map((n) => `#${n}`).join(", ")} as its duplicate(s)` : ""}.`
    );
  } else if ("failed" in issue) lines.push(`Issue: ${issue.failed}.`);
  const retrain = outcomes.retrain;
  if ("done" in retrain) lines.push(`Retraining dispatched: ${retrain.done.workflow} on ${retrain.done.ref}.`);
  else if ("skipped" in retrain && breach && retrain.skipped.startsWith("no GitHub"))
    lines.push(`Retraining: ${retrain.skipped}.`);
  else if ("failed" in retrain) lines.push(`Retraining: ${retrain.failed}.`);
  if (outcomes.prometheus) lines.push(...outcomes.prometheus.lines.map((line) => `Prometheus: ${line}`));
  const webhook = outcomes.webhook;
  if (webhook && !(webhook.outcome === "skipped" && webhook.reason === "no-breach")) {
    lines.push(`Webhook: ${webhook.message}.`);
  }
  return lines.length === 0 ? [] : [{ kind: "text", text: lines.join("\n") }];
}

// src/monitor/run.ts
import { mkdir as mkdir3, mkdtemp, rm as rm3, writeFile as writeFile2 } from "node:fs/promises";
import path6 from "node:path";

// src/monitor/compute.ts
import { stat } from "node:fs/promises";
import path5 from "node:path";

// src/monitor/plan.ts
function planMonitorRun(input) {
  const current = new Map(input.logs.map((file) => [file.shown, file.stamp]));
  const known = /* @__PURE__ */ new Set();
  for (const window of input.earlier) for (const file of window.sources) known.add(key(file));
  const fresh = input.recompute ? [...input.logs] : input.logs.filter((file) => !known.has(key(file)));
  const stale = /* @__PURE__ */ new Map();
  const unchanged = [];
  for (const earlier of input.earlier) {
    const window = windowOf(earlier.start, input.size);
    const why = input.recompute ? "--recompute" : staleness(earlier, window, current, input);
    if (why === null) {
      unchanged.push(earlier.key);
      continue;
    }
    const files = earlier.sources.filter((file) => current.get(file.shown) === file.stamp);
    stale.set(earlier.key, { window, files, why });
  }
  return { fresh, stale, unchanged };
}
function staleness(earlier, window, current, input) {
  const gone = earlier.sources.find((file) => current.get(file.shown) !== file.stamp);
  if (gone) return current.has(gone.shown) ? `${gone.shown} changed` : `${gone.shown} is gone`;
  if (!input.labelsFor || earlier.sources.length === 0) return null;
  if (!earlier.labels) return "labels are configured now";
  const now = input.labelsFor(window);
  if (now.length !== earlier.labels.files.length || now.some((file, i) => key(file) !== key(earlier.labels?.files[i] ?? file)))
    return "its label files changed";
  return !earlier.labels.complete && input.labelsComplete(window) ? "its labels became complete" : null;
}
var key = (file) => `${file.shown}\0${file.stamp}`;
var logDateOf = arrivalDateOf;
var DAY = 864e5;
function plannedWindows(plan, size) {
  const windows = /* @__PURE__ */ new Map();
  for (const file of plan.fresh) {
    const day = logDateOf(file.shown);
    if (day === void 0) return void 0;
    for (let at = windowOf(day, size).start; at < day + DAY; at = windowOf(at, size).end) {
      const window = windowOf(at, size);
      windows.set(window.key, window);
    }
  }
  for (const { window } of plan.stale.values()) windows.set(window.key, window);
  return [...windows.values()].sort((a, b) => a.start - b.start);
}
function freshFilesFor(plan, windows) {
  return plan.fresh.filter((file) => {
    const day = logDateOf(file.shown) ?? 0;
    return windows.some((window) => day < window.end + DAY && day + DAY > window.start - DAY);
  });
}
function settledLabelFiles(files, computed, earlier, size, delayMs) {
  const settled = /* @__PURE__ */ new Set();
  for (const shown of files) {
    const arrival = arrivalDateOf(shown);
    if (arrival === void 0) continue;
    let covered = true;
    const first = windowsForLabelArrival(arrival, size, delayMs).first;
    const last = windowsForLabelArrival(arrival + DAY - 1, size, delayMs).last;
    for (let at = first.start; at <= last.start; at = windowOf(at, size).end) {
      const key2 = windowOf(at, size).key;
      if (earlier.has(key2) && !computed.has(key2)) covered = false;
    }
    if (covered) settled.add(shown);
  }
  return settled;
}

// src/monitor/references.ts
import { mkdir, rm as rm2 } from "node:fs/promises";
import path3 from "node:path";
async function trainingReference(registry, manifest, scratch) {
  const file = path3.join(scratch, "reference-profile.json");
  await mkdir(scratch, { recursive: true });
  try {
    if (!await registry.pullAttachment(manifest, "profile", file)) {
      return {
        none: `no feature drift: ${manifest.model} ${manifest.version} was published without a training-data profile; a publish after \`mlops validate\` with data.train configured stores it`
      };
    }
    const name = `the training data of ${manifest.version}`;
    return { profile: await readProfileFile(file, name, "publish stores it with the model"), name };
  } finally {
    await rm2(file, { force: true });
  }
}
async function predictionReference(registry, manifest, config, layout, columns, root, options) {
  const stored = config.evaluate?.predictions;
  const missing = `no prediction drift: ${manifest.model} ${manifest.version} was published without its evaluation predictions; a publish after \`mlops evaluate\` with evaluate.predictions configured stores them`;
  if (!stored) return { none: missing };
  const names = predictionColumns(stored);
  const file = path3.join(options.tempDir, `reference-predictions${path3.extname(names.path) || ".csv"}`);
  await mkdir(options.tempDir, { recursive: true });
  try {
    if (!await registry.pullAttachment(manifest, "predictions", file)) return { none: missing };
    const rename2 = /* @__PURE__ */ new Map([[layout.prediction, names.prediction]]);
    if (layout.score !== void 0 && names.score !== void 0) rename2.set(layout.score, names.score);
    if (layout.scorePrefix !== void 0 && names.scorePrefix !== void 0) {
      for (const column of columns.probabilities) {
        rename2.set(column, `${names.scorePrefix}${column.slice(layout.scorePrefix.length)}`);
      }
    }
    const profiled = await profileSources(
      "predictions",
      [{ kind: "local", path: file, shown: `the evaluation predictions of ${manifest.version}` }],
      { train: file, format: "auto", header: true },
      root,
      options,
      options.tempDir,
      HELD_VALUES_BUDGET
    );
    return { ...profiled, name: `the evaluation predictions of ${manifest.version}`, rename: rename2 };
  } finally {
    await rm2(file, { force: true });
  }
}
function knownClasses(reference, target) {
  if ("none" in reference || target === void 0) return [];
  return reference.profile.columns.find((column) => column.name === target)?.summary.top.map((t) => t.value) ?? [];
}

// src/monitor/spool.ts
import { appendFile, mkdir as mkdir2 } from "node:fs/promises";
import path4 from "node:path";

// src/monitor/zulu-bytes.ts
var digit = (bytes, at) => {
  const value = (bytes[at] ?? 0) - 48;
  return value >= 0 && value <= 9 ? value : Number.NaN;
};
function isoZuluMs(bytes, start, end, dates) {
  const length = end - start;
  if (length < 20 || bytes[start + 10] !== 84 || bytes[end - 1] !== 90) return Number.NaN;
  if (bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return Number.NaN;
  if (bytes.compare(dates.bytes, 0, 10, start, start + 10) !== 0 || Number.isNaN(dates.midnight)) {
    const parsed = parseTimestamp(bytes.toString("latin1", start, start + 10), "seconds");
    if ("unparseable" in parsed || !/^\d{4}-\d{2}-\d{2}$/.test(bytes.toString("latin1", start, start + 10)))
      return Number.NaN;
    bytes.copy(dates.bytes, 0, start, start + 10);
    dates.midnight = parsed.ms;
  }
  const hours = digit(bytes, start + 11) * 10 + digit(bytes, start + 12);
  const minutes = digit(bytes, start + 14) * 10 + digit(bytes, start + 15);
  const seconds = digit(bytes, start + 17) * 10 + digit(bytes, start + 18);
  if (!(hours <= 23 && minutes <= 59 && seconds <= 60)) return Number.NaN;
  let millis = 0;
  if (length > 20) {
    if (bytes[start + 19] !== 46 && bytes[start + 19] !== 44 || length < 22) return Number.NaN;
    for (let at = start + 20, scale = 100; at < end - 1; at++, scale /= 10) {
      const value = digit(bytes, at);
      if (Number.isNaN(value)) return Number.NaN;
      if (scale >= 1) millis += value * scale;
    }
  }
  const ms = dates.midnight + hours * 36e5 + minutes * 6e4 + seconds * 1e3 + millis;
  return ms < END_OF_RANGE ? ms : Number.NaN;
}
var END_OF_RANGE = 2534023008e5;
function dateCache() {
  return { bytes: Buffer.alloc(10), midnight: Number.NaN };
}

// src/monitor/spool.ts
var SOON_MS = 2 * 864e5;
var FLUSH_BYTES = 1 << 20;
var COMMA = 44;
var NEWLINE = 10;
async function spoolLogs(files, options, into) {
  await mkdir2(options.dir, { recursive: true });
  const spool = into ?? {
    columns: { header: [], features: [], probabilities: [] },
    windows: /* @__PURE__ */ new Map(),
    unparseable: { count: 0, examples: [] },
    future: { count: 0, examples: [] },
    files: []
  };
  for (const file of files) {
    const rows = await openLogRows(file, formatOf(file.path, options.format));
    try {
      await spoolFile(file, rows, options, spool);
    } finally {
      rows.close();
    }
  }
  spool.windows = new Map([...spool.windows].sort(([, a], [, b]) => a.window.start - b.window.start));
  return spool;
}
async function spoolFile(file, rows, options, spool) {
  if (spool.columns.header.length === 0) spool.columns = spoolColumns(rows.columns, file.shown, options);
  const at = spool.columns.header.map((column) => {
    const index = rows.columns.indexOf(column);
    if (index < 0) throw missingColumn(file.shown, column, rows.columns, spool.columns, options.layout);
    return index;
  });
  const timestampAt = at[spool.columns.header.indexOf(options.layout.timestamp)] ?? 0;
  const read = { shown: file.shown, rows: 0, windows: /* @__PURE__ */ new Set(), soon: 0 };
  const counted = options.countSkipped?.(file.shown) ?? true;
  const buffers = /* @__PURE__ */ new Map();
  const dates = dateCache();
  let current = null;
  const skip = (into, value, reason) => {
    if (!counted) return;
    into.count++;
    if (into.examples.length < SKIPPED_EXAMPLES)
      into.examples.push({ file: file.shown, row: rows.record, value: value ?? "", reason });
  };
  while (await rows.next()) {
    read.rows++;
    let ms = rows.utcMs(timestampAt, dates);
    if (Number.isNaN(ms)) {
      const value = rows.cell(timestampAt);
      const parsed = parseTimestamp(value, options.layout.unit);
      if ("unparseable" in parsed) {
        skip(spool.unparseable, value, parsed.unparseable);
        continue;
      }
      ms = parsed.ms;
    }
    if (ms > options.now) {
      if (ms < options.now + SOON_MS) read.soon++;
      skip(spool.future, rows.cell(timestampAt), `it is after the run's time, ${isoUtc(options.now)}`);
      continue;
    }
    if (!current || ms < current.window.start || ms >= current.window.end) {
      const window = windowOf(ms, options.size);
      read.windows.add(window.key);
      const out = !options.keep || options.keep(window) ? windowBuffer(window, spool, buffers, options.dir) : null;
      const spooled = out ? spool.windows.get(window.key) : void 0;
      if (spooled) addSource(spooled, file.shown);
      current = { window, spooled, out };
    }
    if (!current.out || !current.spooled) continue;
    current.spooled.rows++;
    rows.write(current.out, at);
    if (current.out.length >= FLUSH_BYTES) await current.out.flush();
  }
  for (const buffer of buffers.values()) await buffer.flush();
  spool.files.push({ shown: read.shown, rows: read.rows, windows: [...read.windows].sort(), soon: read.soon });
}
function addSource(spooled, shown) {
  if (spooled.sources.at(-1) !== shown && !spooled.sources.includes(shown)) spooled.sources.push(shown);
}
function windowBuffer(window, spool, buffers, dir) {
  let buffer = buffers.get(window.key);
  if (buffer) return buffer;
  let spooled = spool.windows.get(window.key);
  if (!spooled) {
    spooled = { window, rows: 0, file: path4.join(dir, `${window.key}.csv`), sources: [] };
    spool.windows.set(window.key, spooled);
    buffer = new WindowBuffer(spooled.file);
    buffer.text(`${spool.columns.header.map(csvField).join(",")}
`);
  } else buffer = new WindowBuffer(spooled.file);
  buffers.set(window.key, buffer);
  return buffer;
}
var WindowBuffer = class {
  constructor(file) {
    this.file = file;
  }
  file;
  bytes = Buffer.allocUnsafe(FLUSH_BYTES + (64 << 10));
  length = 0;
  room(more) {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
  copy(source, start, end) {
    this.room(end - start);
    this.length += source.copy(this.bytes, this.length, start, end);
  }
  byte(value) {
    this.room(1);
    this.bytes[this.length++] = value;
  }
  text(value) {
    this.room(value.length * 3);
    this.length += this.bytes.write(value, this.length);
  }
  async flush() {
    if (this.length === 0) return;
    await appendFile(this.file, this.bytes.subarray(0, this.length));
    this.length = 0;
  }
};
async function openLogRows(file, format) {
  const open = { what: "prediction log", missingHint: "check monitor.logs.path" };
  if (format === "csv" || format === "tsv") {
    return delimitedRows(await openDelimitedSpans(file.path, format, { ...open, shown: file.shown }), format);
  }
  const table = await openTable(file.path, format, { ...open, displayName: file.shown });
  const iterator = table.rows[Symbol.asyncIterator]();
  let row = null;
  return {
    columns: table.columns,
    get record() {
      return row?.record ?? 0;
    },
    async next() {
      const got = await iterator.next();
      row = got.done ? null : got.value;
      return row !== null;
    },
    cell: (index) => row?.cells[index] ?? null,
    utcMs: () => Number.NaN,
    write(out, at) {
      out.text(`${at.map((index) => csvField(row?.cells[index] ?? null)).join(",")}
`);
    },
    close: () => void iterator.return?.()
  };
}
function delimitedRows(spans, format) {
  const { reader, columns } = spans;
  let whole = null;
  return {
    columns,
    get record() {
      return spans.record;
    },
    next: () => spans.next(),
    cell: (index) => cellOf(reader, index),
    utcMs: (index, dates) => index < reader.fieldCount ? isoZuluMs(reader.buffer, reader.starts[index] ?? 0, reader.ends[index] ?? 0, dates) : Number.NaN,
    write(out, at) {
      whole ??= format === "csv" && at.length === columns.length && at.every((index, i) => index === i);
      const { buffer, starts, ends, quoted, fieldCount } = reader;
      if (whole && fieldCount === at.length && !anyQuoted(quoted, fieldCount)) {
        out.copy(buffer, reader.recordStart, reader.contentEnd);
        out.byte(NEWLINE);
        return;
      }
      for (let i = 0; i < at.length; i++) {
        if (i > 0) out.byte(COMMA);
        const index = at[i] ?? -1;
        if (index >= fieldCount) continue;
        if (format === "csv" && quoted[index] === 0) out.copy(buffer, starts[index] ?? 0, ends[index] ?? 0);
        else out.text(csvField(cellOf(reader, index)));
      }
      out.byte(NEWLINE);
    },
    close: () => spans.close()
  };
}
function anyQuoted(quoted, count) {
  for (let i = 0; i < count; i++) if (quoted[i] !== 0) return true;
  return false;
}
function spoolColumns(columns, shown, options) {
  const { layout } = options;
  const probabilities = layout.scorePrefix === void 0 ? [] : columns.filter((c) => c.startsWith(layout.scorePrefix ?? ""));
  if (layout.scorePrefix !== void 0 && probabilities.length === 0) {
    throw new InputError(`${shown} has no columns starting with "${layout.scorePrefix}" (monitor.logs.score_prefix)`, {
      hint: `its columns are: ${columns.join(", ")}`
    });
  }
  const named = [layout.prediction, layout.score, layout.id, layout.latency].filter(
    (c) => c !== void 0
  );
  const taken = /* @__PURE__ */ new Set([layout.timestamp, ...named, ...probabilities]);
  const features = layout.features !== null ? [...layout.features] : columns.filter(
    (c) => !taken.has(c) && c !== options.target && (options.known === null || options.known.has(c))
  );
  const order = (column) => {
    const index = columns.indexOf(column);
    return index < 0 ? Infinity : index;
  };
  const header = unique([layout.timestamp, ...features, ...named, ...probabilities, ...layout.slices]).sort(
    (a, b) => order(a) - order(b)
  );
  return { header, features, probabilities };
}
function missingColumn(shown, column, columns, spool, layout) {
  const field = column === layout.timestamp ? "monitor.logs.timestamp" : column === layout.prediction ? "monitor.logs.prediction" : column === layout.score ? "monitor.logs.score" : column === layout.id ? "monitor.logs.id" : column === layout.latency ? "monitor.logs.latency" : layout.slices.includes(column) ? "monitor.slices" : spool.probabilities.includes(column) ? "monitor.logs.score_prefix (another log file has it)" : layout.features ? "monitor.logs.features" : "a feature another log file has";
  return new InputError(`${shown} has no "${column}" column (${field})`, {
    hint: `its columns are: ${columns.join(", ")}; every log file needs the columns the monitor reads`
  });
}
function unique(values) {
  return [...new Set(values)];
}
function csvField(value) {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// src/monitor/window-rows.ts
async function readWindowRows(file, columns, layout) {
  const spans = await openDelimitedSpans(file, "csv", { shown: file, what: "window file" });
  const { reader } = spans;
  const at = (column) => column === void 0 ? -1 : spans.columns.indexOf(column);
  const predictionAt = at(layout.prediction);
  const scoreAt = at(layout.score);
  const probabilityAts = columns.probabilities.map((c) => at(c));
  const idAt = at(layout.id);
  const latencyAt = at(layout.latency);
  const sliceAts = layout.slices.map((c) => [c, at(c)]);
  const predictions = [];
  const scores = scoreAt >= 0 ? [] : null;
  const probabilities = probabilityAts.map(() => []);
  const ids = idAt >= 0 ? [] : null;
  const latencies = latencyAt >= 0 ? [] : null;
  let invalidLatency = 0;
  const slices = new Map(layout.slices.map((c) => [c, []]));
  const labels = /* @__PURE__ */ new Map();
  try {
    while (await spans.next()) {
      predictions.push(interned(labels, cellOf(reader, predictionAt) ?? ""));
      if (scores) scores.push(probability(cellOf(reader, scoreAt)));
      for (let c = 0; c < probabilityAts.length; c++)
        probabilities[c]?.push(probability(cellOf(reader, probabilityAts[c] ?? -1)));
      if (ids) ids.push(cellOf(reader, idAt) ?? "");
      if (latencies) {
        const cell = cellOf(reader, latencyAt);
        const value = Number(cell ?? Number.NaN);
        if (cell !== null && Number.isFinite(value) && value >= 0) latencies.push(value);
        else invalidLatency++;
      }
      for (const [column, index] of sliceAts)
        slices.get(column)?.push(interned(labels, cellOf(reader, index) ?? "(empty)"));
    }
  } finally {
    spans.close();
  }
  return windowRows({
    predictions,
    scores: scores ? Float64Array.from(scores) : null,
    probabilities: layout.scorePrefix === void 0 ? null : {
      classes: columns.probabilities.map((c) => c.slice(layout.scorePrefix?.length ?? 0)),
      columns: probabilities.map((values) => Float64Array.from(values))
    },
    ids,
    latency: latencies ? { values: Float64Array.from(latencies), invalid: invalidLatency } : null,
    slices
  });
}
function interned(strings, value) {
  const known = strings.get(value);
  if (known !== void 0) return known;
  if (strings.size < 1e4) strings.set(value, value);
  return value;
}
function probability(cell) {
  if (cell === null || cell === void 0 || cell.trim() === "") return Number.NaN;
  const value = Number(cell);
  return value >= 0 && value <= 1 ? value : Number.NaN;
}
function windowRows(parts) {
  const rowsById = /* @__PURE__ */ new Map();
  let duplicateIds = 0;
  parts.ids?.forEach((id, row) => {
    if (id === "") return;
    const earlier = rowsById.get(id);
    if (earlier === void 0) rowsById.set(id, row);
    else {
      duplicateIds++;
      rowsById.set(id, typeof earlier === "number" ? [earlier, row] : [...earlier, row]);
    }
  });
  const rows = {
    ...parts,
    count: parts.predictions.length,
    rowsById,
    duplicateIds,
    pick: (indices) => {
      const take = (values) => Float64Array.from(indices, (i) => values[i] ?? Number.NaN);
      return windowRows({
        predictions: indices.map((i) => parts.predictions[i] ?? ""),
        scores: parts.scores ? take(parts.scores) : null,
        probabilities: parts.probabilities ? { classes: parts.probabilities.classes, columns: parts.probabilities.columns.map(take) } : null,
        ids: parts.ids ? indices.map((i) => parts.ids?.[i] ?? "") : null,
        latency: null,
        slices: new Map([...parts.slices].map(([column, values]) => [column, indices.map((i) => values[i] ?? "")]))
      });
    },
    cbpeScores: (positive, classes) => cbpeScores(rows, positive, classes)
  };
  return rows;
}
function cbpeScores(rows, configured, known) {
  if (rows.probabilities) {
    const invalid2 = countInvalid(rows.probabilities.columns);
    if (invalid2 > 0) return { none: `${invalid2} row(s) have a class probability that is empty or not in [0, 1]` };
    return { scores: { kind: "multiclass", probabilities: rows.probabilities } };
  }
  if (!rows.scores) return { none: "the log has no scores (monitor.logs.score or score_prefix)" };
  const invalid = countInvalid([rows.scores]);
  if (invalid > 0) return { none: `${invalid} row(s) have a score that is empty or not in [0, 1]` };
  const classes = [.../* @__PURE__ */ new Set([...known, ...rows.predictions])];
  const positive = resolvePositiveLabel(configured, classes);
  if (positive === void 0) {
    return { none: `the positive class is unknown among ${classes.join(", ")}: set model.positive_label` };
  }
  const negatives = classes.filter((c) => c !== positive);
  if (negatives.length !== 1) {
    return {
      none: negatives.length === 0 ? "every row is predicted positive and the training data names no other class" : `a score column is for two classes, and the predictions have ${classes.length}: use score_prefix`
    };
  }
  return { scores: { kind: "binary", positive, negative: negatives[0] ?? "", scores: rows.scores } };
}
function countInvalid(columns) {
  let invalid = 0;
  for (const column of columns) for (const value of column) if (Number.isNaN(value)) invalid++;
  return invalid;
}

// src/monitor/compute.ts
async function computeWindows(input) {
  const { monitor, root, now } = input;
  const size = monitor.window;
  const logs = await stamped(await listSources(monitor.logs.path, root, input.store));
  const labels = monitor.labels;
  const delay = labels ? durationMs(labels.delay) : 0;
  const labelSources = labels ? await stamped(await listSources(labels.path, root, input.store, { allowEmpty: true })) : [];
  const dated = labelFiles(labelSources.map((file) => file.shown)).map((file, i) => ({
    ...file,
    stamp: labelSources[i]?.stamp ?? "",
    entry: labelSources[i]?.entry
  }));
  const labelsFor = (window) => labelFilesFor(window, dated, delay).map(({ shown, stamp }) => ({ shown, stamp }));
  const plan = planMonitorRun({
    logs,
    earlier: input.earlier,
    size,
    labelsFor: labels ? labelsFor : null,
    labelsComplete: (window) => labelCompleteness(window, delay, now).complete,
    recompute: input.recompute
  });
  let owned = null;
  let fresh = plan.fresh;
  if (input.shard) {
    const planned = plannedWindows(plan, size);
    if (!planned) {
      throw new UsageError("--shard needs prediction logs whose paths name their date (logs/2026-03-28.jsonl)", {
        hint: "partition the logs by date (monitor.logs.path), or run the monitor as one job (monitor.shards: 1)"
      });
    }
    const mine = shardOf(planned, input.shard.index, input.shard.count);
    owned = new Set(mine.map((window) => window.key));
    fresh = freshFilesFor(plan, mine);
  }
  const keepOwned = owned ? (window) => owned.has(window.key) : void 0;
  if (fresh.length === 0 && ![...plan.stale.keys()].some((key2) => !owned || owned.has(key2))) {
    const none = { count: 0, examples: [] };
    return {
      windows: [],
      unchanged: plan.unchanged,
      skippedRows: { unparseable: none, future: none },
      unmatchedLabels: { count: 0, files: [] },
      labelMarks: input.shard ? {} : null,
      notes: []
    };
  }
  const training = await trainingReference(input.registry, input.manifest, input.scratch);
  const layout = logLayout(monitor);
  const spoolOptions = {
    format: monitor.logs.format,
    layout,
    size,
    now,
    dir: path5.join(input.scratch, "windows"),
    known: "none" in training ? null : new Set(training.profile.columns.map((c) => c.name)),
    target: input.config.data?.target,
    ...keepOwned ? { keep: keepOwned } : {},
    // Several legs read a file near their windows; the one that owns the window of its date counts its bad rows.
    ...owned ? { countSkipped: (shown) => ownsDayOf(shown, owned, size) } : {}
  };
  const download = path5.join(input.scratch, "download");
  const fetched = /* @__PURE__ */ new Map();
  const fetch2 = async (files) => {
    const out = [];
    for (const file of files) {
      let local = fetched.get(file.shown);
      if (!local && file.entry) {
        [local] = await fetchSources([file.entry], download);
        if (local) fetched.set(file.shown, local);
      }
      if (local) out.push(local);
    }
    return out;
  };
  const bySource = new Map(logs.map((file) => [file.shown, file]));
  const spool = await spoolLogs(await fetch2(fresh.map((file) => bySource.get(file.shown) ?? file)), spoolOptions);
  if (owned) refuseFarRows(spool, size);
  const targets = /* @__PURE__ */ new Map();
  for (const [key2, spooled] of spool.windows) targets.set(key2, spooled.window);
  for (const [key2, stale] of plan.stale) if (!owned || owned.has(key2)) targets.set(key2, stale.window);
  const freshNames = new Set(fresh.map((file) => file.shown));
  const again = /* @__PURE__ */ new Map();
  const earlierByKey = new Map(input.earlier.map((window) => [window.key, window]));
  for (const key2 of targets.keys()) {
    for (const file of earlierByKey.get(key2)?.sources ?? []) {
      if (freshNames.has(file.shown) || bySource.get(file.shown)?.stamp !== file.stamp) continue;
      again.set(file.shown, (again.get(file.shown) ?? /* @__PURE__ */ new Set()).add(key2));
    }
  }
  for (const [shown, keys] of again) {
    const file = bySource.get(shown);
    if (file) {
      const keep = (w) => keys.has(w.key);
      await spoolLogs(await fetch2([file]), { ...spoolOptions, keep, countSkipped: () => false }, spool);
    }
  }
  const options = {
    tempDir: path5.join(input.scratch, "validate"),
    store: input.store,
    ...input.workers === void 0 ? {} : { workers: input.workers }
  };
  const predictions = spool.columns.header.length === 0 ? { none: "no rows were read" } : await predictionReference(input.registry, input.manifest, input.config, layout, spool.columns, root, options);
  const schema = monitorSchema(input.config.data?.schema, spool.columns.features);
  const drift = input.config.data?.drift ?? DriftConfig.parse({});
  const classes = knownClasses(training, input.config.data?.target);
  const metrics = monitorMetrics(input.config);
  const matched = /* @__PURE__ */ new Map();
  const windows = [];
  const laterRows = new Set(spool.files.filter((file) => file.soon > 0).map((file) => file.shown));
  const stampOf = (shown) => ({
    shown,
    stamp: `${bySource.get(shown)?.stamp ?? ""}${laterRows.has(shown) ? "+rows-after-the-run" : ""}`
  });
  for (const window of [...targets.values()].sort((a, b) => a.start - b.start)) {
    const spooled = spool.windows.get(window.key);
    if (!spooled || spooled.rows === 0) {
      windows.push(emptyWindow(window, "no log file has rows in it any more"));
      continue;
    }
    input.logger.debug(`window ${window.key}: ${spooled.rows} row(s) from ${spooled.sources.length} file(s)`);
    const profiled = await profileSources(
      `window ${window.key}`,
      [{ kind: "local", path: spooled.file, shown: `the rows of window ${window.key}` }],
      { train: spooled.file, format: "csv", header: true, ...schema ? { schema } : {} },
      root,
      options,
      options.tempDir,
      HELD_VALUES_BUDGET
    );
    const rows = await readWindowRows(spooled.file, spool.columns, layout);
    let joined = null;
    if (labels) {
      const files = labelFilesFor(window, dated, delay);
      const completeness = labelCompleteness(window, delay, now);
      joined = {
        joined: await joinLabels(rows.rowsById, rows.count, await fetch2(files), labels, matched),
        complete: completeness.complete,
        completeAt: completeness.completeAt,
        files: files.map(({ shown, stamp }) => ({ shown, stamp }))
      };
    }
    windows.push(
      measureWindow({
        window,
        sources: spooled.sources.map(stampOf),
        profiled,
        rows,
        columns: spool.columns,
        config: monitor,
        task: input.config.model.task,
        positiveLabel: input.config.model.positive_label,
        classes,
        schema,
        drift,
        training,
        predictions,
        labels: joined,
        metrics
      })
    );
  }
  const computedKeys = new Set(windows.map((window) => window.window.key));
  const earlierKeys = new Set(input.earlier.map((window) => window.key));
  const notes = [
    ..."none" in training ? [training.none] : [],
    ..."none" in predictions && spool.columns.header.length > 0 ? [predictions.none] : []
  ];
  return {
    windows,
    unchanged: plan.unchanged,
    skippedRows: { unparseable: spool.unparseable, future: spool.future },
    // A leg sees only its own windows: the merge counts the labels no leg matched.
    unmatchedLabels: input.shard ? { count: 0, files: [] } : unmatchedLabels(
      settledOnly(matched, settledLabelFiles(matched.keys(), computedKeys, earlierKeys, size, delay))
    ),
    labelMarks: input.shard ? packMarks(matched) : null,
    notes
  };
}
function logLayout(monitor) {
  const logs = monitor.logs;
  return {
    timestamp: logs.timestamp,
    unit: logs.timestamp_unit,
    prediction: logs.prediction,
    score: logs.score,
    scorePrefix: logs.score_prefix,
    id: logs.id,
    latency: logs.latency,
    features: logs.features ?? null,
    slices: monitor.slices
  };
}
function monitorSchema(schema, features) {
  if (!schema) return void 0;
  const keep = new Set(features);
  const { rows: _rows, unique_key, ...rest } = schema;
  return {
    ...rest,
    columns: Object.fromEntries(Object.entries(schema.columns).filter(([name]) => keep.has(name))),
    extra_columns: "allow",
    ...unique_key && unique_key.every((column) => keep.has(column)) ? { unique_key } : {}
  };
}
function refuseFarRows(spool, size) {
  for (const file of spool.files) {
    const day = arrivalDateOf(file.shown);
    if (day === void 0) continue;
    const near = /* @__PURE__ */ new Set();
    for (let at = windowOf(day - DAY2, size).start; at < day + 2 * DAY2; at = windowOf(at, size).end) {
      near.add(windowOf(at, size).key);
    }
    const far = file.windows.find((key2) => !near.has(key2));
    if (far !== void 0) {
      throw new InputError(`${file.shown} has rows in window ${far}, more than a day from the date its path names`, {
        hint: "run `mlops monitor --recompute` as one job, or write each row to the file of its own date"
      });
    }
  }
}
var DAY2 = 864e5;
function ownsDayOf(shown, owned, size) {
  const day = arrivalDateOf(shown);
  return day !== void 0 && owned.has(windowOf(day, size).key);
}
async function stamped(entries) {
  const out = [];
  for (const entry of entries) {
    if (entry.kind === "local") {
      const info = await stat(entry.path);
      out.push({ shown: entry.shown, stamp: `${info.size}-${Math.round(info.mtimeMs)}`, entry });
    } else {
      const head = await entry.store.head(entry.key);
      out.push({ shown: entry.shown, stamp: head ? `${head.size}-${head.etag}` : "gone", entry });
    }
  }
  return out;
}
function settledOnly(matched, settled) {
  return new Map([...matched].filter(([shown]) => settled.has(shown)));
}

// src/monitor/shards.ts
var SHARD_FORMAT = "mlops-kit/monitor-shard@1";
var Skipped = object({
  count: number().int().min(0),
  examples: array(object({ file: string(), row: number(), value: string(), reason: string() }))
});
var ShardSchema = object({
  format: literal(SHARD_FORMAT),
  model: string(),
  alias: string(),
  version: string(),
  now: iso_exports.datetime(),
  shard: object({ index: number().int().min(1), count: number().int().min(1) }),
  windows: array(
    object({
      format: literal(WINDOW_RESULT_FORMAT),
      window: object({ key: string(), start: iso_exports.datetime(), end: iso_exports.datetime() }),
      rows: number().int().min(0),
      metrics: record(string(), number())
    }).loose()
  ),
  unchanged: array(string()),
  skippedRows: object({ unparseable: Skipped, future: Skipped }),
  unmatchedLabels: object({ count: number().int().min(0), files: array(string()) }),
  labelMarks: record(string(), object({ rows: number().int().min(0), bits: base64() })).nullable(),
  notes: array(string())
});
var SHARD_BYTES = 256 * 1024 * 1024;
async function readShardFiles(files, shownFrom) {
  const shards = [];
  for (const file of files) {
    const shown = file.startsWith(shownFrom) ? file.slice(shownFrom.length + 1) : file;
    const value = await readJsonLimited(file, {
      shown,
      what: "monitor shard file",
      limit: SHARD_BYTES,
      missingHint: "pass the files `mlops monitor --shard i/n` wrote"
    });
    const parsed = ShardSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `${shown} is not a monitor shard file: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`,
        {
          hint: "pass the files `mlops monitor --shard i/n` wrote, unchanged"
        }
      );
    }
    shards.push({ ...parsed.data, windows: parsed.data.windows });
  }
  return shards;
}

// src/monitor/run.ts
async function runMonitor(context, options = {}) {
  const { config, root } = context.loaded;
  const monitor = requireMonitor(config);
  if (options.shard && options.merge && options.merge.length > 0)
    throw new UsageError("--shard and --merge are two jobs of one run: a leg computes, the merge job appends");
  const alias = options.alias ?? monitor.alias;
  const now = options.now === void 0 ? context.now() : parseNow(options.now);
  const model = config.model.name;
  const registry = await openRegistry(context);
  const manifest = await registry.resolve(model, alias);
  if (!manifest) {
    throw new InputError(
      `${model} has no version at alias "${alias}" in ${registry.location}, so there is nothing to monitor`,
      {
        hint: "publish and promote a version first (mlops publish, mlops promote), or set monitor.alias"
      }
    );
  }
  const history = historyWindows(
    await registry.monitorLog(model, alias),
    monitor.window,
    (m) => context.logger.warn(m)
  );
  const scratchRoot = path6.join(context.workspace.dir, "tmp");
  await mkdir3(scratchRoot, { recursive: true });
  const scratch = await mkdtemp(path6.join(scratchRoot, "monitor-"));
  try {
    const computed = options.merge && options.merge.length > 0 ? mergeShards(await readShardFiles(options.merge, root), {
      model,
      alias,
      version: manifest.version,
      now,
      earlier: new Set(history.map((h) => h.key)),
      size: monitor.window,
      delayMs: monitor.labels ? durationMs(monitor.labels.delay) : 0
    }) : await computeWindows({
      config,
      monitor,
      root,
      registry,
      manifest,
      earlier: earlierWindows(history),
      now: now.getTime(),
      shard: options.shard ?? null,
      recompute: options.recompute ?? false,
      store: projectStoreSettings(config.registry, context.env),
      scratch,
      workers: options.workers,
      logger: context.logger
    });
    const base = {
      stage: "monitor",
      model,
      alias,
      version: manifest.version,
      now: now.toISOString(),
      window: monitor.window,
      unchanged: computed.unchanged.length,
      skippedRows: computed.skippedRows,
      unmatchedLabels: computed.unmatchedLabels,
      notes: computed.notes
    };
    if (options.shard) {
      const file = context.workspace.resultFile(`monitor-shard-${options.shard.index}-of-${options.shard.count}`);
      const shard = {
        format: SHARD_FORMAT,
        model,
        alias,
        version: manifest.version,
        now: now.toISOString(),
        shard: { index: options.shard.index, count: options.shard.count },
        ...computed
      };
      await mkdir3(path6.dirname(file), { recursive: true });
      await writeFile2(file, `${JSON.stringify(shard)}
`);
      return {
        ...base,
        verdict: "skipped",
        windows: computed.windows,
        judgements: [],
        breaches: 0,
        warnings: 0,
        shard: { ...options.shard, file },
        logged: [],
        history: trend(history, computed.windows, manifest.version)
      };
    }
    const windows = [...computed.windows, ...gaps(history, computed.windows, monitor.window)].sort(
      (a, b) => Date.parse(a.window.start) - Date.parse(b.window.start)
    );
    const judgements = judgeWindows(monitor.rules, windows, {
      version: manifest.version,
      metrics: manifest.metrics,
      slices: manifest.slices,
      history: history.map((h) => ({ key: h.key, start: h.start, metrics: h.result.metrics }))
    });
    const judged = new Map(judgements.map((j) => [j.window, j]));
    const logged = await registry.appendMonitorLog(
      model,
      alias,
      windows.map(
        (w) => logEntry(
          w,
          judged.get(w.window.key),
          monitor.window,
          manifest.version,
          context.now(),
          context.provenance.runUrl
        )
      )
    );
    const breaches = judgements.filter((j) => j.verdict === "fail").length;
    return {
      ...base,
      verdict: breaches > 0 ? "fail" : "pass",
      windows,
      judgements,
      breaches,
      warnings: judgements.filter((j) => j.verdict === "warn").length,
      shard: null,
      logged,
      history: trend(history, windows, manifest.version)
    };
  } finally {
    await rm3(scratch, { recursive: true, force: true });
  }
}
function requireMonitor(config) {
  if (!config.monitor) {
    throw new UsageError("mlops.yml has no monitor section", {
      hint: "add `monitor: { logs: { path: logs/*.jsonl } }` (docs/monitoring.md)"
    });
  }
  return config.monitor;
}
function parseNow(text) {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || !Number.isFinite(ms)) {
    throw new UsageError(`--now ${text} is not an ISO 8601 time`, { hint: "for example 2026-03-29T04:17:00Z" });
  }
  return new Date(ms);
}
function mergeShards(shards, run) {
  const first = shards[0];
  if (!first) throw new UsageError("--merge matched no shard file", { hint: "download the legs' artifacts first" });
  const count = first.shard.count;
  const legs = /* @__PURE__ */ new Set();
  for (const shard of shards) {
    if (legs.has(shard.shard.index) || shard.shard.index > shard.shard.count) {
      throw new InputError(
        `leg ${shard.shard.index} of ${shard.shard.count} is given ${legs.has(shard.shard.index) ? "twice" : "but there is no such leg"}`,
        {
          hint: "pass each leg's shard file once (a retried leg's artifact replaces the first, it does not add to it)"
        }
      );
    }
    legs.add(shard.shard.index);
    const mismatch = shard.model !== run.model ? `model ${shard.model}` : shard.alias !== run.alias ? `alias ${shard.alias}` : shard.version !== first.version ? `version ${shard.version} (another leg monitored ${first.version})` : shard.now !== first.now ? `time ${shard.now} (another leg ran at ${first.now}: pass every leg the same --now)` : shard.shard.count !== count ? `${shard.shard.count} legs (another leg says ${count})` : null;
    if (mismatch) throw new InputError(`shard ${shard.shard.index} of ${shard.shard.count} is of ${mismatch}`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter(
    (i) => !shards.some((shard) => shard.shard.index === i)
  );
  if (missing.length > 0) {
    throw new InputError(`the shard files of leg(s) ${missing.join(", ")} of ${count} are missing`, {
      hint: "a leg failed or its artifact was not downloaded; a window is judged only once every leg is in"
    });
  }
  const seen = /* @__PURE__ */ new Map();
  for (const shard of shards) {
    for (const window of shard.windows) {
      const other = seen.get(window.window.key);
      if (other !== void 0 && other !== shard.shard.index) {
        throw new InputError(
          `window ${window.window.key} was computed by legs ${other} and ${shard.shard.index}: its rows are in log files dated more than a day from it`,
          { hint: "run `mlops monitor --recompute` as one job, or write each row to the file of its own date" }
        );
      }
      seen.set(window.window.key, shard.shard.index);
    }
  }
  const marks = unpackMarks(shards.map((s) => s.labelMarks ?? {}));
  return {
    windows: shards.flatMap((shard) => shard.windows),
    unchanged: first.unchanged,
    skippedRows: {
      unparseable: sumSkipped(shards.map((s) => s.skippedRows.unparseable)),
      future: sumSkipped(shards.map((s) => s.skippedRows.future))
    },
    unmatchedLabels: unmatchedLabels(
      settledOnly(marks, settledLabelFiles(marks.keys(), new Set(seen.keys()), run.earlier, run.size, run.delayMs))
    ),
    labelMarks: null,
    notes: [...new Set(shards.flatMap((s) => s.notes))]
  };
}
function sumSkipped(parts) {
  return {
    count: parts.reduce((sum, part) => sum + part.count, 0),
    examples: parts.flatMap((part) => part.examples).slice(0, SKIPPED_EXAMPLES)
  };
}
function gaps(history, computed, size) {
  const known = /* @__PURE__ */ new Set([...history.map((h) => h.key), ...computed.map((w) => w.window.key)]);
  const starts = [...history.map((h) => h.start), ...computed.map((w) => Date.parse(w.window.start))];
  if (starts.length === 0 || computed.length === 0) return [];
  const out = [];
  const last = Math.max(...starts);
  for (let at = Math.min(...starts); at < last; at = windowOf(at, size).end) {
    const window = windowOf(at, size);
    if (!known.has(window.key))
      out.push(
        emptyWindow(window, `no prediction was logged between ${isoUtc(window.start)} and ${isoUtc(window.end)}`)
      );
  }
  return out;
}
function trend(history, computed, version) {
  const byKey = /* @__PURE__ */ new Map();
  for (const h of history) {
    byKey.set(h.key, {
      key: h.key,
      start: h.start,
      version: h.version,
      rows: h.result.rows,
      complete: h.result.labels?.complete ?? null,
      metrics: h.result.metrics
    });
  }
  for (const w of computed) {
    byKey.set(w.window.key, {
      key: w.window.key,
      start: Date.parse(w.window.start),
      version,
      rows: w.rows,
      complete: w.labels?.complete ?? null,
      metrics: w.metrics
    });
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start).map(({ start: _start, ...rest }) => rest);
}

// src/monitor/section.ts
var ADJECTIVE = { hour: "hourly", day: "daily", week: "weekly" };
var TREND_WINDOWS = 60;
function monitorSection(result, primary) {
  const blocks = [];
  const computed = result.windows.length;
  const headline2 = result.shard !== null ? `leg ${result.shard.index} of ${result.shard.count}: ${computed} window(s) computed for the merge job` : computed === 0 ? `no new or newly labelled window (${result.unchanged} unchanged)` : result.verdict === "fail" ? `${result.breaches} of ${computed} window(s) breached a rule` : `${computed} window(s) computed, no rule breached${result.warnings > 0 ? ` (${result.warnings} with warnings)` : ""}`;
  blocks.push({
    kind: "text",
    text: `${result.model} at alias ${result.alias} (${result.version}), ${ADJECTIVE[result.window]} windows, run at ${result.now}: ${headline2}.`
  });
  for (const note of result.notes) blocks.push({ kind: "text", text: `Note: ${note}.` });
  const breaches = breachLines(result.judgements);
  if (breaches.length > 0) blocks.push({ kind: "code", text: breaches.join("\n") });
  blocks.push(...skippedBlocks(result));
  if (computed > 0) blocks.push(windowsTable(result.windows, result, primary));
  const estimated = result.windows.some((w) => w.estimated !== null);
  if (estimated) blocks.push({ kind: "text", text: `Estimated (CBPE): ${CBPE_ASSUMPTION}` });
  blocks.push(...trendBlocks(result.history, primary));
  return {
    title: `Monitor: ${result.model}@${result.alias}`,
    status: result.verdict === "fail" ? "fail" : result.verdict === "skipped" ? "skipped" : result.warnings > 0 ? "warn" : "pass",
    headline: headline2,
    blocks
  };
}
function skippedBlocks(result) {
  const blocks = [];
  const { unparseable, future } = result.skippedRows;
  for (const [what, skipped] of [
    ["an unreadable timestamp", unparseable],
    ["a timestamp after the run's time", future]
  ]) {
    if (skipped.count === 0) continue;
    blocks.push({
      kind: "details",
      summary: `${skipped.count} row(s) with ${what} were left out`,
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["File", "Row", "Value", "Why"],
            rows: skipped.examples.map((e) => [e.file, String(e.row), e.value, e.reason])
          }
        }
      ]
    });
  }
  if (result.unmatchedLabels.count > 0) {
    blocks.push({
      kind: "text",
      text: `${result.unmatchedLabels.count} label(s) matched no logged prediction (by monitor.labels.id), in ${result.unmatchedLabels.files.slice(0, 5).join(", ")}${result.unmatchedLabels.files.length > 5 ? " ..." : ""}.`
    });
  }
  return blocks;
}
function windowsTable(windows, result, primary) {
  const verdicts = new Map(result.judgements.map((j) => [j.window, j.verdict]));
  const estimate = (w) => {
    const e = w.estimated?.estimates.find((x) => x.metric === primary);
    return e ? `${formatNumber(e.estimate)} [${formatNumber(e.interval.low)}, ${formatNumber(e.interval.high)}]` : "\u2013";
  };
  const figure = (w, name) => {
    const value = w.metrics[name];
    return value === void 0 ? "\u2013" : formatNumber(value);
  };
  const headers = ["Window", "Rows", "Quality errors", "Drift share", "Prediction drift", "Latency p95", "Labels"];
  if (primary)
    headers.push(
      `${primary} (realised)`,
      `${primary} (estimated, ${Math.round(100 * (windows[0]?.estimated?.estimates[0]?.interval.level ?? 0.95))}%)`
    );
  headers.push("Verdict");
  return {
    kind: "table",
    table: {
      headers,
      rows: windows.map((w) => {
        const labels = w.labels ? `${w.labels.joined}/${w.rows}${w.labels.complete ? "" : " (incomplete)"}` : "\u2013";
        return [
          w.window.key,
          String(w.rows),
          figure(w, "quality_errors"),
          figure(w, "drift_share"),
          figure(w, "prediction_drift"),
          figure(w, "latency_p95"),
          labels,
          ...primary ? [
            w.labels && !w.labels.complete && w.metrics[primary] !== void 0 ? `${figure(w, primary)} (so far)` : figure(w, primary),
            estimate(w)
          ] : [],
          verdicts.get(w.window.key) ?? (result.shard ? "merge judges" : "no rules")
        ];
      }),
      align: ["left", ...headers.slice(1, -1).map(() => "right"), "left"]
    }
  };
}
function historySection(model, alias, history, primary, last = TREND_WINDOWS) {
  const shown = history.slice(-last);
  const first = shown[0]?.key;
  const headline2 = shown.length === 0 ? "no window has been monitored yet" : `${shown.length} window(s), ${first ?? ""} to ${shown.at(-1)?.key ?? ""}`;
  const versions = [...new Set(shown.map((w) => w.version))];
  return {
    title: `Monitoring history: ${model}@${alias}`,
    status: "ok",
    headline: headline2,
    blocks: [
      {
        kind: "text",
        text: `${headline2}${versions.length > 0 ? `; version(s) monitored: ${versions.join(", ")}` : ""}.`
      },
      ...trendBlocks(shown, primary, 1)
    ]
  };
}
function trendBlocks(history, primary, fewest = 2) {
  const trend2 = history.slice(-TREND_WINDOWS);
  if (trend2.length < fewest) return [];
  const labels = trend2.map((w) => w.key);
  const series = (name) => trend2.map((w) => w.metrics[name] ?? Number.NaN);
  const charts = [
    {
      title: "Rows per window",
      caption: "Predictions logged per window.",
      labels,
      bars: series("rows"),
      line: null,
      range: null
    }
  ];
  const drift = series("drift_share");
  if (drift.some(Number.isFinite)) {
    charts.push({
      title: "Feature drift",
      caption: "Share of the features that drifted from the training data (orange) and of the prediction columns (blue); a window without the figure is drawn at 0.",
      labels,
      bars: [],
      line: drift.map(zeroIfMissing),
      lines: [{ values: series("prediction_drift").map(zeroIfMissing), colour: "blue", name: "prediction drift" }],
      names: { line: "feature drift share" },
      range: [0, 1]
    });
  }
  if (primary) {
    const realised = series(primary);
    const estimated = series(`estimated_${primary}`);
    if (realised.some(Number.isFinite) || estimated.some(Number.isFinite)) {
      charts.push({
        title: primary,
        caption: `${primary} realised once labels joined (orange) and estimated by CBPE (blue); a missing value is drawn at the other's.`,
        labels,
        bars: [],
        line: realised.map((v, i) => Number.isFinite(v) ? v : estimated[i] ?? Number.NaN).map(zeroIfMissing),
        lines: [
          {
            values: estimated.map((v, i) => Number.isFinite(v) ? v : realised[i] ?? 0).map(zeroIfMissing),
            colour: "blue",
            name: "estimated"
          }
        ],
        names: { line: "realised" },
        range: null
      });
    }
  }
  const table = {
    kind: "details",
    summary: `The trend, window by window (last ${trend2.length})`,
    blocks: [
      {
        kind: "table",
        table: {
          headers: [
            "Window",
            "Rows",
            "Drift share",
            "Prediction drift",
            ...primary ? [primary, `estimated_${primary}`] : [],
            "Labels complete"
          ],
          rows: trend2.map((w) => [
            w.key,
            String(w.rows),
            show(w.metrics.drift_share),
            show(w.metrics.prediction_drift),
            ...primary ? [
              // A realised value of a window whose labels are still arriving is a value so far, never final.
              w.complete === false && w.metrics[primary] !== void 0 ? `${show(w.metrics[primary])} (so far)` : show(w.metrics[primary]),
              show(w.metrics[`estimated_${primary}`])
            ] : [],
            w.complete === null ? "\u2013" : w.complete ? "yes" : "no"
          ])
        }
      }
    ]
  };
  return [{ kind: "text", text: "The trend:" }, ...charts.map((chart) => ({ kind: "chart", chart })), table];
}
function zeroIfMissing(value) {
  return Number.isFinite(value) ? value : 0;
}
function show(value) {
  return value === void 0 || !Number.isFinite(value) ? "\u2013" : formatNumber(value);
}

// src/stages/monitor.ts
var MonitorOptions = object({
  alias: textOption({
    cli: {
      flag: "alias",
      valueName: "alias",
      description: "The alias whose version is monitored (default monitor.alias)"
    },
    action: { input: "alias", description: "The alias whose version is monitored. Default: monitor.alias." }
  }),
  now: textOption({
    cli: {
      flag: "now",
      valueName: "time",
      description: "The run's time, ISO 8601 (default: now); the legs of one run pass the same"
    },
    action: {
      input: "now",
      description: "The run's time, ISO 8601 (default: now): windows after it are not monitored yet, and labels are complete by it. Every leg of a matrix run and its merge job pass the same."
    }
  }),
  shard: shardOption({
    cli: { flag: "shard", valueName: "i/n", description: "Compute only the i-th of n blocks of the pending windows" },
    action: {
      input: "shard",
      description: "i/n: compute only the i-th of n blocks of the pending windows and write them to <workspace>/out/monitor-shard-i-of-n.json for the merge job (nothing is appended or judged)."
    }
  }),
  merge: globsOption({
    cli: { flag: "merge", valueName: "glob", description: "Shard files of the legs to append and judge (repeatable)" },
    action: {
      input: "merge",
      description: "The legs' shard files to append to the monitoring log and judge as one run, instead of computing; globs, one per line, relative to the folder of mlops.yml.",
      relativeTo: "config"
    },
    noun: "shard file",
    noMatchHint: {
      cli: "write them with mlops monitor --shard i/n",
      action: "download the legs' monitor-shard artifacts first"
    }
  }),
  recompute: flagOption({
    cli: { flag: "recompute", description: "Compute every window again, not only new or newly labelled ones" },
    action: {
      input: "recompute",
      description: "true to compute every window again, not only new or newly labelled ones."
    }
  }),
  workers: countOption({
    cli: { flag: "workers", valueName: "n", description: "Threads to read each window with (default: every core)" },
    action: { input: "workers", description: "Threads to read each window with. Default every core." }
  }),
  githubToken: issueTokenOption("the monitoring issue"),
  /** The monitoring log is appended to the registry. */
  registryToken: registryTokenOption("write")
});
async function runMonitorStage(context, options) {
  const github = githubForRun(context, options.githubToken);
  const result = await runMonitor(withRegistryToken(context, options.registryToken), {
    alias: options.alias,
    now: options.now,
    shard: options.shard ?? null,
    merge: options.merge,
    recompute: options.recompute,
    workers: options.workers
  });
  const section = monitorSection(result, primaryMetricOf(context.loaded.config));
  if (result.shard === null) {
    const monitor = requireMonitor(context.loaded.config);
    const alert = alertOf(result, monitor.rules, context.provenance.runUrl);
    const issue = await keepMonitorIssue(github, monitor.alerts.issue, alert, section);
    const webhook = await sendWebhook(alert, monitor.alerts.webhook, context.env);
    const retrain = await dispatchRetrain(github, alert, context.runner.ref, issue);
    const prometheus = await sendPrometheus(alert, monitor.alerts.prometheus, context.loaded.root);
    result.alerts = { breach: result.verdict === "fail", issue, webhook, prometheus, retrain };
    if (prometheus && !prometheus.ok) context.logger.warn(`prometheus: ${prometheus.lines.join("; ")}`);
    if ("failed" in retrain) context.logger.warn(retrain.failed);
    if ("failed" in issue) context.logger.warn(issue.failed);
    if (webhook?.outcome === "failed") context.logger.warn(`webhook: ${webhook.message}`);
    section.blocks.push(...alertBlocks(result.alerts));
  }
  const exit = result.verdict === "fail" ? ExitCode.checkFailed : ExitCode.ok;
  return saveStageRun(context, "monitor", result, section, exit);
}
var monitorStage = defineStage({
  name: "monitor",
  options: MonitorOptions,
  run: runMonitorStage,
  command: null,
  action: {
    description: "Monitor the served model: cut its prediction logs into windows, measure drift, data quality, latency, realised and estimated (CBPE) performance, keep the history in the registry, and fail on a breached monitor rule.",
    icon: "activity",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description: "pass, fail (a rule of severity error broke on a window computed in this run), skipped (a matrix leg: the merge job judges); error when the monitor could not run.",
        value: ({ result }) => result.verdict
      },
      windows: { description: "Windows computed in this run.", value: ({ result }) => result.windows.length },
      breaches: {
        description: "Windows computed in this run that broke a rule of severity error.",
        value: ({ result }) => result.breaches
      },
      version: { description: "The monitored version.", value: ({ result }) => result.version },
      "shard-file": {
        description: "A leg's shard file (with `shard`), to upload for the merge job; empty otherwise.",
        value: ({ result }) => result.shard ? path7.resolve(result.shard.file) : ""
      }
    },
    failureMessage: ({ result }) => `the monitor found ${result.breaches} window(s) breaching a rule; see the job summary`
  }
});

export {
  requireMonitor,
  TREND_WINDOWS,
  historySection,
  MonitorOptions,
  runMonitorStage,
  monitorStage
};
