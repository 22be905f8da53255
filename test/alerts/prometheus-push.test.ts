import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { pushWindows, type PushSettings } from "../../src/alerts/prometheus-push.ts";
import { sendToPrometheus } from "../../src/alerts/prometheus.ts";
import type { RetryClock } from "../../src/store/retry.ts";
import { binaryMissing, describePushgateway, freePort, parseExposition, type Sample } from "../helpers/pushgateway.ts";
import { setProxyVariables, startConnectProxy } from "../helpers/connect-proxy.ts";
import { alertWindow, monitorAlert } from "./prometheus-alert.ts";

/** Time that passes only when the retry loop sleeps: backoff without waiting, and its pauses recorded. */
function fakeClock(): RetryClock & { pauses: number[] } {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    sleep: (ms) => {
      pauses.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A local HTTP server (the test's own), listening on loopback; its URL. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function settings(url: string, overrides: Partial<PushSettings> = {}): PushSettings {
  return { url, job: "mlops_monitor", retrySeconds: 10, timeoutSeconds: 10, keepWindows: null, ...overrides };
}

describePushgateway("pushing a run's windows to a Pushgateway", (gateway) => {
  const groupOf = (samples: Sample[], name: string, window: string) =>
    samples.filter((s) => s.name === name && s.labels.window === window);

  it("pushes one group per window, read back with its grouping labels, and a window pushed again replaces only its own figures", async () => {
    const day1 = alertWindow("2026-03-27", "day");
    const day2 = alertWindow("2026-03-28", "day", { verdict: "fail", breaches: ["drift_share too high"] });
    const alert = monitorAlert([day1, day2], { model: "fraud/eu", alias: "prod canary" });
    const outcome = await pushWindows(alert, settings(gateway().url), { clock: fakeClock() });
    expect(outcome.failed).toEqual([]);
    expect(outcome.pushed.map((p) => [p.window, p.status, p.attempts])).toEqual([
      [day1.key, 200, 1],
      [day2.key, 200, 1],
    ]);
    // A value with a slash or a space travels base64url-encoded in the path.
    expect(outcome.pushed[0]?.url).toBe(
      `${gateway().url}/metrics/job/mlops_monitor/model@base64/${Buffer.from("fraud/eu").toString("base64url")}` +
        `/alias@base64/${Buffer.from("prod canary").toString("base64url")}/window/${day1.key}`,
    );

    const read = parseExposition(await gateway().scrape());
    expect(read.types.get("mlops_monitor_accuracy")).toBe("gauge");
    const [accuracy] = groupOf(read.samples, "mlops_monitor_accuracy", day1.key);
    expect(accuracy?.labels).toEqual({
      job: "mlops_monitor",
      instance: "",
      model: "fraud/eu",
      alias: "prod canary",
      version: alert.version,
      window: day1.key,
      window_size: "day",
    });
    expect(accuracy?.value).toBe(day1.metrics.accuracy);
    expect(groupOf(read.samples, "mlops_monitor_breached", day2.key)[0]?.value).toBe(1);
    expect(
      groupOf(read.samples, "mlops_monitor_recall_per_class", day2.key)
        .map((s) => s.labels.class)
        .sort(),
    ).toEqual(["benign", "malignant"]);
    // The gateway's own record of each group's last push.
    expect(groupOf(read.samples, "push_time_seconds", day2.key)[0]?.value).toBeGreaterThan(0);

    // A late label changes day 1: pushed again, its group is replaced (a figure it no longer has is gone), day 2 stays.
    const relabelled = { ...day1, metrics: { rows: 1300, accuracy: 0.5 }, slices: [] };
    const again = await pushWindows(
      monitorAlert([relabelled], { model: "fraud/eu", alias: "prod canary" }),
      settings(gateway().url),
    );
    expect(again.failed).toEqual([]);
    const reread = parseExposition(await gateway().scrape());
    expect(groupOf(reread.samples, "mlops_monitor_accuracy", day1.key).map((s) => s.value)).toEqual([0.5]);
    expect(groupOf(reread.samples, "mlops_monitor_drift_share", day1.key)).toEqual([]);
    expect(groupOf(reread.samples, "mlops_monitor_slice_accuracy", day1.key)).toEqual([]);
    expect(groupOf(reread.samples, "mlops_monitor_accuracy", day2.key).map((s) => s.value)).toEqual([
      day2.metrics.accuracy,
    ]);
  });

  it("reports a push the gateway refuses with 400 and its words, without retrying", async () => {
    const alert = monitorAlert([alertWindow("2026-03-29", "day")]);
    // An empty job: the gateway refuses the path.
    const outcome = await sendToPrometheus(alert, {
      pushgateway: settings(gateway().url, { job: "" }),
      textfile: null,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.pushgateway?.failed).toEqual([
      expect.objectContaining({
        window: "2026-03-29",
        status: 400,
        attempts: 1,
        error: "the gateway answered 400: job name is required",
      }),
    ]);
    expect(outcome.lines).toEqual([
      `Pushgateway ${gateway().url}: pushed 0 of 1 window (job )`,
      "  window 2026-03-29 not pushed: the gateway answered 400: job name is required",
    ]);
  });

  it("reports a push whose metric another job pushed with another type (400), and pushes the other windows", async () => {
    // Another job's mlops_monitor_queue_depth is a counter: the gateway refuses a gauge of that name beside it.
    const other = await fetch(`${gateway().url}/metrics/job/other`, {
      method: "PUT",
      body: "# TYPE mlops_monitor_queue_depth counter\nmlops_monitor_queue_depth 1\n",
    });
    expect(other.status).toBe(200);
    try {
      const queued = alertWindow("2026-03-30", "day", { metrics: { rows: 10, queue_depth: 3 } });
      const plain = alertWindow("2026-03-31", "day");
      const outcome = await pushWindows(monitorAlert([queued, plain]), settings(gateway().url), {
        clock: fakeClock(),
      });
      expect(outcome.failed).toEqual([expect.objectContaining({ window: queued.key, status: 400, attempts: 1 })]);
      expect(outcome.failed[0]?.error).toMatch(/^the gateway answered 400: pushed metrics are invalid or inconsistent/);
      expect(outcome.pushed.map((p) => p.window)).toEqual([plain.key]);
    } finally {
      await fetch(`${gateway().url}/metrics/job/other`, { method: "DELETE" });
    }
  });

  it("deletes the model and alias's groups beyond the newest windows of each size, never one it just pushed", async () => {
    const model = "pruned";
    const days = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"].map((key) => alertWindow(key, "day"));
    const hours = ["2026-03-04T01", "2026-03-04T02"].map((key) => alertWindow(key, "hour"));
    await pushWindows(monitorAlert([...days, ...hours], { model }), settings(gateway().url));
    await pushWindows(monitorAlert(days, { model, alias: "challenger" }), settings(gateway().url));
    // A late label re-pushes the oldest day: it stays though it is not among the newest two.
    const outcome = await pushWindows(
      monitorAlert(days.slice(0, 1), { model }),
      settings(gateway().url, { keepWindows: 2 }),
    );
    expect(outcome.pruned).toEqual({ deleted: ["2026-03-02"], error: null });
    const windowsOf = (samples: Sample[], alias: string) =>
      samples
        .filter((s) => s.name === "mlops_monitor_rows" && s.labels.model === model && s.labels.alias === alias)
        .map((s) => s.labels.window)
        .sort();
    const read = parseExposition(await gateway().scrape());
    expect(windowsOf(read.samples, "champion")).toEqual([
      "2026-03-01",
      "2026-03-03",
      "2026-03-04",
      "2026-03-04T01",
      "2026-03-04T02",
    ]);
    // Another alias's groups are not this push's to delete.
    expect(windowsOf(read.samples, "challenger")).toHaveLength(days.length);
  });

  it("retries a 5xx answer with backoff and pushes once the gateway recovers", async () => {
    let refused = 0;
    const target = new URL(gateway().url);
    // A proxy in front of the real gateway that answers 503 twice, then passes requests through.
    const proxy = await serve((incoming, answer) => {
      if (refused < 2) {
        refused++;
        answer.writeHead(503).end("restarting");
        return;
      }
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (upstream) => {
          answer.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(answer);
        },
      );
      incoming.pipe(forward);
    });
    const clock = fakeClock();
    const window = alertWindow("2026-04-01", "day");
    const outcome = await pushWindows(monitorAlert([window], { model: "retried" }), settings(proxy), { clock });
    expect(outcome.failed).toEqual([]);
    expect(outcome.pushed).toEqual([expect.objectContaining({ window: window.key, status: 200, attempts: 3 })]);
    expect(clock.pauses).toHaveLength(2);
    const read = parseExposition(await gateway().scrape());
    expect(read.samples.some((s) => s.name === "mlops_monitor_rows" && s.labels.model === "retried")).toBe(true);
  });
});

it("reports a gateway that is down (a closed port) for every window, spending the retry budget once, without throwing", async () => {
  const clock = fakeClock();
  const url = `http://127.0.0.1:${await freePort()}`;
  const alert = monitorAlert([alertWindow("2026-03-27", "day"), alertWindow("2026-03-28", "day")]);
  const outcome = await sendToPrometheus(
    alert,
    { pushgateway: settings(url, { retrySeconds: 5 }), textfile: null },
    { clock },
  );
  expect(outcome.ok).toBe(false);
  expect(outcome.pushgateway?.pushed).toEqual([]);
  const [first, second] = outcome.pushgateway?.failed ?? [];
  expect(first).toMatchObject({ window: "2026-03-27", status: null });
  expect(first?.error).toMatch(/^could not reach the gateway: .*ECONNREFUSED.* \(retried for 5 s\)$/);
  expect(first?.attempts).toBeGreaterThan(1);
  // The budget was spent on the first window: the second is not tried.
  expect(second).toMatchObject({
    window: "2026-03-28",
    status: null,
    attempts: 0,
    error: "not tried: the gateway did not answer the push of window 2026-03-27",
  });
  expect(clock.now()).toBe(5_000);
});

it("gives up on a gateway that accepts the connection but never answers", async () => {
  const url = await serve(() => {
    // Never answers.
  });
  const outcome = await pushWindows(
    monitorAlert([alertWindow("2026-03-27", "day")]),
    settings(url, { retrySeconds: 0, timeoutSeconds: 0.2 }),
  );
  expect(outcome.failed).toEqual([
    expect.objectContaining({ status: null, attempts: 1, error: "no answer within 0.2 s" }),
  ]);
});

it("says a gateway URL is not one instead of pushing, without showing its credentials", async () => {
  const broken = await pushWindows(
    monitorAlert([alertWindow("2026-03-27", "day")]),
    settings("http://ops:secret@[gateway:9091"),
  );
  expect(broken.failed[0]?.error).toBe(
    'the Pushgateway URL "http://[gateway:9091" is not a URL (expected http://host:9091)',
  );
  expect(JSON.stringify(broken)).not.toContain("secret");
  const outcome = await pushWindows(monitorAlert([alertWindow("2026-03-27", "day")]), settings("pushgateway:9091"));
  expect(outcome.failed).toEqual([
    expect.objectContaining({
      status: null,
      attempts: 0,
      error: "the Pushgateway URL must start with http:// or https://, not pushgateway:",
    }),
  ]);
});

it("sends a URL's credentials as Basic authorization and never shows them", async () => {
  let authorization: string | undefined;
  const url = await serve((incoming, answer) => {
    authorization = incoming.headers.authorization;
    answer.writeHead(200).end();
  });
  const outcome = await pushWindows(
    monitorAlert([alertWindow("2026-03-27", "day")]),
    settings(url.replace("http://", "http://ops:s%3Acret@")),
  );
  expect(authorization).toBe(`Basic ${Buffer.from("ops:s:cret").toString("base64")}`);
  expect(outcome.gateway).toBe(url);
  expect(JSON.stringify(outcome)).not.toContain("cret");
});

it("skips the gateway's tests outside CI when it is not installed, and fails them under CI", () => {
  const missing = "/usr/bin/prometheus-pushgateway-not-here";
  expect(binaryMissing(missing, "prometheus-pushgateway", {})).toBe(
    `${missing} is not installed: apt-get install -y prometheus-pushgateway`,
  );
  expect(() => binaryMissing(missing, "prometheus-pushgateway", { CI: "true" })).toThrow(/need .* under CI/);
});

it("reports a gateway that keeps answering 5xx with its status once the budget is spent, and asks once per later window", async () => {
  let requests = 0;
  const url = await serve((_, answer) => {
    requests++;
    answer.writeHead(503).end("Service Unavailable\n");
  });
  const clock = fakeClock();
  const alert = monitorAlert([alertWindow("2026-03-27", "day"), alertWindow("2026-03-28", "day")]);
  const outcome = await pushWindows(alert, settings(url, { retrySeconds: 3 }), { clock });
  const [first, second] = outcome.failed;
  expect(first).toMatchObject({
    status: 503,
    error: "the gateway answered 503: Service Unavailable (retried for 3 s)",
  });
  expect(second).toMatchObject({ status: 503, attempts: 1 });
  expect(requests).toBe((first?.attempts ?? 0) + 1);
  expect(clock.pauses.reduce((a, b) => a + b, 0)).toBe(3_000);
});

it("reports a gateway that cannot list its groups, keeping what it pushed", async () => {
  const url = await serve((incoming, answer) => {
    answer.writeHead(incoming.method === "PUT" ? 200 : 404).end();
  });
  const alert = monitorAlert([alertWindow("2026-03-27", "day")]);
  const outcome = await sendToPrometheus(alert, { pushgateway: settings(url, { keepWindows: 1 }), textfile: null });
  expect(outcome.pushgateway?.pushed).toHaveLength(1);
  expect(outcome.pushgateway?.pruned).toEqual({
    deleted: [],
    error: "could not delete older windows' groups: GET /api/v1/metrics answered 404",
  });
  expect(outcome.lines.at(-1)).toBe("  could not delete older windows' groups: GET /api/v1/metrics answered 404");
});

it("pushes through the proxy the environment names for the gateway's host (a self-hosted runner behind one)", async () => {
  const puts: string[] = [];
  const url = await serve((request, response) => {
    puts.push(`${request.method} ${request.url}`);
    request.resume();
    request.on("end", () => response.writeHead(200).end());
  });
  const proxy = await startConnectProxy();
  const restore = setProxyVariables({ HTTP_PROXY: proxy.url });
  try {
    // A host that resolves nowhere: only the proxy reaches the gateway.
    const named = url.replace("127.0.0.1", "gateway.invalid");
    const outcome = await pushWindows(monitorAlert([alertWindow("2026-03-27", "day")]), settings(named));
    expect(outcome.failed).toEqual([]);
    expect(puts).toEqual([expect.stringMatching(/^PUT \/metrics\/job\/mlops_monitor\//)]);
    expect(proxy.tunnels).toEqual([`gateway.invalid:${new URL(url).port}`]);
  } finally {
    restore();
    await proxy.close();
  }
});
