import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops canary` judged by a metrics command (the shape of a Prometheus query): before the bake it judges nothing; a
 * canary whose figures break a rule is rolled back (the previous version deployed again, the move recorded as a
 * rollback with why); a good one is promoted to production; no figures at all is a failure, never a pass.
 */

const DEPLOY = `
const fs = require("node:fs");
fs.appendFileSync("deployed.log", process.env.MLOPS_TARGET + " " + process.env.MLOPS_VERSION + "\\n");
`;
// Prints the figures the test left in figures.json (or nothing, when it is absent).
const METRICS = `
const fs = require("node:fs");
if (fs.existsSync("figures.json")) process.stdout.write(fs.readFileSync("figures.json", "utf8"));
fs.appendFileSync("judged.log", process.env.MLOPS_VERSION + " since " + process.env.MLOPS_SINCE + "\\n");
`;

const CONFIG = `version: 1
model: { name: churn }
evaluate: { metrics_file: metrics.json }
gate:
  rules:
    - { metric: score, min: 0.5, direction: higher }
publish: { files: [model/], promote: false }
deploy:
  targets:
    canary: { alias: canary, command: node deploy.cjs }
    production: { alias: champion, command: node deploy.cjs }
  canary:
    target: canary
    promote_to: production
    bake: 1h
    command: node metrics.cjs
    rules:
      - { metric: error_rate, max: 0.05 }
      - { metric: latency_p95, max: 250, direction: lower }
`;

const json = <T>(text: string): T => JSON.parse(text) as T;
const hoursFromNow = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString();

async function publish(dir: string, weights: string): Promise<string> {
  await writeFile(path.join(dir, "model/weights.bin"), weights);
  expect((await runCli(["evaluate"], { cwd: dir })).exitCode).toBe(0);
  expect((await runCli(["gate"], { cwd: dir })).exitCode).toBe(0);
  return json<{ version: string }>((await runCli(["publish", "--json"], { cwd: dir })).stdout).version;
}

interface Judged {
  verdict: string;
  version: string;
  reasons: string[];
  rollback: { version: string; kind: string; verdict: string } | { failed: string } | null;
  promotion: { version: string; alias: string; verdict: string } | null;
}

async function judge(dir: string, args: string[] = []): Promise<{ exitCode: number; result: Judged }> {
  const judged = await runCli(["canary", "--json", "--now", hoursFromNow(2), ...args], { cwd: dir });
  return { exitCode: judged.exitCode, result: json<Judged>(judged.stdout) };
}

describe("mlops canary, judged by a metrics command", () => {
  it("waits out the bake, rolls a bad canary back, and promotes a good one", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "mlops.yml": CONFIG,
      "deploy.cjs": DEPLOY,
      "metrics.cjs": METRICS,
      "metrics.json": JSON.stringify({ score: 0.9 }),
      "model/weights.bin": "w1",
    });
    const v1 = await publish(dir, "w1");
    const v2 = await publish(dir, "w2");
    expect((await runCli(["deploy", "canary", "--version", v1], { cwd: dir })).exitCode).toBe(0);
    expect((await runCli(["deploy", "canary", "--version", v2], { cwd: dir })).exitCode).toBe(0);

    // Within the bake: nothing is judged, nothing is wrong yet.
    const early = await runCli(["canary", "--json"], { cwd: dir });
    expect(early.exitCode).toBe(0);
    expect(json<Judged>(early.stdout)).toMatchObject({ verdict: "baking", version: v2 });

    await writeFile(path.join(dir, "figures.json"), JSON.stringify({ error_rate: 0.2, latency_p95: 120 }));
    const bad = await judge(dir);
    expect(bad.exitCode).toBe(1);
    expect(bad.result).toMatchObject({ verdict: "fail", version: v2, promotion: null });
    expect(bad.result.reasons).toEqual([expect.stringMatching(/^error_rate: /)]);
    expect(bad.result.rollback).toMatchObject({ version: v1, kind: "rollback", verdict: "pass" });
    const history = json<{ events: { alias: string; to: string; kind: string; reason: string }[] }>(
      (await runCli(["models", "history", "--json"], { cwd: dir })).stdout,
    ).events.filter((e) => e.alias === "canary");
    expect(history.map((e) => [e.to, e.kind])).toEqual([
      [v1, "promote"],
      [v2, "promote"],
      [v1, "rollback"],
    ]);
    expect(history[2]?.reason).toMatch(new RegExp(`^the canary ${v2} failed on canary: error_rate: `));
    // A rolled-back canary is not judged again.
    const again = await runCli(["canary", "--now", hoursFromNow(3)], { cwd: dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain(`the canary canary was rolled back to ${v1}`);

    const v3 = await publish(dir, "w3");
    expect((await runCli(["deploy", "canary", "--version", v3], { cwd: dir })).exitCode).toBe(0);
    await writeFile(path.join(dir, "figures.json"), JSON.stringify({ error_rate: 0.01, latency_p95: 180 }));
    const good = await judge(dir, ["--promote"]);
    expect(good.exitCode).toBe(0);
    expect(good.result).toMatchObject({
      verdict: "pass",
      version: v3,
      rollback: null,
      promotion: { version: v3, alias: "champion", verdict: "pass" },
    });
    expect(await readFile(path.join(dir, "deployed.log"), "utf8")).toBe(
      `canary ${v1}\ncanary ${v2}\ncanary ${v1}\ncanary ${v3}\nproduction ${v3}\n`,
    );
  });

  it("fails a canary with no figures, or a figure missing, and says when there is nothing to roll back to", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "mlops.yml": CONFIG,
      "deploy.cjs": DEPLOY,
      "metrics.cjs": METRICS,
      "metrics.json": JSON.stringify({ score: 0.9 }),
      "model/weights.bin": "w1",
    });
    const v1 = await publish(dir, "w1");
    expect((await runCli(["deploy", "canary", "--version", v1], { cwd: dir })).exitCode).toBe(0);
    const silent = await judge(dir);
    expect(silent.exitCode).toBe(1);
    expect(silent.result.reasons).toEqual([
      "the canary's metrics command did not print a JSON object (its output ends: )",
    ]);
    expect(silent.result.rollback).toEqual({
      failed: `canary of churn has nothing to roll back to: it has only ever stood on ${v1}`,
    });

    const v2 = await publish(dir, "w2");
    expect((await runCli(["deploy", "canary", "--version", v2], { cwd: dir })).exitCode).toBe(0);
    await writeFile(path.join(dir, "figures.json"), JSON.stringify({ error_rate: 0.01 }));
    const partial = await judge(dir);
    expect(partial.exitCode).toBe(1);
    expect(partial.result.reasons).toEqual(['latency_p95: no figure "latency_p95" was measured']);
  });
});
