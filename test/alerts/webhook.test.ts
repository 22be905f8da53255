import { afterEach, describe, expect, it } from "vitest";
import type { AlertWindow, MonitorAlert } from "../../src/alerts/alert.ts";
import { SLACK_LIMITS, TEXT_LIMIT, type WebhookMessage } from "../../src/alerts/webhook-message.ts";
import {
  notifyWebhook,
  type WebhookDeliveryOptions,
  type WebhookOutcome,
  type WebhookSettings,
} from "../../src/alerts/webhook.ts";
import {
  closedPortUrl,
  type ScriptedReply,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../helpers/webhook-receiver.ts";
import { setProxyVariables, startConnectProxy } from "../helpers/connect-proxy.ts";

/**
 * The webhook channel (issue 19 item 2) against a real HTTP server on loopback: the body Slack's incoming webhooks take
 * (and Discord's `/slack` door), within Slack's limits; retries on 5xx and 429 with the server's Retry-After; a 4xx,
 * a closed port and a silent server reported as data; a missing secret skipped; and the URL, a secret, in no message.
 */

const SETTINGS: WebhookSettings = { urlEnv: "MLOPS_WEBHOOK_URL", send: "breach" };
const RUN_URL = "https://github.com/octo-org/penguins/actions/runs/42";

let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

async function receive(...script: ScriptedReply[]): Promise<WebhookReceiver> {
  receiver = await startWebhookReceiver(script);
  return receiver;
}

/** A clock the waits move forward, so retries are checked without waiting them out; the waits are recorded. */
function fakeClock(): { waits: number[]; options: Pick<WebhookDeliveryOptions, "sleep" | "now"> } {
  let now = 1_800_000_000_000;
  const waits: number[] = [];
  return {
    waits,
    options: {
      now: () => now,
      sleep: (ms) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    },
  };
}

function day(index: number): string {
  return new Date(Date.UTC(2026, 2, 3 + index)).toISOString().slice(0, 10);
}

function window(index: number, breaches: string[] = []): AlertWindow {
  const key = day(index);
  return {
    key,
    size: "day",
    start: `${key}T00:00:00.000Z`,
    end: `${day(index + 1)}T00:00:00.000Z`,
    rows: 1200 + index,
    labelsComplete: true,
    metrics: { rows: 1200 + index, drift_share: breaches.length > 0 ? 0.33 : 0.1, accuracy: 0.93 },
    slices: [],
    verdict: breaches.length > 0 ? "fail" : "pass",
    breaches,
    retrain: false,
  };
}

const DRIFT = "drift_share 0.33 (<= 0.3): 0.33 is above the maximum 0.3";
const ACCURACY = "accuracy 0.81 (>= 0.9): 0.81 is below the minimum 0.9";

/** Seven daily windows from 2026-03-03: the 5th drifted, the 7th drifted and lost accuracy. */
function twoOfSeven(): MonitorAlert {
  const windows = Array.from({ length: 7 }, (_, i) => window(i, i === 4 ? [DRIFT] : i === 6 ? [DRIFT, ACCURACY] : []));
  return {
    model: "penguins",
    alias: "champion",
    version: "3",
    runUrl: RUN_URL,
    verdict: "fail",
    windows,
    newest: windows.at(-1)?.key ?? null,
  };
}

function healthy(): MonitorAlert {
  return { ...twoOfSeven(), verdict: "pass", windows: Array.from({ length: 7 }, (_, i) => window(i)) };
}

function sectionTexts(message: WebhookMessage): string[] {
  return message.blocks.flatMap((b) => (b.type === "section" ? [b.text.text] : []));
}

function sent(r: WebhookReceiver, index = 0): WebhookMessage {
  const request = r.requests[index];
  if (!request) throw new Error(`the receiver got ${r.requests.length} request(s), not ${index + 1}`);
  return JSON.parse(request.body) as WebhookMessage;
}

/** The URL, whole or in part, appears in no message the channel returns. */
function expectNoSecret(outcome: WebhookOutcome, url: string, secret: string): void {
  expect(outcome.message).not.toContain(url);
  expect(outcome.message).not.toContain(secret);
  expect(outcome.message).not.toContain("s3cr3t-t0ken");
  expect(JSON.stringify(outcome)).not.toContain("s3cr3t-t0ken");
}

describe("the body", () => {
  it("is Slack's incoming-webhook JSON: a one-liner naming each breached window, and blocks", async () => {
    const r = await receive({ status: 200 });
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, r.url);
    expect(outcome).toMatchObject({ outcome: "delivered", status: 200, attempts: 1 });
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0]?.method).toBe("POST");
    expect(r.requests[0]?.contentType).toMatch(/^application\/json/);

    const body = sent(r);
    expect(body.text).toBe(
      `penguins@champion: 2 of 7 windows breached — drift_share and accuracy on ${day(6)}, drift_share on ${day(4)}` +
        ` (version 3) ${RUN_URL}`,
    );
    const [header, ...rest] = body.blocks;
    expect(header).toEqual({
      type: "header",
      text: { type: "plain_text", text: "penguins@champion: monitor breached", emoji: true },
    });
    const context = rest.at(-1);
    expect(context?.type).toBe("context");
    expect(JSON.stringify(context)).toContain("version *3*");
    expect(JSON.stringify(context)).toContain(`<${RUN_URL}|the monitoring run>`);
    const listed = sectionTexts(body).join("\n");
    expect(listed).toContain(`*${day(4)}* (day, 1204 rows) — fail\n• drift_share 0.33 (&lt;= 0.3)`);
    expect(listed).toContain(`• accuracy 0.81 (&gt;= 0.9): 0.81 is below the minimum 0.9`);
    // Healthy windows are counted, not listed.
    expect(listed).not.toContain(day(5));
    expectNoSecret(outcome, r.url, r.secret);
  });

  it("stays within Slack's limits on 200 breached windows, and says how many it left out", async () => {
    const long = `${"feature_".repeat(40)}drift 0.9 (<= 0.3): far above the maximum`;
    const windows = Array.from({ length: 200 }, (_, i) =>
      window(i, [DRIFT, ACCURACY, long, long, long, long, long, long]),
    );
    const alert: MonitorAlert = {
      newest: windows.at(-1)?.key ?? null,
      model: "m".repeat(200),
      alias: "champion",
      version: "7",
      runUrl: RUN_URL,
      verdict: "fail",
      windows,
    };
    const r = await receive({ status: 200 });
    await notifyWebhook(alert, SETTINGS, r.url);
    const body = sent(r);

    expect(body.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(Array.from(body.text).length).toBeLessThanOrEqual(TEXT_LIMIT);
    for (const block of body.blocks) {
      if (block.type === "header") expect(Array.from(block.text.text).length).toBeLessThanOrEqual(150);
      if (block.type === "section") expect(Array.from(block.text.text).length).toBeLessThanOrEqual(3000);
      if (block.type === "context") expect(block.elements.length).toBeLessThanOrEqual(10);
    }
    const texts = sectionTexts(body).join("\n");
    const shown = texts.match(/^\*2026-\d\d-\d\d\*/gm)?.length ?? 0;
    const more = Number(/and (\d+) more breached windows/.exec(texts)?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown + more).toBe(200);
    expect(texts).toContain("• and 3 more");
    expect(body.text).toContain("and 197 more");
  });

  it("escapes &, < and > in everything the user wrote, so nothing becomes a mention or a link", async () => {
    const alert: MonitorAlert = {
      ...twoOfSeven(),
      model: "fish&chips",
      alias: "<!channel>",
      windows: [window(0, ["latency_p95 900 (<= 500): <@U123> & <https://evil.example|click>"])],
    };
    const r = await receive({ status: 200 });
    await notifyWebhook(alert, SETTINGS, r.url);
    const body = sent(r);
    const mrkdwn = [body.text, ...sectionTexts(body)].join("\n");
    expect(mrkdwn).toContain("fish&amp;chips@&lt;!channel&gt;");
    expect(mrkdwn).toContain("&lt;@U123&gt; &amp; &lt;https://evil.example|click&gt;");
    expect(mrkdwn).not.toMatch(/<!channel>|<@U123>|<https:\/\/evil/);
    // The header is plain_text, which Slack does not parse: it keeps the names as written.
    expect(body.blocks[0]).toMatchObject({
      text: { type: "plain_text", text: "fish&chips@<!channel>: monitor breached" },
    });
  });
});

describe("when it is sent", () => {
  it("skips a run without a breach by default, and posts it with send: always", async () => {
    const r = await receive({ status: 200 });
    const quiet = await notifyWebhook(healthy(), SETTINGS, r.url);
    expect(quiet).toMatchObject({ outcome: "skipped", reason: "no-breach" });
    expect(r.requests).toHaveLength(0);

    const always = await notifyWebhook(healthy(), { ...SETTINGS, send: "always" }, r.url);
    expect(always).toMatchObject({ outcome: "delivered", status: 200 });
    expect(sent(r).text).toBe(`penguins@champion: all 7 windows healthy (version 3) ${RUN_URL}`);
  });

  it.each([undefined, "", "  "])(
    "skips, as not configured, when the variable is %j (a fork's run has no secrets)",
    async (url) => {
      const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, url);
      expect(outcome).toMatchObject({ outcome: "skipped", reason: "not-configured" });
      expect(outcome.message).toContain("the webhook is not configured in this run (MLOPS_WEBHOOK_URL is empty)");
    },
  );

  it("reports a value that is not an http(s) URL without showing it", async () => {
    for (const url of ["hooks.example/s3cr3t-t0ken", "ftp://hooks.example/s3cr3t-t0ken"]) {
      const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, url);
      expect(outcome).toMatchObject({ outcome: "failed", status: null, error: "invalid-url", attempts: 0 });
      expect(outcome.message).toMatch(/^MLOPS_WEBHOOK_URL is /);
      expectNoSecret(outcome, url, "s3cr3t-t0ken");
    }
  });
});

describe("delivery", () => {
  it("retries 503 twice, then delivers on the third attempt with growing waits", async () => {
    const r = await receive({ status: 503 }, { status: 503 }, { status: 200 });
    const clock = fakeClock();
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, r.url, { ...clock.options, backoffMs: 500 });
    expect(outcome).toMatchObject({ outcome: "delivered", status: 200, attempts: 3 });
    expect(r.requests).toHaveLength(3);
    expect(clock.waits).toEqual([500, 1000]);
    expect(sent(r, 2)).toEqual(sent(r, 0));
    expectNoSecret(outcome, r.url, r.secret);
  });

  it("waits what a 429's Retry-After asks (seconds or a date), up to a cap", async () => {
    const r = await receive({ status: 429, headers: { "retry-after": "7" } }, { status: 200 });
    const clock = fakeClock();
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, r.url, clock.options);
    expect(outcome).toMatchObject({ outcome: "delivered", attempts: 2 });
    expect(clock.waits).toEqual([7000]);
    await r.stop();

    const dated = fakeClock();
    const at = new Date((dated.options.now?.() ?? 0) + 12_000).toUTCString();
    const r2 = await receive({ status: 429, headers: { "retry-after": at } }, { status: 200 });
    expect(await notifyWebhook(twoOfSeven(), SETTINGS, r2.url, dated.options)).toMatchObject({ attempts: 2 });
    expect(dated.waits).toEqual([12_000]);
    await r2.stop();

    const capped = fakeClock();
    const r3 = await receive({ status: 429, headers: { "retry-after": "120" } }, { status: 200 });
    const outcome3 = await notifyWebhook(twoOfSeven(), SETTINGS, r3.url, capped.options);
    expect(outcome3).toMatchObject({ outcome: "failed", status: 429, error: null, attempts: 1 });
    expect(outcome3.message).toContain("asked to wait 120 s, more than the 30 s allowed");
    expect(capped.waits).toEqual([]);
    expect(r3.requests).toHaveLength(1);
  });

  it("does not retry a 400, and reports its status and what the chat tool said", async () => {
    const r = await receive({ status: 400, body: "invalid_blocks" });
    const clock = fakeClock();
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, r.url, clock.options);
    expect(outcome).toMatchObject({ outcome: "failed", status: 400, error: null, attempts: 1 });
    expect(outcome.message).toContain("the webhook at 127.0.0.1:");
    expect(outcome.message).toContain("(MLOPS_WEBHOOK_URL) answered 400: invalid_blocks");
    expect(r.requests).toHaveLength(1);
    expect(clock.waits).toEqual([]);
    expectNoSecret(outcome, r.url, r.secret);
  });

  it("does not follow a redirect: it reports where the webhook stands instead", async () => {
    const r = await receive({ status: 301, headers: { location: "http://127.0.0.1:9/elsewhere" } });
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, r.url);
    expect(outcome).toMatchObject({ outcome: "failed", status: 301, attempts: 1 });
    expect(outcome.message).toContain("redirects elsewhere");
    expect(r.requests).toHaveLength(1);
  });

  it("redacts the URL when the server echoes it back", async () => {
    const r = await receive({ status: 404, body: (request) => `no webhook at ${request.path}` });
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, r.url);
    expect(outcome).toMatchObject({ outcome: "failed", status: 404, attempts: 1 });
    expect(outcome.message).toContain("answered 404: no webhook at [redacted]");
    expect(outcome.message).toContain("create a new one and update the secret");
    expectNoSecret(outcome, r.url, r.secret);
  });

  it("stops retrying when the next wait would pass the time budget", async () => {
    const r = await receive({ status: 502 });
    const clock = fakeClock();
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, r.url, {
      ...clock.options,
      backoffMs: 1000,
      budgetMs: 2500,
    });
    expect(outcome).toMatchObject({ outcome: "failed", status: 502, attempts: 2 });
    expect(outcome.message).toContain("gave up after 2 attempts: the next would pass the 2.5 s budget");
    expect(clock.waits).toEqual([1000]);
    expect(r.requests).toHaveLength(2);
  });

  it("reports a closed port as unreachable after its attempts, without the URL", async () => {
    const url = await closedPortUrl();
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, url, { backoffMs: 1, maxAttempts: 3, budgetMs: 5000 });
    expect(outcome).toMatchObject({ outcome: "failed", status: null, error: "ECONNREFUSED", attempts: 3 });
    expect(outcome.message).toMatch(/could not be reached: ECONNREFUSED \(gave up after 3 attempts\)$/);
    expectNoSecret(outcome, url, "/services/T0MLOPSKIT");
  });

  it("gives up on a server that never answers once each attempt's timeout passes", async () => {
    const r = await receive("hang");
    const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, r.url, {
      timeoutMs: 100,
      maxAttempts: 2,
      backoffMs: 1,
    });
    expect(outcome).toMatchObject({ outcome: "failed", status: null, error: "timeout", attempts: 2 });
    expect(outcome.message).toContain("did not answer in time");
    expect(r.requests).toHaveLength(2);
    expectNoSecret(outcome, r.url, r.secret);
  });
});

describe("behind a proxy", () => {
  it("posts through the proxy the environment names for the webhook's host, as a self-hosted runner must", async () => {
    const r = await receive({ status: 200 });
    const proxy = await startConnectProxy();
    const restore = setProxyVariables({ HTTP_PROXY: proxy.url });
    try {
      // A host that resolves nowhere: only the proxy reaches the receiver.
      const url = r.url.replace("127.0.0.1", "hooks.invalid");
      const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, url);
      expect(outcome).toMatchObject({ outcome: "delivered", status: 200, attempts: 1 });
      expect(proxy.tunnels).toEqual([`hooks.invalid:${new URL(r.url).port}`]);
      expect(sent(r).text).toContain("penguins@champion");
    } finally {
      restore();
      await proxy.close();
    }
  });

  it("passes the proxy the credentials its URL holds", async () => {
    const r = await receive({ status: 200 });
    const proxy = await startConnectProxy({ credentials: "ci-bot:s3cret" });
    const restore = setProxyVariables({ HTTP_PROXY: proxy.url.replace("http://", "http://ci-bot:s3cret@") });
    try {
      const url = r.url.replace("127.0.0.1", "hooks.invalid");
      const outcome = await notifyWebhook(twoOfSeven(), SETTINGS, url);
      expect(outcome).toMatchObject({ outcome: "delivered", status: 200, attempts: 1 });
      expect(proxy.tunnels).toEqual([`hooks.invalid:${new URL(r.url).port}`]);
      expect(proxy.refused).toEqual([]);
    } finally {
      restore();
      await proxy.close();
    }
  });
});
