import { internColumn } from "../../src/evaluate/coded.ts";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/evaluate/evaluate.ts";
import type { MonitorResult } from "../../src/monitor/run.ts";
import { keepOneIssue } from "../../src/alerts/issue.ts";
import { createGitHub } from "../../src/github/client.ts";
import { createRecordingLogger } from "../../src/logging.ts";
import { openObjectStore } from "../../src/store/open.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { type S3Server, startS3Server } from "../helpers/s3-server.ts";
import { startWebhookReceiver } from "../helpers/webhook-receiver.ts";
import { describePushgateway } from "../helpers/pushgateway.ts";
import { writeFiles } from "../helpers/temp.ts";
import { mermaidCharts, parseXyChart } from "../helpers/xychart.ts";
import { labelDay, logDay, monitor, monitorProject, MONITOR_CONFIG, type WorldRow } from "./world.ts";

/**
 * `mlops monitor` end to end on a scratch project (test/monitor/world.ts): a champion published with its training
 * profile and evaluation predictions, daily prediction logs and label files, a folder registry.
 */

const windowOf = (result: MonitorResult, key: string) => {
  const found = result.windows.find((w) => w.window.key === key);
  if (!found) throw new Error(`no window ${key} in ${result.windows.map((w) => w.window.key).join(", ")}`);
  return found;
};

describe("mlops monitor", () => {
  it("measures each day of a healthy log, keeps it in the registry, and computes only what is new", async () => {
    const dir = await monitorProject();
    const days: Record<string, WorldRow[]> = {};
    for (const [i, date] of ["2026-03-01", "2026-03-02", "2026-03-03"].entries())
      days[date] = await logDay(dir, date, 10 + i, 400);
    await labelDay(dir, "2026-03-02", days["2026-03-01"] ?? []);
    await labelDay(dir, "2026-03-03", days["2026-03-02"] ?? []);

    const first = await monitor(dir, "2026-03-04T06:00:00Z");
    expect(first.stderr).not.toMatch(/^\s*(warning|error)\b/im);
    expect(first.exitCode).toBe(0);
    expect(first.result.windows.map((w) => w.window.key)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    const day1 = windowOf(first.result, "2026-03-01");
    expect(day1.rows).toBe(400);
    expect(day1.labels).toMatchObject({ complete: true, joined: 400 });
    expect(windowOf(first.result, "2026-03-02").labels).toMatchObject({ complete: false, joined: 400 });
    expect(windowOf(first.result, "2026-03-03").labels).toMatchObject({ complete: false, joined: 0 });
    // A realised metric is never judged before its labels are complete.
    const realisedRule = (key: string) =>
      first.result.judgements.find((j) => j.window === key)?.outcomes.find((o) => o.metric === "accuracy");
    expect(realisedRule("2026-03-01")?.verdict).toBe("pass");
    expect(realisedRule("2026-03-02")).toMatchObject({ verdict: "skipped" });
    expect(realisedRule("2026-03-02")?.reason).toMatch(
      /labels are incomplete: 400 of 400 row\(s\) labelled so far, complete at 2026-03-05T00:00:00.000Z/,
    );
    // Realised metrics are the gate's code on the same rows.
    const rows = days["2026-03-01"] ?? [];
    const gate = computeMetrics(
      "classification",
      {
        source: "test",
        rows: rows.length,
        labels: internColumn(rows.map((r) => r.label)),
        predictions: internColumn(rows.map((r) => r.prediction)),
        actual: null,
        predicted: null,
        scores: Float64Array.from(rows, (r) => r.score),
        probabilities: null,
        ids: null,
        slices: new Map(),
      },
      "yes",
    );
    expect(day1.metrics.accuracy).toBe(gate.metrics.accuracy);
    expect(day1.metrics.roc_auc).toBe(gate.metrics.roc_auc);
    // Calibrated scores: the CBPE estimate is close and its interval is stated.
    const estimate = day1.estimated?.estimates.find((e) => e.metric === "accuracy");
    expect(estimate?.interval.level).toBe(0.95);
    expect(Math.abs((estimate?.estimate ?? 0) - (gate.metrics.accuracy ?? 0))).toBeLessThan(0.06);
    expect(day1.metrics.drift_share).toBe(0);
    expect(day1.metrics.latency_p50).toBeGreaterThanOrEqual(5);
    expect(
      day1.slices
        .filter((s) => s.column === "colour")
        .map((s) => s.value)
        .sort(),
    ).toEqual(["blue", "green", "red"]);
    expect(first.result.logged.length).toBeGreaterThan(0);

    // Nothing changed: nothing is computed.
    const again = await monitor(dir, "2026-03-04T07:00:00Z");
    expect(again.result.windows).toEqual([]);
    expect(again.result.unchanged).toBe(3);

    // A new day, and the labels of day 3: day 4 is new, day 3 newly labelled, day 2 became complete.
    days["2026-03-04"] = await logDay(dir, "2026-03-04", 20, 400);
    await labelDay(dir, "2026-03-04", days["2026-03-03"] ?? []);
    const third = await monitor(dir, "2026-03-05T06:00:00Z");
    expect(third.exitCode).toBe(0);
    expect(third.result.windows.map((w) => w.window.key)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(windowOf(third.result, "2026-03-02").labels?.complete).toBe(true);
    // The label files read again also hold day 1's labels: not unmatched, only not looked at this time.
    expect(third.result.unmatchedLabels).toEqual({ count: 0, files: [] });
    expect(windowOf(third.result, "2026-03-03").labels?.joined).toBe(400);
    expect(third.result.history.map((h) => h.key)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]);

    // The job summary: the trend as Mermaid line charts, each valid for Mermaid, with its table beside them.
    const summary = await readFile(path.join(dir, ".mlops/out/monitor.md"), "utf8");
    // A classifier with scores: the window table has the realised metric and its CBPE estimate.
    expect(summary).toMatch(/\| accuracy \(realised\) \| accuracy \(estimated, 95%\) \| Verdict \|/);
    const { charts, unclosed } = mermaidCharts(summary);
    expect(unclosed).toBe(false);
    expect(charts.map((chart) => parseXyChart(chart).problems)).toEqual(charts.map(() => []));
    // Rows as bars; drift (feature, prediction) and accuracy (realised, estimated) as two lines in two colours.
    const parsed = charts.map((chart) => parseXyChart(chart).chart);
    expect(parsed.map((chart) => chart.series.map((series) => series.kind))).toEqual([
      ["bar"],
      ["line", "line"],
      ["line", "line"],
    ]);
    for (const chart of parsed.slice(1)) expect(new Set(chart.palette?.slice(0, 2)).size).toBe(2);
    expect(summary).toContain("| 2026-03-04 | 400 |");

    const history = await runCli(["monitor", "history"], { cwd: dir });
    expect(history.exitCode).toBe(0);
    expect(history.stdout).toContain("2026-03-01");
    expect(history.stdout).toContain("2026-03-04");
  });

  it("finds feature drift and a fall in accuracy, and exits 1 with the reasons", async () => {
    const dir = await monitorProject();
    const healthy = await logDay(dir, "2026-03-01", 30, 400);
    const drifted = await logDay(dir, "2026-03-02", 31, 400, { shift: 2, flip: true });
    await labelDay(dir, "2026-03-02", healthy);
    await labelDay(dir, "2026-03-03", drifted);
    const run = await monitor(dir, "2026-03-06T00:00:00Z");
    expect(run.exitCode).toBe(1);
    const judged = new Map(run.result.judgements.map((j) => [j.window, j]));
    expect(judged.get("2026-03-01")?.verdict).toBe("pass");
    const breached = judged
      .get("2026-03-02")
      ?.outcomes.filter((o) => o.verdict === "fail")
      .map((o) => o.metric);
    expect(breached).toEqual(expect.arrayContaining(["drift_share", "accuracy"]));
    const text = await runCli(["monitor", "--now", "2026-03-06T00:00:00Z", "--recompute"], { cwd: dir });
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(/2026-03-02: drift_share/);
    expect(stackFrames(text.stdout + text.stderr)).toEqual([]);
  });

  it("measures drift as mlops validate does on the same rows", async () => {
    const dir = await monitorProject();
    const rows = await logDay(dir, "2026-03-01", 40, 500, { shift: 0.4 });
    const run = await monitor(dir, "2026-03-02T00:00:00Z");
    const drift = windowOf(run.result, "2026-03-01").drift;
    // The same rows as data.train of a project whose drift reference is the champion's profile.
    await copyFile(path.join(dir, ".mlops/out/profile-train.json"), path.join(dir, "reference.json"));
    await writeFile(
      path.join(dir, "data/train.csv"),
      `x1,x2,colour\n${rows.map((r) => `${r.x1},${r.x2},${r.colour}`).join("\n")}\n`,
    );
    const config = MONITOR_CONFIG.replace("reference: champion", "reference: reference.json").replace(
      '      label: { type: category, values: ["yes", "no"] }\n',
      "",
    );
    await writeFile(path.join(dir, "mlops.yml"), config);
    const validated = await runCli(["validate", "--json"], { cwd: dir });
    const validate = JSON.parse(validated.stdout) as {
      drift: { columns: { column: string; value: number; method: string }[] };
    };
    const pick = (columns: { column: string; value: number; method: string }[]) =>
      columns
        .map(({ column, value, method }) => ({ column, value, method }))
        .sort((a, b) => a.column.localeCompare(b.column));
    expect(pick(drift?.columns ?? [])).toEqual(pick(validate.drift.columns));
    expect(drift?.columns.length).toBe(3);
  });

  it("counts what it cannot use and says so: bad timestamps, future rows, gaps, unmatched labels, duplicate ids", async () => {
    const dir = await monitorProject();
    const day1 = await logDay(dir, "2026-03-01", 50, 300);
    await logDay(dir, "2026-03-03", 51, 300);
    const log = await readFile(path.join(dir, "logs/2026-03-01.csv"), "utf8");
    const lines = log.trimEnd().split("\n");
    lines.push(lines[1]?.replace(/^[^,]+/, "2026-03-01 10:00") ?? "");
    lines.push(lines[2]?.replace(/^[^,]+/, "2099-01-01T00:00:00Z") ?? "");
    lines.push(lines[3] ?? "");
    await writeFile(path.join(dir, "logs/2026-03-01.csv"), `${lines.join("\n")}\n`);
    await labelDay(dir, "2026-03-02", [...day1, { ...day1[0], id: "nobody" } as WorldRow]);
    // A score that is no probability: that window's estimate says why it is missing; the run goes on.
    const day3 = (await readFile(path.join(dir, "logs/2026-03-03.csv"), "utf8")).split("\n");
    day3[5] = (day3[5] ?? "").replace(/,([0-9.e-]+),(\d+)$/, ",1.7,$2");
    await writeFile(path.join(dir, "logs/2026-03-03.csv"), day3.join("\n"));
    const run = await monitor(dir, "2026-03-05T00:00:00Z");
    expect(run.result.skippedRows.unparseable.count).toBe(1);
    expect(run.result.skippedRows.unparseable.examples[0]?.reason).toMatch(/no UTC offset/);
    expect(run.result.skippedRows.future.count).toBe(1);
    expect(run.result.unmatchedLabels.count).toBe(1);
    expect(windowOf(run.result, "2026-03-01").metrics.duplicate_ids).toBe(1);
    expect(windowOf(run.result, "2026-03-03").estimatedNote).toBe(
      "1 row(s) have a score that is empty or not in [0, 1]",
    );
    expect(windowOf(run.result, "2026-03-03").metrics.estimated_accuracy).toBeUndefined();
    const gap = windowOf(run.result, "2026-03-02");
    expect(gap.rows).toBe(0);
    const judged = run.result.judgements.find((j) => j.window === "2026-03-02");
    expect(judged?.outcomes.find((o) => o.metric === "rows")?.verdict).toBe("fail");
    expect(run.exitCode).toBe(1);
    // The gap is on record: the next run neither computes it again nor appends it twice.
    const again = await monitor(dir, "2026-03-05T01:00:00Z");
    expect(again.result.windows).toEqual([]);
  });

  it("names the file and column a log lacks, and the alias that points nowhere", async () => {
    const dir = await monitorProject();
    await writeFiles(dir, { "logs/2026-03-01.csv": "ts,request_id,x1,x2,colour,score,latency_ms\n" });
    const missing = await runCli(["monitor"], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/logs\/2026-03-01\.csv has no "prediction" column \(monitor\.logs\.prediction\)/);
    expect(stackFrames(missing.stderr)).toEqual([]);
    const alias = await runCli(["monitor", "--alias", "staging"], { cwd: dir });
    expect(alias.exitCode).toBe(2);
    expect(alias.stderr).toMatch(/no version at alias "staging"/);
  });

  it("splits a backlog among matrix legs whose merge equals one run", async () => {
    const dir = await monitorProject();
    for (const [i, date] of ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"].entries()) {
      const rows = await logDay(dir, date, 60 + i, 200);
      await labelDay(dir, `2026-03-0${i + 2}`, rows);
    }
    // When day 4 has just ended: a later run would record the days since with 0 rows.
    const now = "2026-03-05T00:00:00Z";
    const legs = [];
    for (const shard of ["1/2", "2/2"]) {
      const leg = await monitor(dir, now, "--shard", shard);
      expect(leg.exitCode).toBe(0);
      expect(leg.result.verdict).toBe("skipped");
      legs.push(leg.result.windows.map((w) => w.window.key));
    }
    expect(legs).toEqual([
      ["2026-03-01", "2026-03-02"],
      ["2026-03-03", "2026-03-04"],
    ]);
    const merged = await monitor(dir, now, "--merge", ".mlops/out/monitor-shard-*.json");
    expect(merged.stderr).not.toMatch(/^\s*(warning|error)\b/im);
    expect(merged.exitCode).toBe(0);
    await rm(path.join(dir, "registry/scorer/monitor"), { recursive: true });
    const single = await monitor(dir, now);
    const figures = (result: MonitorResult) => result.windows.map((w) => [w.window.key, w.metrics]);
    expect(figures(merged.result)).toEqual(figures(single.result));
    const twice = await runCli(
      [
        "monitor",
        "--now",
        now,
        "--merge",
        ".mlops/out/monitor-shard-1-of-2.json",
        "--merge",
        ".mlops/out/monitor-shard-*.json",
      ],
      { cwd: dir },
    );
    expect(twice.stderr).toMatch(/leg 1 of 2 is given twice/);
    // A row logged in a file dated days from it would be computed by no leg, or by one without the rest of its window.
    await writeFiles(dir, { "logs/2026-03-05.csv": await readFile(path.join(dir, "logs/2026-03-01.csv"), "utf8") });
    const far = await runCli(["monitor", "--now", now, "--shard", "2/2"], { cwd: dir });
    expect(far.exitCode).toBe(2);
    expect(far.stderr).toMatch(
      /logs\/2026-03-05\.csv has rows in window 2026-03-01, more than a day from the date its path names/,
    );
    const missingLeg = await runCli(["monitor", "--now", now, "--merge", ".mlops/out/monitor-shard-1-of-2.json"], {
      cwd: dir,
    });
    expect(missingLeg.exitCode).toBe(2);
    expect(missingLeg.stderr).toMatch(/leg\(s\) 2 of 2 are missing/);
  });

  it("monitors a version stored without a profile or predictions, saying what is missing and which publish adds it", async () => {
    const dir = await monitorProject({ attachments: false });
    await logDay(dir, "2026-03-01", 70, 300);
    const run = await monitor(dir, "2026-03-02T00:00:00Z");
    expect(run.exitCode).toBe(0);
    expect(run.result.notes.join("\n")).toMatch(/without a training-data profile; a publish after `mlops validate`/);
    expect(run.result.notes.join("\n")).toMatch(/without its evaluation predictions; a publish after `mlops evaluate`/);
    const judged = run.result.judgements[0]?.outcomes.find((o) => o.metric === "drift_share");
    expect(judged?.verdict).toBe("skipped");
    expect(judged?.reason).toMatch(/no feature drift/);
  });

  it("reads JSON Lines logs, and refuses a label file whose path names no date", async () => {
    const dir = await monitorProject();
    const rows = await logDay(dir, "2026-03-01", 80, 300);
    const csv = await readFile(path.join(dir, "logs/2026-03-01.csv"), "utf8");
    const [header = "", ...lines] = csv.trimEnd().split("\n");
    const names = header.split(",");
    const jsonl = lines.map((line) => {
      const cells = line.split(",");
      return JSON.stringify(
        Object.fromEntries(
          names.map((n, i) => [n, /^(x1|x2|score|latency_ms)$/.test(n) ? Number(cells[i]) : cells[i]]),
        ),
      );
    });
    await rm(path.join(dir, "logs/2026-03-01.csv"));
    await writeFiles(dir, { "logs/2026-03-01.jsonl": `${jsonl.join("\n")}\n` });
    await writeFile(path.join(dir, "mlops.yml"), MONITOR_CONFIG.replace("path: logs/*.csv", "path: logs/*.jsonl"));
    await labelDay(dir, "2026-03-02", rows);
    const run = await monitor(dir, "2026-03-04T00:00:00Z");
    // Days 2 and 3 have ended without a row: the rows rule breaks on them, and only on them.
    expect(run.exitCode).toBe(1);
    expect(run.result.judgements.filter((j) => j.verdict === "fail").map((j) => j.window)).toEqual([
      "2026-03-02",
      "2026-03-03",
    ]);
    expect(windowOf(run.result, "2026-03-01")).toMatchObject({ rows: 300, labels: { joined: 300, complete: true } });
    await writeFiles(dir, { "labels/latest.csv": "request_id,label\n" });
    const undated = await runCli(["monitor", "--now", "2026-03-04T00:00:00Z"], { cwd: dir });
    expect(undated.exitCode).toBe(2);
    expect(undated.stderr).toMatch(/cannot tell when the labels in labels\/latest\.csv arrived/);
  });
});

describe("mlops monitor on logs in a bucket", () => {
  let s3: S3Server | undefined;
  beforeAll(async () => {
    s3 = await startS3Server(["logs"]);
  });
  afterAll(() => s3?.stop());

  it("reads s3:// logs and labels, and knows an object by its ETag on the next run", async () => {
    const server = s3 as S3Server;
    const dir = await monitorProject();
    const settings = { env: server.env, endpoint: server.endpoint, forcePathStyle: true };
    const bucket = await openObjectStore("s3://logs", dir, settings);
    for (const [i, date] of ["2026-03-01", "2026-03-02"].entries()) {
      const rows = await logDay(dir, date, 90 + i, 300);
      await labelDay(dir, `2026-03-0${i + 2}`, rows);
      await bucket.put(`predictions/${date}.csv`, await readFile(path.join(dir, `logs/${date}.csv`)));
      await bucket.put(`labels/2026-03-0${i + 2}.csv`, await readFile(path.join(dir, `labels/2026-03-0${i + 2}.csv`)));
    }
    await rm(path.join(dir, "logs"), { recursive: true });
    await rm(path.join(dir, "labels"), { recursive: true });
    await writeFile(
      path.join(dir, "mlops.yml"),
      MONITOR_CONFIG.replace("path: logs/*.csv", 'path: "s3://logs/predictions/*.csv"')
        .replace("path: labels/*.csv", 'path: "s3://logs/labels/*.csv"')
        .replace("registry: { uri: registry }", `registry: { uri: registry, endpoint: "${server.endpoint}" }`),
    );
    const run = await runCli(["monitor", "--json", "--now", "2026-03-05T00:00:00Z"], { cwd: dir, env: server.env });
    const result = JSON.parse(run.stdout) as MonitorResult;
    // Days 3 and 4 have ended without a row, and are recorded so (the rows rule breaks on them).
    expect(result.windows.map((w) => [w.window.key, w.rows, w.labels?.joined])).toEqual([
      ["2026-03-01", 300, 300],
      ["2026-03-02", 300, 300],
      ["2026-03-03", 0, undefined],
      ["2026-03-04", 0, undefined],
    ]);
    expect(result.judgements.filter((j) => j.verdict === "fail").map((j) => j.window)).toEqual([
      "2026-03-03",
      "2026-03-04",
    ]);
    expect(result.windows[0]?.sources[0]?.shown).toBe("s3://logs/predictions/2026-03-01.csv");
    const again = await runCli(["monitor", "--json", "--now", "2026-03-05T01:00:00Z"], { cwd: dir, env: server.env });
    expect((JSON.parse(again.stdout) as MonitorResult).windows).toEqual([]);
  });
});

describe("the monitoring issue", () => {
  let github: FakeGitHub | undefined;
  beforeAll(async () => {
    github = await startFakeGitHub();
  });
  afterAll(() => github?.stop());

  it("opens one issue on a breach, updates it while it lasts, and closes it when a later window is healthy", async () => {
    const server = github as FakeGitHub;
    // No labels (nor a realised rule): a window whose labels become complete is computed and judged again, and day 1
    // would still breach.
    const dir = await monitorProject({
      config: MONITOR_CONFIG.replace(/ {2}labels: .*\n/, "").replace(
        /( {4}- \{ metric: accuracy, min: 0\.6 \}\n)$/,
        "",
      ),
    });
    const env = {
      GITHUB_ACTIONS: "true",
      GITHUB_RUN_ID: "7",
      GITHUB_TOKEN: "ghs_monitor",
      GITHUB_REPOSITORY: "octo-org/ml-repo",
      GITHUB_API_URL: server.url,
    };
    const run = (now: string) => runCli(["monitor", "--json", "--now", now], { cwd: dir, env });
    await logDay(dir, "2026-03-01", 100, 400, { shift: 2 });
    const first = await run("2026-03-02T00:00:00Z");
    expect(first.exitCode).toBe(1);
    const mine = () =>
      server.issues.filter((issue) => issue.body.includes("<!-- mlops-kit:monitor:scorer:champion -->"));
    expect(mine()).toHaveLength(1);
    const [issue] = mine();
    expect(issue).toMatchObject({
      title: "Monitor breach: scorer@champion",
      state: "open",
      labels: ["mlops", "monitoring"],
    });
    expect(issue?.body).toContain("| 2026-03-01 | 400 |");
    expect(issue?.body).toContain("in [this run](https://github.com/octo-org/ml-repo/actions/runs/7)");
    expect((JSON.parse(first.stdout) as MonitorResult).alerts?.issue).toMatchObject({ done: { action: "opened" } });

    await logDay(dir, "2026-03-02", 101, 400, { shift: 2 });
    expect((await run("2026-03-03T00:00:00Z")).exitCode).toBe(1);
    expect(mine()).toHaveLength(1);
    expect(server.comments.filter((c) => c.issue === issue?.number).map((c) => c.body)).toEqual([
      expect.stringMatching(
        /^Breached again in https:\/\/github\.com\/octo-org\/ml-repo\/actions\/runs\/7:\n- 2026-03-02: drift_share/,
      ),
    ]);

    await logDay(dir, "2026-03-03", 102, 400);
    // Day 3 has ended: it is measured, breaks no rule, and the issue closes.
    const healthy = await run("2026-03-04T00:00:00Z");
    expect(healthy.exitCode).toBe(0);
    expect(mine()[0]).toMatchObject({ state: "closed", stateReason: "completed" });
    expect(server.comments.filter((c) => c.issue === issue?.number).at(-1)?.body).toBe(
      "Healthy again: window(s) 2026-03-03 broke no rule of severity error in https://github.com/octo-org/ml-repo/actions/runs/7. Closing.",
    );
    expect(server.problems()).toEqual([]);
  });

  it("runs the retraining workflow when a rule with action: retrain breaks, whose decision names the breach", async () => {
    const server = github as FakeGitHub;
    const config = `${MONITOR_CONFIG.replace(
      "    - { metric: drift_share, max: 0.3 }",
      "    - { metric: drift_share, max: 0.3, action: retrain }",
    )}retrain: { schedule: "17 3 * * 1", when: { drift: false } }\n`;
    const dir = await monitorProject({ config });
    const env = {
      GITHUB_ACTIONS: "true",
      GITHUB_RUN_ID: "8",
      GITHUB_REF: "refs/heads/main",
      GITHUB_TOKEN: "ghs_dispatch",
      GITHUB_REPOSITORY: "octo-org/ml-repo",
      GITHUB_API_URL: server.url,
    };
    await logDay(dir, "2026-03-01", 150, 400, { shift: 2 });
    const run = await runCli(["monitor", "--json", "--now", "2026-03-02T00:00:00Z"], { cwd: dir, env });
    expect(run.exitCode).toBe(1);
    expect(server.dispatches.map(({ workflow, ref }) => [workflow, ref])).toEqual([["mlops-retrain.yml", "main"]]);
    expect(String(server.dispatches[0]?.inputs.reason)).toMatch(
      /^monitor breach of scorer@champion \(v\S+\) on 2026-03-01: drift_share .* \(https:\/\/github\.com\/octo-org\/ml-repo\/actions\/runs\/8\)$/,
    );
    const reason = String(server.dispatches[0]?.inputs.reason);
    const decided = await runCli(["retrain", "decide", "--json", "--reason", reason], { cwd: dir });
    const decision = JSON.parse(decided.stdout) as { shouldRetrain: boolean; reasons: string[] };
    expect(decision.shouldRetrain).toBe(true);
    expect(decision.reasons[0]).toBe(`asked for: ${reason}`);

    // A token that may not run workflows: the verdict stands, and the message names the permission to add.
    server.tokens.ghs_readonly = "read-only";
    const refused = await runCli(["monitor", "--json", "--now", "2026-03-02T00:00:00Z", "--recompute"], {
      cwd: dir,
      env: { ...env, GITHUB_TOKEN: "ghs_readonly" },
    });
    expect(refused.exitCode).toBe(1);
    const alerts = (JSON.parse(refused.stdout) as MonitorResult).alerts;
    expect("failed" in (alerts?.retrain ?? {}) ? (alerts?.retrain as { failed: string }).failed : "").toMatch(
      /the token lacks `actions: write`; add `actions: write` under `permissions:`/,
    );
    expect("failed" in (alerts?.issue ?? {}) ? (alerts?.issue as { failed: string }).failed : "").toMatch(
      /the token lacks `issues: write`/,
    );
    expect(server.dispatches).toHaveLength(1);
  });

  it("closes the copies two racing runs opened, keeping the oldest", async () => {
    const server = github as FakeGitHub;
    const client = createGitHub({
      token: "ghs_monitor",
      repository: "octo-org/ml-repo",
      baseUrl: server.url,
      logger: createRecordingLogger(),
    });
    const spec = {
      marker: "<!-- mlops-kit:monitor:race:champion -->",
      title: "Monitor breach: race@champion",
      labels: ["mlops"],
      assignees: [],
    };
    const state = { open: { body: "breach", comment: "again" } };
    const outcomes = await Promise.all([keepOneIssue(client, spec, state), keepOneIssue(client, spec, state)]);
    const open = server.issues.filter((i) => i.body.includes(spec.marker) && i.state === "open");
    expect(open).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o?.number))).toEqual(new Set([open[0]?.number]));
    expect(server.problems()).toEqual([]);
  });
});

describe("rows logged after the run's time", () => {
  it("are read on the next run once their time has come, from a file the run had already seen", async () => {
    const dir = await monitorProject();
    await logDay(dir, "2026-03-01", 110, 400);
    // At noon half the day's rows are still ahead (a run before the day's end, or a serving clock ahead), and the
    // window has not ended: it waits, with its rows so far, for the first run after its end.
    const noon = await monitor(dir, "2026-03-01T12:00:00Z");
    expect(noon.result.skippedRows.future.count).toBe(200);
    expect(noon.result.windows).toEqual([]);
    expect(noon.result.notes).toContain(
      "200 row(s) of window 2026-03-01, open until 2026-03-02T00:00:00.000Z, wait for the first run after it ends: a window is measured and judged only once it has ended",
    );
    const evening = await monitor(dir, "2026-03-02T00:00:00Z");
    expect(windowOf(evening.result, "2026-03-01").rows).toBe(400);
    expect(evening.result.skippedRows.future.count).toBe(0);
    expect((await monitor(dir, "2026-03-02T01:00:00Z")).result.windows).toEqual([]);
  });
});

describe("the monitor's webhook", () => {
  it("posts a breach to the URL in the named variable, and a webhook that refuses never changes the verdict", async () => {
    const dir = await monitorProject({
      config: `${MONITOR_CONFIG}  alerts:\n    webhook: { url_env: CHAT_HOOK, budget_seconds: 5 }\n`,
    });
    await logDay(dir, "2026-03-01", 120, 400, { shift: 2 });
    const receiver = await startWebhookReceiver([{ status: 200 }]);
    try {
      const posted = await runCli(["monitor", "--json", "--now", "2026-03-02T00:00:00Z"], {
        cwd: dir,
        env: { CHAT_HOOK: receiver.url },
      });
      expect(posted.exitCode).toBe(1);
      expect((JSON.parse(posted.stdout) as MonitorResult).alerts?.webhook).toMatchObject({ outcome: "delivered" });
      const body = JSON.parse(receiver.requests[0]?.body ?? "{}") as { text: string; blocks: unknown[] };
      expect(body.text).toMatch(/^scorer@champion: 1 of 1 windows? breached/);
      expect(body.blocks.length).toBeGreaterThan(1);
    } finally {
      await receiver.stop();
    }
    const refusing = await startWebhookReceiver([{ status: 400 }]);
    try {
      const refused = await runCli(["monitor", "--json", "--now", "2026-03-02T00:00:00Z", "--recompute"], {
        cwd: dir,
        env: { CHAT_HOOK: refusing.url },
      });
      expect(refused.exitCode).toBe(1);
      expect((JSON.parse(refused.stdout) as MonitorResult).alerts?.webhook).toMatchObject({
        outcome: "failed",
        status: 400,
      });
      expect(refused.stderr).toMatch(/webhook: /);
      expect(refused.stdout + refused.stderr).not.toContain(refusing.secret);
    } finally {
      await refusing.stop();
    }
    const unset = await runCli(["monitor", "--json", "--now", "2026-03-02T00:00:00Z", "--recompute"], { cwd: dir });
    expect((JSON.parse(unset.stdout) as MonitorResult).alerts?.webhook).toMatchObject({
      outcome: "skipped",
      reason: "not-configured",
    });
  });
});

describe("retraining on a monitor breach", () => {
  it("retrain decide calls for retraining when a window of the champion breached, and says which", async () => {
    const dir = await monitorProject({
      config: `${MONITOR_CONFIG}retrain:\n  schedule: "17 3 * * 1"\n  when: { drift: false, new_data: false, monitor: true }\n`,
    });
    await logDay(dir, "2026-03-01", 130, 400);
    expect((await monitor(dir, "2026-03-02T00:00:00Z")).exitCode).toBe(0);
    const calm = await runCli(["retrain", "decide", "--json"], { cwd: dir });
    expect(calm.exitCode).toBe(0);
    const quiet = JSON.parse(calm.stdout) as { shouldRetrain: boolean; checks: { monitor: { detail: string } } };
    expect(quiet.shouldRetrain).toBe(false);
    expect(quiet.checks.monitor.detail).toMatch(
      /^the monitor finds v\S+ healthy in its newest window \(1 judged, 0 breached before\)$/,
    );

    await logDay(dir, "2026-03-02", 131, 400, { shift: 2 });
    expect((await monitor(dir, "2026-03-03T00:00:00Z")).exitCode).toBe(1);
    const decided = await runCli(["retrain", "decide", "--json"], { cwd: dir });
    const decision = JSON.parse(decided.stdout) as { shouldRetrain: boolean; reasons: string[] };
    expect(decision.shouldRetrain).toBe(true);
    expect(decision.reasons).toEqual([
      expect.stringMatching(
        /^the monitor found a breach of v\S+ in 1 window\(s\), the latest 2026-03-02: drift_share /,
      ),
    ]);
  });
});

describePushgateway("the monitor's figures in Prometheus", (gateway) => {
  it("pushes each computed window to the Pushgateway and writes the textfile, the verdict standing either way", async () => {
    const dir = await monitorProject({
      config: `${MONITOR_CONFIG}  alerts:\n    prometheus: { pushgateway: "${gateway().url}", textfile: metrics/mlops.prom, retry_seconds: 0 }\n`,
    });
    await logDay(dir, "2026-03-01", 140, 400);
    await logDay(dir, "2026-03-02", 141, 400, { shift: 2 });
    await mkdir(path.join(dir, "metrics"));
    const run = await monitor(dir, "2026-03-03T00:00:00Z");
    expect(run.exitCode).toBe(1);
    expect(run.result.alerts?.prometheus).toMatchObject({
      ok: true,
      lines: [
        expect.stringMatching(/^Pushgateway http:\/\/127\.0\.0\.1:\d+: pushed 2 of 2 windows/),
        expect.stringMatching(/mlops\.prom: wrote window 2026-03-02$/),
      ],
    });
    const scraped = await gateway().scrape();
    for (const key of ["2026-03-01", "2026-03-02"]) {
      expect(scraped).toMatch(new RegExp(`mlops_monitor_rows\\{[^}]*window="${key}"[^}]*\\} 400`));
    }
    expect(scraped).toMatch(/mlops_monitor_breached\{[^}]*window="2026-03-02"[^}]*\} 1/);
    const textfile = await readFile(path.join(dir, "metrics/mlops.prom"), "utf8");
    expect(textfile).toMatch(/mlops_monitor_drift_share\{[^}]*window="2026-03-02"[^}]*\} 0\.33/);
  });
});
