import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shadowComparison } from "../../src/deploy/shadow.ts";
import { InputError } from "../../src/errors.ts";
import { Random } from "../../src/gate/significance/random.ts";
import { openObjectStore } from "../../src/store/open.ts";
import { configOf } from "../helpers/config.ts";
import { type S3Server, startS3Server } from "../helpers/s3-server.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The canary's paired comparison with the champion (src/deploy/shadow.ts) on canary logs written here: each row holds
 * the canary's prediction and the champion's shadow prediction of one request; labels arrive in files by date. The
 * data are drawn with the gate's seeded generator, and every expected figure is counted from the rows written.
 */

const SINCE = new Date("2026-03-28T10:00:00Z");
const UNTIL = new Date("2026-03-28T12:00:00Z");

const CONFIG = `version: 1
model: { name: demo }
train: { command: node train.mjs, outputs: [model/] }
publish: { promote: false }
monitor:
  logs: { path: logs/monitor/*.csv, id: request_id, score: score }
  labels: { path: "labels/*.csv", id: request_id, label: truth }
deploy:
  targets:
    canary: { alias: canary, command: "true" }
    production: { alias: champion, command: "true" }
  canary:
    target: canary
    promote_to: production
    bake: 2h
    logs: logs/canary/*.csv
    shadow: { prediction: champion_prediction, score: champion_score }
    rules:
      - { metric: rows, min: 10 }
      - { metric: accuracy, max_regression: 0.02, significance: 0.95 }
`;

interface Request {
  at: string;
  id: string;
  truth: "yes" | "no";
  canary: "yes" | "no";
  champion: "yes" | "no";
}

const flip = (label: "yes" | "no"): "yes" | "no" => (label === "yes" ? "no" : "yes");

/**
 * `count` requests 10 s apart from `start`: the champion is right with probability 0.85; the canary answers as the
 * champion, except that it gets wrong a share `lost` of the requests the champion got right, and right a share
 * `gained` of those it got wrong.
 */
function requests(
  seed: number,
  count: number,
  start: Date,
  options: { lost: number; gained: number; prefix?: string },
): Request[] {
  const random = new Random(seed);
  const uniform = (): number => (random.nextUint32() + 0.5) / 4294967296;
  return Array.from({ length: count }, (_, i) => {
    const truth = uniform() < 0.4 ? "yes" : "no";
    const champion = uniform() < 0.85 ? truth : flip(truth);
    const u = uniform();
    const canary =
      champion === truth ? (u < options.lost ? flip(truth) : truth) : u < options.gained ? truth : champion;
    return {
      at: new Date(start.getTime() + i * 10_000).toISOString().replace(".000Z", "Z"),
      id: `${options.prefix ?? "r"}${i}`,
      truth,
      canary,
      champion,
    };
  });
}

function logCsv(rows: readonly Request[], withShadow = true): string {
  const header = ["timestamp", "request_id", "prediction", "score", ...(withShadow ? ["champion_prediction"] : [])];
  const lines = rows.map((r) =>
    [r.at, r.id, r.canary, r.canary === "yes" ? "0.8" : "0.2", ...(withShadow ? [r.champion] : [])].join(","),
  );
  // The champion's score column beside its prediction, as the config names it.
  if (!withShadow) return [header.join(","), ...lines].join("\n") + "\n";
  return (
    [
      [...header, "champion_score"].join(","),
      ...lines.map((line, i) => `${line},${rows[i]?.champion === "yes" ? "0.7" : "0.3"}`),
    ].join("\n") + "\n"
  );
}

function labelCsv(rows: readonly Request[]): string {
  return ["request_id,truth", ...rows.map((r) => `${r.id},${r.truth}`)].join("\n") + "\n";
}

const accuracy = (rows: readonly Request[], who: "canary" | "champion"): number =>
  rows.filter((r) => r[who] === r.truth).length / rows.length;

async function project(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, { "mlops.yml": CONFIG, ...files });
  return dir;
}

async function compare(dir: string, config = CONFIG, env: NodeJS.ProcessEnv = {}) {
  return shadowComparison({ config: configOf(config, dir), root: dir, since: SINCE, until: UNTIL, env });
}

/** The one change rule's outcome (the rows rule is a value rule, judged on the monitor's windows). */
function changeOutcome(result: Awaited<ReturnType<typeof compare>>) {
  expect(result.outcomes.map((o) => [o.rule, o.kind])).toEqual([[1, "change"]]);
  return result.outcomes[0];
}

describe("the canary's paired comparison with the champion's shadow predictions", () => {
  it("fails a canary clearly worse than the champion on accuracy, with the bootstrap interval past the tolerance", async () => {
    const served = requests(1, 400, SINCE, { lost: 0.2, gained: 0.05 });
    const dir = await project({
      "logs/canary/part-1.csv": logCsv(served),
      "labels/2026-03-28.csv": labelCsv(served),
    });
    const result = await compare(dir);
    expect(result.rows).toBe(400);
    expect(result.labelled).toBe(400);
    expect(result.candidate.accuracy).toBeCloseTo(accuracy(served, "canary"), 12);
    expect(result.champion.accuracy).toBeCloseTo(accuracy(served, "champion"), 12);
    expect(result.pairing).toMatch(/^paired by request id/);
    const outcome = changeOutcome(result);
    expect(outcome?.verdict).toBe("fail");
    expect(outcome?.delta).toBeCloseTo(accuracy(served, "canary") - accuracy(served, "champion"), 12);
    const significance = outcome?.significance;
    expect(significance?.status).toBe("applied");
    if (significance?.status !== "applied" || significance.test !== "bootstrap") throw new Error("no bootstrap");
    expect(significance.high).toBeLessThan(-0.02);
    expect(significance.low).toBeLessThanOrEqual(outcome?.delta ?? 0);
    expect(outcome?.reason).toMatch(/the regression is real/);
    expect(outcome?.requirement).toBe("regression <= 0.02 (bootstrap, 95%)");
  });

  it("passes a canary that answers every request as the champion does", async () => {
    const served = requests(2, 300, SINCE, { lost: 0, gained: 0 });
    const dir = await project({
      "logs/canary/part-1.csv": logCsv(served),
      "labels/2026-03-28.csv": labelCsv(served),
    });
    const result = await compare(dir);
    const outcome = changeOutcome(result);
    expect(result.candidate.accuracy).toBe(result.champion.accuracy);
    expect(outcome?.verdict).toBe("pass");
    expect(outcome?.delta).toBe(0);
    expect(outcome?.significance).toMatchObject({ status: "applied", low: 0, high: 0 });
  });

  it("passes a small regression past the tolerance whose interval reaches within it: not significant", async () => {
    const served = requests(3, 120, SINCE, { lost: 0.04, gained: 0.02 });
    const dir = await project({
      "logs/canary/part-1.csv": logCsv(served),
      "labels/2026-03-28.csv": labelCsv(served),
    });
    const result = await compare(dir);
    const delta = accuracy(served, "canary") - accuracy(served, "champion");
    // The point estimate alone breaks the rule; the paired test says the data cannot tell.
    expect(delta).toBeLessThan(-0.02);
    const outcome = changeOutcome(result);
    expect(outcome?.verdict).toBe("pass");
    expect(outcome?.reason).toMatch(/not a significant regression/);
    if (outcome?.significance?.status !== "applied" || outcome.significance.test !== "bootstrap")
      throw new Error("no bootstrap");
    expect(outcome.significance.high).toBeGreaterThanOrEqual(-0.02);
  });

  it("reads only the requests of the bake period and the labels that had arrived by its end", async () => {
    const before = requests(4, 30, new Date(SINCE.getTime() - 30 * 10_000), { lost: 1, gained: 0, prefix: "b" });
    const during = requests(5, 200, SINCE, { lost: 0.05, gained: 0.05 });
    // From the end of the period on (its end excluded): a canary that is always wrong, which must not count.
    const after = requests(6, 30, UNTIL, { lost: 1, gained: 0, prefix: "a" });
    const early = during.slice(0, 120);
    const late = during.slice(120);
    const dir = await project({
      "logs/canary/part-1.csv": logCsv([...before, ...during.slice(0, 100)]),
      "logs/canary/part-2.csv": logCsv([...during.slice(100), ...after]),
      "labels/2026-03-28.csv": labelCsv([...before, ...early, ...after]),
      // Labels of the rest arrive the next day, after the bake ended.
      "labels/2026-03-29.csv": labelCsv(late),
    });
    const result = await compare(dir);
    expect(result.rows).toBe(during.length);
    expect(result.labelled).toBe(early.length);
    expect(result.candidate.accuracy).toBeCloseTo(accuracy(early, "canary"), 12);
    expect(result.champion.accuracy).toBeCloseTo(accuracy(early, "champion"), 12);
  });

  it("leaves out, and says so, a request the champion did not answer, an id logged twice and an unreadable time", async () => {
    const served = requests(12, 100, SINCE, { lost: 0.1, gained: 0.05 });
    const lines = logCsv(served).trimEnd().split("\n");
    // r7: the champion's shadow call left its columns empty.
    lines[8] = lines[8]?.replace(/,(yes|no),(0\.7|0\.3)$/, ",,") ?? "";
    lines.push("2026-03-28T11:30:00Z,r5,yes,0.8,yes,0.7", "28/03/2026 10:30,r200,yes,0.8,yes,0.7");
    const dir = await project({
      "logs/canary/part-1.csv": `${lines.join("\n")}\n`,
      "labels/2026-03-28.csv": labelCsv(served),
    });
    const result = await compare(dir);
    const kept = served.filter((r) => r.id !== "r7");
    expect(result).toMatchObject({ rows: 101, labelled: 99 });
    expect(result.candidate.accuracy).toBeCloseTo(accuracy(kept, "canary"), 12);
    expect(result.champion.accuracy).toBeCloseTo(accuracy(kept, "champion"), 12);
    expect(result.notes).toEqual([
      "1 log row(s) have a timestamp that cannot be read, so they are left out (logs/canary/part-1.csv row 102: it is neither ISO 8601 (2026-03-28T23:30:00Z) nor a number)",
      "1 request id(s) were logged again in the period: the first row of each is kept",
      "1 labelled request(s) lack the canary's or the champion's prediction, so they are left out of both",
    ]);
  });

  it("fails every change rule, never passes, when no request of the bake period is labelled", async () => {
    const served = requests(7, 100, SINCE, { lost: 0, gained: 0 });
    const dir = await project({
      "logs/canary/part-1.csv": logCsv(served),
      // Only labels of other requests have arrived.
      "labels/2026-03-28.csv": labelCsv(requests(8, 50, SINCE, { lost: 0, gained: 0, prefix: "other" })),
    });
    const result = await compare(dir);
    expect(result).toMatchObject({ rows: 100, labelled: 0, candidate: {}, champion: {} });
    expect(changeOutcome(result)).toMatchObject({
      verdict: "fail",
      reason: "no labelled requests of the canary since 2026-03-28T10:00:00.000Z: nothing to compare",
      requirement: "regression <= 0.02 (bootstrap, 95%)",
    });
  });

  it("refuses a canary log without the shadow column, naming the file and the column", async () => {
    const served = requests(9, 50, SINCE, { lost: 0, gained: 0 });
    const dir = await project({
      "logs/canary/part-1.csv": logCsv(served),
      "logs/canary/part-2.csv": logCsv(served, false),
      "labels/2026-03-28.csv": labelCsv(served),
    });
    const error = await compare(dir).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'logs/canary/part-2.csv has no "champion_prediction" column (deploy.canary.shadow.prediction)',
    );
    expect((error as InputError).hint).toMatch(/^its columns are: timestamp, request_id, prediction, score;/);
  });
});

describe("the paired comparison of a regression model", () => {
  it("compares the canary's and the champion's errors on the same requests, lower being better", async () => {
    const random = new Random(13);
    const uniform = (): number => (random.nextUint32() + 0.5) / 4294967296;
    const rows = Array.from({ length: 150 }, (_, i) => {
      const truth = 10 + 5 * uniform();
      const champion = truth + (uniform() - 0.5);
      return {
        at: new Date(SINCE.getTime() + i * 10_000).toISOString(),
        id: `r${i}`,
        truth,
        champion,
        canary: champion + 0.4,
      };
    });
    const config = CONFIG.replace("model: { name: demo }", "model: { name: demo, task: regression }")
      .replace(
        "logs: { path: logs/monitor/*.csv, id: request_id, score: score }",
        "logs: { path: logs/monitor/*.csv, id: request_id }",
      )
      .replace(
        "shadow: { prediction: champion_prediction, score: champion_score }",
        "shadow: { prediction: champion_prediction }",
      )
      .replace(
        "{ metric: accuracy, max_regression: 0.02, significance: 0.95 }",
        "{ metric: mae, max_regression: 0.1 }",
      );
    const dir = await project({
      "logs/canary/part-1.csv": [
        "timestamp,request_id,prediction,champion_prediction",
        ...rows.map((r) => `${r.at},${r.id},${r.canary},${r.champion}`),
      ].join("\n"),
      "labels/2026-03-28.csv": ["request_id,truth", ...rows.map((r) => `${r.id},${r.truth}`)].join("\n"),
    });
    const result = await compare(dir, config);
    const mae = (who: "canary" | "champion"): number =>
      rows.reduce((sum, r) => sum + Math.abs(r[who] - r.truth), 0) / rows.length;
    expect(result.candidate.mae).toBeCloseTo(mae("canary"), 12);
    expect(result.champion.mae).toBeCloseTo(mae("champion"), 12);
    expect(mae("canary") - mae("champion")).toBeGreaterThan(0.1);
    expect(changeOutcome(result)).toMatchObject({ verdict: "fail", direction: "lower", significance: null });
  });
});

describe("the paired comparison on logs and labels in a bucket", () => {
  let s3: S3Server | undefined;
  beforeAll(async () => {
    s3 = await startS3Server(["serving"]);
  });
  afterAll(() => s3?.stop());

  it("reads s3:// canary logs and label files through the project's S3 settings", async () => {
    const server = s3 as S3Server;
    const served = requests(10, 200, SINCE, { lost: 0.2, gained: 0.05 });
    const later = requests(11, 20, SINCE, { lost: 0, gained: 0, prefix: "late" });
    const bucket = await openObjectStore("s3://serving", await tempDir(), {
      env: server.env,
      endpoint: server.endpoint,
      forcePathStyle: true,
    });
    await bucket.put("canary/part-1.csv", Buffer.from(logCsv([...served, ...later])));
    await bucket.put("labels/2026-03-28.csv", Buffer.from(labelCsv(served)));
    await bucket.put("labels/2026-03-29.csv", Buffer.from(labelCsv(later)));
    const config = CONFIG.replace("logs: logs/canary/*.csv", 'logs: "s3://serving/canary/*.csv"')
      .replace('path: "labels/*.csv"', 'path: "s3://serving/labels/*.csv"')
      .replace(
        "publish:",
        `registry: { uri: registry, endpoint: "${server.endpoint}", force_path_style: true }\npublish:`,
      );
    const dir = await project({});
    const result = await compare(dir, config, server.env);
    expect(result).toMatchObject({ rows: served.length + later.length, labelled: served.length });
    expect(result.candidate.accuracy).toBeCloseTo(accuracy(served, "canary"), 12);
    expect(changeOutcome(result)?.verdict).toBe("fail");
  });
});
