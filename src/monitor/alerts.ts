import path from "node:path";
import type { AlertWindow, MonitorAlert } from "../alerts/alert.ts";
import type { AlertOutcomes, ChannelOutcome } from "../alerts/outcomes.ts";
import { type IssueOutcome, keepOneIssue } from "../alerts/issue.ts";
import { type PrometheusOutcome, sendToPrometheus } from "../alerts/prometheus.ts";
import { notifyWebhook, type WebhookOutcome } from "../alerts/webhook.ts";
import type { MonitorConfig, MonitorRule } from "../config/schema/index.ts";
import type { GitHub } from "../github/client.ts";
import type { Block, Section } from "../report/blocks.ts";
import { renderMarkdown } from "../report/sections.ts";
import { breachLines } from "./rules.ts";
import type { MonitorResult } from "./run.ts";

/**
 * Where a monitoring run's verdict is told (issue 19): the run's result as the alert every channel renders, and the one
 * issue per model and alias (DOMAIN.md §9). A channel that fails is reported in the result; the verdict stands.
 */

/** The run as every channel sees it: the windows it computed, each with its figures, verdict and broken rules. */
export function alertOf(result: MonitorResult, rules: readonly MonitorRule[], runUrl: string | null): MonitorAlert {
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
        retrain:
          judgement?.outcomes.some(
            (o) => (o.verdict === "fail" || o.verdict === "error") && rules[o.rule]?.action === "retrain",
          ) ?? false,
      };
    }),
  };
}

/** The hidden marker of a model and alias's monitoring issue. */
export function monitorIssueMarker(model: string, alias: string): string {
  return `<!-- mlops-kit:monitor:${model}:${alias} -->`;
}

/** GitHub's limit on an issue body, less room for the marker and the lines around the report. */
const BODY_LIMIT = 60_000;

/**
 * Opens or updates the issue when the newest window this run judged breached; closes it when that window passed. A
 * run that judged nothing (no new window) leaves it as it is.
 */
export async function keepMonitorIssue(
  github: GitHub | null,
  settings: MonitorConfig["alerts"]["issue"],
  alert: MonitorAlert,
  section: Section,
): Promise<ChannelOutcome<IssueOutcome | null>> {
  if (!settings.open) return { skipped: "monitor.alerts.issue.open is false" };
  if (!github) return { skipped: "no GitHub token or repository here: no issue was opened or closed" };
  const judged = alert.windows.filter((w) => w.verdict !== "none");
  if (judged.length === 0) return { skipped: "no window was judged in this run" };
  const run = alert.runUrl ? ` in ${alert.runUrl}` : "";
  const breached = judged.filter((w) => w.verdict === "fail");
  // The log's newest window says whether the model is in breach now: an older window computed again (its labels came
  // in) is history, named in the comment, and neither opens nor keeps open the issue.
  const newest = newestJudged(alert);
  if (!newest) return { skipped: "this run judged only older windows again; the newest window decides the issue" };
  const spec = {
    marker: monitorIssueMarker(alert.model, alert.alias),
    title: `Monitor breach: ${alert.model}@${alert.alias}`,
    labels: settings.labels,
    assignees: settings.assignees,
  };
  try {
    if (newest.verdict !== "fail") {
      const healthy = judged
        .filter((w) => w.verdict !== "fail")
        .map((w) => w.key)
        .join(", ");
      const older =
        breached.length > 0
          ? ` (older window(s) ${breached.map((w) => w.key).join(", ")}, computed again, still break a rule)`
          : "";
      return {
        done: await keepOneIssue(github, spec, {
          resolved: {
            comment: `Healthy again: window(s) ${healthy} broke no rule of severity error${run}${older}. Closing.`,
          },
        }),
      };
    }
    const report = renderMarkdown(section);
    const body = [
      `The monitor of **${alert.model}** at alias **${alert.alias}** (version ${alert.version}) found a breach${alert.runUrl ? ` in [this run](${alert.runUrl})` : ""}.`,
      "",
      "This issue is kept up to date by mlops-kit and closed when a later window passes every rule.",
      "",
      report.length > BODY_LIMIT
        ? `${report.slice(0, BODY_LIMIT)}\n\n(cut to fit; the whole report is in the run's job summary)`
        : report,
    ].join("\n");
    const lines = breached.flatMap((w) => w.breaches.slice(0, 3).map((line) => `- ${w.key}: ${line}`));
    const comment = [`Breached again${run}:`, ...lines.slice(0, 10)].join("\n");
    return { done: await keepOneIssue(github, spec, { open: { body, comment } }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      failed: /: 40[13]\b/.test(message)
        ? "could not keep the monitoring issue: the token lacks `issues: write`; add `issues: write` under `permissions:` of the job that runs the monitor (the `monitor` or `merge` job of .github/workflows/mlops-monitor.yml)"
        : `could not keep the monitoring issue up to date: ${message}`,
    };
  }
}

/** Posts the alert to the configured webhook, if there is one (the URL from the door's environment). */
export async function sendWebhook(
  alert: MonitorAlert,
  settings: MonitorConfig["alerts"]["webhook"],
  env: NodeJS.ProcessEnv,
): Promise<WebhookOutcome | null> {
  if (!settings) return null;
  return notifyWebhook(alert, { urlEnv: settings.url_env, send: settings.send }, env[settings.url_env], {
    timeoutMs: settings.timeout_seconds * 1000,
    budgetMs: settings.budget_seconds * 1000,
  });
}

/** Every window's figures to the Pushgateway and/or the textfile, when configured. */
export async function sendPrometheus(
  alert: MonitorAlert,
  settings: MonitorConfig["alerts"]["prometheus"],
  root: string,
): Promise<PrometheusOutcome | null> {
  if (!settings) return null;
  return sendToPrometheus(alert, {
    pushgateway: settings.pushgateway
      ? {
          url: settings.pushgateway,
          job: settings.job,
          retrySeconds: settings.retry_seconds,
          timeoutSeconds: settings.timeout_seconds,
          keepWindows: settings.keep_windows,
        }
      : null,
    textfile: settings.textfile ? { file: path.resolve(root, settings.textfile) } : null,
  });
}

/** The workflow a breach with `action: retrain` runs (mlops init writes it; it takes a `reason` input). */
export const RETRAIN_WORKFLOW = "mlops-retrain.yml";

/**
 * Runs the retraining workflow when a rule with `action: retrain` broke, on the branch this run is on (a schedule
 * runs on the default branch), with the breach and this run as its reason, which the retraining report shows.
 */
export async function dispatchRetrain(
  github: GitHub | null,
  alert: MonitorAlert,
  ref: string | null,
  issue: ChannelOutcome<IssueOutcome | null>,
): Promise<ChannelOutcome<{ workflow: string; ref: string; reason: string }>> {
  const latest = newestJudged(alert);
  if (!latest?.retrain) return { skipped: "the newest window broke no rule with action: retrain" };
  // Once per breach: an issue this run only updated was opened by the run that entered the breach and dispatched.
  if ("done" in issue && issue.done?.action === "updated") {
    return { skipped: `the breach goes on (issue #${issue.done.number}): retraining was asked for when it began` };
  }
  if (!github || !ref) return { skipped: "no GitHub token, repository or branch here: retraining was not dispatched" };
  const reason =
    `monitor breach of ${alert.model}@${alert.alias} (${alert.version}) on ${latest?.key ?? ""}: ${latest?.breaches[0] ?? ""}` +
    (alert.runUrl ? ` (${alert.runUrl})` : "");
  const branch = ref.replace(/^refs\/heads\//, "");
  try {
    await github.dispatchWorkflow(RETRAIN_WORKFLOW, branch, { reason: reason.slice(0, 1000) });
    return { done: { workflow: RETRAIN_WORKFLOW, ref: branch, reason } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      failed: /: 40[13]\b/.test(message)
        ? `could not run ${RETRAIN_WORKFLOW}: the token lacks \`actions: write\`; add \`actions: write\` under \`permissions:\` of the job that runs the monitor (the \`monitor\` or \`merge\` job of .github/workflows/mlops-monitor.yml; \`mlops init --workflows\` writes it when a rule has action: retrain)`
        : `could not run ${RETRAIN_WORKFLOW}: ${message}`,
    };
  }
}

/** The log's newest window, when this run judged it; undefined when the run judged only older windows again. */
function newestJudged(alert: MonitorAlert): AlertWindow | undefined {
  return alert.windows.find((w) => w.key === alert.newest && w.verdict !== "none");
}

/** What each channel did, for the report: a line per channel that did or could not do something. */
export function alertBlocks(outcomes: AlertOutcomes): Block[] {
  const lines: string[] = [];
  const issue = outcomes.issue;
  const breach = outcomes.breach;
  if ("skipped" in issue && breach) lines.push(`Issue: not opened: ${issue.skipped}.`);
  if ("done" in issue && issue.done) {
    const { action, number, url, duplicatesClosed } = issue.done;
    lines.push(
      `Issue #${number} ${action} (${url})${duplicatesClosed.length > 0 ? `; closed ${duplicatesClosed.map((n) => `#${n}`).join(", ")} as its duplicate(s)` : ""}.`,
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
