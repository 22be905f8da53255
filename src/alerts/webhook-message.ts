import type { AlertWindow, MonitorAlert } from "./alert.ts";

/**
 * The body a monitoring run posts to a chat webhook: Slack's incoming-webhook format, a `text` one-liner and Block Kit
 * `blocks`. Pure: the alert in, the JSON out, always within Slack's limits, because Slack rejects the whole message
 * (400 `invalid_blocks`) when one field is over, and a breach nobody hears about is worse than a shortened one.
 *
 * Other chat tools read the same body through their Slack-compatible doors: Discord's `/slack` webhook suffix takes
 * `text` (its docs: "We do not support Slack's channel, icon_emoji, mrkdwn, or mrkdwn_in properties"), so `text` says
 * everything that matters on its own, in at most Discord's 2000 characters. Microsoft Teams has no such door: its
 * Workflows webhooks (which replace the retired Office 365 connectors) take Adaptive Cards, not this body.
 */

/** Slack's documented limits (Block Kit reference): blocks per message, section text, header text. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
} as const;

/** Discord's limit on a message's content, which its `/slack` door fills from `text`. */
export const TEXT_LIMIT = 2000;

/** Sections listing windows; more would pass Slack's per-message limit of all blocks' text (about 13,000 characters). */
const MAX_WINDOW_SECTIONS = 3;
/** Broken rules shown per window before "and N more". */
const MAX_BREACHES_PER_WINDOW = 5;
/** Windows named in the one-line `text` before "and N more". */
const WINDOWS_IN_TEXT = 3;

export interface SlackText {
  type: "plain_text" | "mrkdwn";
  text: string;
  emoji?: boolean;
}

export type SlackBlock =
  | { type: "header"; text: SlackText }
  | { type: "section"; text: SlackText }
  | { type: "context"; elements: SlackText[] };

export interface WebhookMessage {
  /** The one-liner notifications and Slack-compatible tools show. */
  text: string;
  blocks: SlackBlock[];
}

/**
 * Slack reads `&`, `<` and `>` as markup in mrkdwn and in `text` (`<!channel>` notifies everyone, `<url|label>` is a
 * link), so every piece of user text goes through this before it is placed in either.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The windows a reader is told about: the ones where a rule broke, errors and warnings alike, newest first, so a
 * shortened list drops the oldest.
 */
export function breachedWindows(alert: MonitorAlert): AlertWindow[] {
  return alert.windows.filter((w) => w.breaches.length > 0).reverse();
}

/**
 * `drift_share` from `drift_share 0.33 (<= 0.3): 0.33 is above the maximum 0.3`: each breach line opens with its rule
 * (after the window's key, in the form the run's report prints them).
 */
function ruleName(breach: string, windowKey: string): string {
  const line = breach.trim();
  const rest = line.startsWith(`${windowKey}: `) ? line.slice(windowKey.length + 2) : line;
  return rest.split(/\s+/)[0] ?? rest;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Cut to `limit` characters with an ellipsis, never splitting a surrogate pair or an `&amp;` escape in two. */
export function truncate(text: string, limit: number): string {
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  let cut = chars.slice(0, Math.max(0, limit - 1)).join("");
  cut = cut.replace(/&[a-z]{0,3}$/, "");
  return `${cut}…`;
}

function headline(alert: MonitorAlert, breached: AlertWindow[]): string {
  const total = alert.windows.length;
  if (breached.length === 0) return `all ${plural(total, "window")} healthy`;
  return `${breached.length} of ${plural(total, "window")} breached`;
}

/** `penguins@champion: 2 of 7 windows breached — drift_share on 2026-03-09, accuracy on 2026-03-10 (version 3) <run>`. */
export function webhookText(alert: MonitorAlert): string {
  const breached = breachedWindows(alert);
  const named = breached.slice(0, WINDOWS_IN_TEXT).map((w) => {
    const rules = [...new Set(w.breaches.map((b) => ruleName(b, w.key)))];
    return `${rules.join(" and ")} on ${w.key}`;
  });
  const more = breached.length - named.length;
  const what = named.length === 0 ? "" : ` — ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
  const run = alert.runUrl === null ? "" : ` ${alert.runUrl}`;
  const text = `${alert.model}@${alert.alias}: ${headline(alert, breached)}${what} (version ${alert.version})${run}`;
  return truncate(escapeMrkdwn(text), TEXT_LIMIT);
}

/** One window's paragraph: its key, size, rows and verdict, then one bullet per broken rule. */
function windowParagraph(window: AlertWindow): string {
  const shown = window.breaches.slice(0, MAX_BREACHES_PER_WINDOW);
  const lines = [
    `*${escapeMrkdwn(window.key)}* (${window.size}, ${plural(window.rows, "row")}) — ${window.verdict}` +
      (window.labelsComplete === false ? ", labels incomplete" : ""),
    ...shown.map((b) => `• ${escapeMrkdwn(b)}`),
  ];
  const more = window.breaches.length - shown.length;
  if (more > 0) lines.push(`• and ${more} more`);
  // One paragraph must fit a section even with a "and N more windows" line after it.
  return truncate(lines.join("\n"), SLACK_LIMITS.sectionText - 100);
}

/**
 * Windows packed into sections of at most 3000 characters, at most {@link MAX_WINDOW_SECTIONS} of them; what does not
 * fit is counted in a last "and N more windows" line, so the reader knows the list is cut and where to look.
 */
function windowSections(breached: AlertWindow[], runLink: string): SlackBlock[] {
  const sections: string[] = [];
  let current = "";
  let listed = 0;
  for (const window of breached) {
    const paragraph = windowParagraph(window);
    const joined = current === "" ? paragraph : `${current}\n\n${paragraph}`;
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
  if (rest > 0) current += `\n\n_and ${plural(rest, "more breached window")}${runLink ? `: see ${runLink}` : ""}_`;
  if (current !== "") sections.push(current);
  return sections.map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

/** The whole body: header, a summary, the breached windows, and a context line with the version and the run. */
export function buildWebhookMessage(alert: MonitorAlert): WebhookMessage {
  const breached = breachedWindows(alert);
  const runLink = alert.runUrl === null ? "" : `<${escapeMrkdwn(alert.runUrl)}|the monitoring run>`;
  const status = alert.verdict === "fail" ? "monitor breached" : breached.length > 0 ? "monitor warning" : "monitor ok";
  const header: SlackBlock = {
    type: "header",
    text: {
      type: "plain_text",
      text: truncate(`${alert.model}@${alert.alias}: ${status}`, SLACK_LIMITS.headerText),
      emoji: true,
    },
  };
  const summary: SlackBlock = {
    type: "section",
    text: {
      type: "mrkdwn",
      text: truncate(
        `*${escapeMrkdwn(alert.model)}@${escapeMrkdwn(alert.alias)}*: ${headline(alert, breached)}, verdict *${alert.verdict}*` +
          (breached.length > 1 ? " (newest first)." : "."),
        SLACK_LIMITS.sectionText,
      ),
    },
  };
  const context: SlackBlock = {
    type: "context",
    elements: [
      { type: "mrkdwn", text: truncate(`version *${escapeMrkdwn(alert.version)}*`, SLACK_LIMITS.sectionText) },
      ...(runLink === "" ? [] : [{ type: "mrkdwn" as const, text: runLink }]),
    ],
  };
  return { text: webhookText(alert), blocks: [header, summary, ...windowSections(breached, runLink), context] };
}
