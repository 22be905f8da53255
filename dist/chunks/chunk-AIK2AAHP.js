import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  requireMonitor,
  runMonitor
} from "./chunk-HPOHQKS7.js";
import {
  CBPE_ASSUMPTION,
  breachLines
} from "./chunk-AWWEC64S.js";
import {
  keepOneIssue
} from "./chunk-WE5QLUEO.js";
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
  RetriesExhausted,
  createRetrier
} from "./chunk-ASQHJYOS.js";
import {
  issueTokenOption,
  registryTokenOption,
  withRegistryToken
} from "./chunk-BO5Z4RF3.js";
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  proxiedFetch
} from "./chunk-Q52DLOOW.js";
import {
  ESTIMATED_PREFIX,
  WINDOW_MEASURES,
  windowMetricKind
} from "./chunk-TEWQFG7M.js";
import {
  renderMarkdown
} from "./chunk-OSH67I4H.js";
import {
  countOption,
  flagOption,
  globsOption,
  shardOption,
  textOption
} from "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import {
  builtinMetric,
  perClassMetric,
  primaryMetricOf
} from "./chunk-KIGM2236.js";
import {
  ExitCode
} from "./chunk-XOZC47AQ.js";

// src/stages/monitor.ts
import path3 from "node:path";

// src/monitor/alerts.ts
import path2 from "node:path";

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
  return labels.find(([key]) => key === name)?.[1] ?? "";
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
function sizeOfKey(key) {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(key)) return "hour";
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return "day";
  if (/^\d{4}-W\d{2}$/.test(key)) return "week";
  return null;
}
async function pruneGroups(group, keep, request) {
  const deleted = [];
  const call = async (method, path4) => {
    const answer = await request.fetch(`${request.base}${path4}`, {
      method,
      headers: request.headers,
      signal: AbortSignal.timeout(request.timeoutSeconds * 1e3)
    });
    if (!answer.ok) throw new Error(`${method} ${path4} answered ${answer.status}`);
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
  const target = parseGateway(settings.url);
  if (typeof target === "string") {
    const shown = withoutCredentials(settings.url);
    const failed = alert.windows.map((w) => ({ window: w.key, url: shown, status: null, error: target, attempts: 0 }));
    return { gateway: shown, job: settings.job, pushed: [], failed, pruned: null };
  }
  const { base, authorization } = target;
  const send = dependencies.fetch ?? proxiedFetch(new URL(base)) ?? fetch;
  const headers = {
    "content-type": "text/plain; version=0.0.4; charset=utf-8",
    ...authorization ? { authorization } : {},
    ...settings.headers
  };
  const retrier = createRetrier({ seconds: settings.retrySeconds }, dependencies.clock);
  const outcome = { gateway: base, job: settings.job, pushed: [], failed: [], pruned: null };
  let silent = null;
  for (const window of alert.windows) {
    const path4 = groupPath(settings.job, [
      ["model", alert.model],
      ["alias", alert.alias],
      ["window", window.key]
    ]);
    const url = `${base}${path4}`;
    if (silent !== null) {
      outcome.failed.push({ window: window.key, url, status: null, error: `not tried: ${silent}`, attempts: 0 });
      continue;
    }
    const body = renderFamilies(exposeWindows(alert, [window]).families);
    let attempts = 0;
    try {
      const status = await retrier.run(async (number) => {
        attempts = number;
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
  const send = proxiedFetch(target) ?? fetch;
  for (let attempt = 1; ; attempt++) {
    const elapsed = now() - start;
    const timeout = Math.max(1, Math.min(settings.timeoutMs, settings.budgetMs - elapsed));
    let answer;
    try {
      const response = await send(target, {
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
    const { action, number, url, duplicatesClosed } = issue.done;
    lines.push(
      `Issue #${number} ${action} (${url})${duplicatesClosed.length > 0 ? `; closed ${duplicatesClosed.map((n) => `#${n}`).join(", ")} as its duplicate(s)` : ""}.`
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

// src/monitor/window-notes.ts
var EXAMPLES = 3;
function windowNotes(window) {
  const lines = [];
  const drifted = window.drift?.columns.filter((c) => c.drifted) ?? [];
  if (window.drift && drifted.length > 0) {
    lines.push(`features that drifted (${drifted.length} of ${window.drift.columns.length}): ${driftScores(drifted)}`);
  }
  const predictions = window.predictionDrift?.columns.filter((c) => c.drifted) ?? [];
  if (window.predictionDrift && predictions.length > 0) {
    lines.push(
      `prediction columns that drifted from the version's evaluation predictions: ${driftScores(predictions)}`
    );
  }
  for (const finding of window.quality.findings) {
    const examples = finding.examples.slice(0, EXAMPLES).map((e) => e.id === null ? `row ${e.row}` : `id ${e.id}`);
    const file = window.sources.length === 1 ? ` in ${window.sources[0]?.shown ?? ""}` : "";
    lines.push(
      `quality ${finding.severity === "error" ? "error" : "warning"}: ${finding.column ?? "rows"} ${finding.rule}: ${finding.message} (${finding.count} row(s), first value "${finding.observed}"${examples.length > 0 ? `; e.g. ${examples.join(", ")} of the window${file}` : ""})`
    );
  }
  const labels = window.labels;
  if (labels && labels.duplicates > 0)
    lines.push(`${labels.duplicates} label row(s) repeat an id already labelled: the first label stands`);
  if (labels && labels.empty > 0)
    lines.push(
      `${labels.empty} label row(s) with an empty id or label in the label files read for the window, not joined`
    );
  if (window.duplicateIds !== null && window.duplicateIds > 0) {
    lines.push(
      `${window.duplicateIds} row(s) repeat a request id logged earlier in the window: an id's label joins every row of it${labels ? ", so the realised metrics count it more than once" : ""}`
    );
  }
  lines.push(...window.warnings);
  return lines;
}
function driftScores(columns) {
  const byMeasure = /* @__PURE__ */ new Map();
  for (const column of columns) byMeasure.set(column.measure, [...byMeasure.get(column.measure) ?? [], column]);
  return [...byMeasure].map(
    ([measure, group]) => `${group.map((c) => `${c.column} ${formatNumber(c.value)} (drift ${c.driftWhen} ${formatNumber(c.threshold)})`).join(", ")}: ${measure}`
  ).join("; ");
}

// src/monitor/section.ts
var ADJECTIVE = { hour: "hourly", day: "daily", week: "weekly" };
var TREND_WINDOWS = 60;
function monitorSection(result, primary) {
  const blocks = [];
  const computed = result.windows.length;
  const headline2 = result.shard !== null ? `leg ${result.shard.index} of ${result.shard.count}: ${computed} window(s) computed for the merge job` : computed === 0 ? (
    // Rules judge only the windows a run computes: with none, the run judged nothing, which is not a pass.
    `nothing new to judge: no new or newly labelled window (${result.unchanged} unchanged, judged by the run that computed them)`
  ) : result.verdict === "fail" ? `${result.breaches} of ${computed} window(s) broke a rule of severity error${result.warnings > 0 ? `, ${result.warnings} more only rules of severity warn` : ""}` : `${computed} window(s) computed, no rule of severity error broken${result.warnings > 0 ? ` (${result.warnings} broke rules of severity warn)` : ""}`;
  blocks.push({
    kind: "text",
    text: `${result.model} at alias ${result.alias} (${result.version}), ${ADJECTIVE[result.window]} windows, run at ${result.now}: ${headline2}.`
  });
  for (const note of result.notes) blocks.push({ kind: "text", text: `Note: ${note}.` });
  const errors = breachLines(result.judgements, "error");
  if (errors.length > 0) blocks.push({ kind: "code", text: errors.join("\n") });
  const warnings = breachLines(result.judgements, "warn");
  if (warnings.length > 0) {
    blocks.push({ kind: "text", text: "Rules of severity warn broken (reported, they do not fail the run):" });
    blocks.push({ kind: "code", text: warnings.join("\n") });
  }
  blocks.push(...skippedBlocks(result));
  const metrics = performanceMetrics(result, primary);
  if (computed > 0) blocks.push(windowsTable(result.windows, result, metrics));
  const notes = result.windows.flatMap((w) => windowNotes(w).map((line) => `${w.window.key}: ${line}`));
  if (notes.length > 0) {
    blocks.push({ kind: "text", text: "What stands behind the windows' figures:" });
    blocks.push({ kind: "code", text: notes.join("\n") });
  }
  const estimated = result.windows.some((w) => w.estimated !== null);
  if (estimated) blocks.push({ kind: "text", text: `Estimated (CBPE): ${CBPE_ASSUMPTION}` });
  blocks.push(...trendBlocks(result.history, metrics[0] ?? null));
  return {
    title: `Monitor: ${result.model}@${result.alias}`,
    status: result.verdict === "fail" ? "fail" : result.verdict === "skipped" || computed === 0 && result.shard === null ? "skipped" : result.warnings > 0 ? "warn" : "pass",
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
  if (unparseable.examples.length > 0 && unparseable.examples.every(millisecondsAsSeconds)) {
    blocks.push({
      kind: "text",
      text: "Those timestamps read as seconds fall after the year 9999 and as milliseconds within it: did you mean monitor.logs.timestamp_unit: milliseconds?"
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
var END_OF_RANGE_MS = 2534023008e5;
function millisecondsAsSeconds(example) {
  const value = Number(example.value.trim());
  return example.reason.includes(" seconds since 1970 ") && value >= 0 && value < END_OF_RANGE_MS;
}
function performanceMetrics(result, primary) {
  const names = [primary, ...result.judgements.flatMap((j) => j.outcomes.map((o) => o.metric))];
  const metrics = [];
  for (const name of names) {
    const kind = name === null ? void 0 : windowMetricKind(name);
    if (kind && kind.kind !== "measure" && !metrics.includes(kind.metric)) metrics.push(kind.metric);
  }
  return metrics;
}
function windowsTable(windows, result, metrics) {
  const verdicts = new Map(result.judgements.map((j) => [j.window, j.verdict]));
  const estimate = (w, metric) => {
    const e = w.estimated?.estimates.find((x) => x.metric === metric);
    return e ? `${formatNumber(e.estimate)} [${formatNumber(e.interval.low)}, ${formatNumber(e.interval.high)}]` : "\u2013";
  };
  const figure = (w, name) => {
    const value = w.metrics[name];
    return value === void 0 ? "\u2013" : formatNumber(value);
  };
  const realised = windows.some((w) => w.labels !== null);
  const level = windows.find((w) => w.estimated)?.estimated?.estimates[0]?.interval.level ?? 0.95;
  const estimated = (metric) => windows.some((w) => w.estimated?.estimates.some((e) => e.metric === metric));
  const headers = ["Window", "Rows", "Quality errors", "Drift share", "Prediction drift", "Latency p95", "Labels"];
  const cells = [];
  for (const metric of metrics) {
    if (realised) {
      headers.push(`${metric} (realised)`);
      cells.push(
        (w) => w.labels && !w.labels.complete && w.metrics[metric] !== void 0 ? `${figure(w, metric)} (so far)` : figure(w, metric)
      );
    }
    if (estimated(metric)) {
      headers.push(`${metric} (estimated, ${Math.round(100 * level)}%)`);
      cells.push((w) => estimate(w, metric));
    }
  }
  headers.push("Verdict");
  return {
    kind: "table",
    table: {
      headers,
      rows: windows.map((w) => {
        const labels = w.labels ? `${w.labels.joined - w.labels.unusable}/${w.rows}${w.labels.complete ? "" : " (incomplete)"}` : "\u2013";
        return [
          w.window.key,
          String(w.rows),
          figure(w, "quality_errors"),
          figure(w, "drift_share"),
          figure(w, "prediction_drift"),
          figure(w, "latency_p95"),
          labels,
          ...cells.map((cell) => cell(w)),
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
function trendBlocks(history, preferred, fewest = 2) {
  const trend = history.slice(-TREND_WINDOWS);
  if (trend.length < fewest) return [];
  const labels = trend.map((w) => w.key);
  const series = (name) => trend.map((w) => w.metrics[name] ?? Number.NaN);
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
  const primary = trendMetric(preferred, trend);
  const hasEstimate = primary !== null && series(`estimated_${primary}`).some(Number.isFinite);
  if (primary) {
    const realised = series(primary);
    const estimated = series(`estimated_${primary}`);
    if (realised.some(Number.isFinite) || hasEstimate) {
      charts.push({
        title: primary,
        caption: hasEstimate ? `${primary} realised once labels joined (orange) and estimated by CBPE (blue); a missing value is drawn at the other's.` : `${primary} realised once labels joined; a window without it is drawn at 0.`,
        labels,
        bars: [],
        line: realised.map((v, i) => Number.isFinite(v) ? v : estimated[i] ?? Number.NaN).map(zeroIfMissing),
        lines: hasEstimate ? [
          {
            values: estimated.map((v, i) => Number.isFinite(v) ? v : realised[i] ?? 0).map(zeroIfMissing),
            colour: "blue",
            name: "estimated"
          }
        ] : [],
        names: { line: "realised" },
        range: null
      });
    }
  }
  const table = {
    kind: "details",
    summary: `The trend, window by window (last ${trend.length})`,
    blocks: [
      {
        kind: "table",
        table: {
          headers: [
            "Window",
            "Rows",
            "Drift share",
            "Prediction drift",
            ...primary ? [primary] : [],
            ...hasEstimate ? [`estimated_${primary}`] : [],
            "Labels complete"
          ],
          rows: trend.map((w) => [
            w.key,
            String(w.rows),
            show(w.metrics.drift_share),
            show(w.metrics.prediction_drift),
            ...primary ? [
              // A realised value of a window whose labels are still arriving is a value so far, never final.
              w.complete === false && w.metrics[primary] !== void 0 ? `${show(w.metrics[primary])} (so far)` : show(w.metrics[primary])
            ] : [],
            ...hasEstimate ? [show(w.metrics[`estimated_${primary}`])] : [],
            w.complete === null ? "\u2013" : w.complete ? "yes" : "no"
          ])
        }
      }
    ]
  };
  return [...charts.map((chart) => ({ kind: "chart", chart })), table];
}
function trendMetric(preferred, trend) {
  const kind = preferred === null ? void 0 : windowMetricKind(preferred);
  if (kind && kind.kind !== "measure") return kind.metric;
  for (const window of trend) {
    for (const name of Object.keys(window.metrics)) {
      const found = windowMetricKind(name);
      if (found && found.kind !== "measure") return found.metric;
    }
  }
  return null;
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
    cli: { flag: "merge", valueName: "glob", description: "Shard files of the legs to append and judge" },
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
        value: ({ result }) => result.shard ? path3.resolve(result.shard.file) : ""
      }
    },
    failureMessage: ({ result }) => `the monitor found ${result.breaches} window(s) breaching a rule; see the job summary`
  }
});

export {
  TREND_WINDOWS,
  historySection,
  MonitorOptions,
  runMonitorStage,
  monitorStage
};
