import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops deploy <target>` on a project with a local registry (no GitHub): the version's files reach the deploy
 * command verified, with its identity in the environment; the alias moves only when the command succeeded, and the
 * alias history records the delivery.
 */

// The deploy command: checks what it was given, records it, and says where the version answers.
const DEPLOY_SCRIPT = `
const fs = require("node:fs");
const path = require("node:path");
const e = process.env;
const manifest = JSON.parse(fs.readFileSync(e.MLOPS_MANIFEST, "utf8"));
const weights = fs.readFileSync(path.join(e.MLOPS_MODEL_DIR, "model/weights.bin"), "utf8");
if (process.argv[2] === "fail") { console.error("Error: the endpoint refused the model"); process.exit(3); }
fs.appendFileSync("deployed.log", [e.MLOPS_MODEL, e.MLOPS_VERSION, e.MLOPS_ALIAS, e.MLOPS_TARGET, e.MLOPS_ENVIRONMENT, manifest.version, weights].join(" ") + "\\n");
console.log("environment_url=https://models.example.com/" + e.MLOPS_TARGET + "/" + e.MLOPS_VERSION);
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
    staging: { alias: staging, command: node deploy.cjs }
    production: { alias: champion, environment: prod, command: node deploy.cjs TARGET_ARG }
    broken: { alias: broken, command: node deploy.cjs fail }
    slow: { alias: slow, command: "sleep 30", timeout_minutes: 0.005 }
`;

const json = <T>(text: string): T => JSON.parse(text) as T;

async function project(config = CONFIG): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, {
    "mlops.yml": config.replace("TARGET_ARG", "ok"),
    "deploy.cjs": DEPLOY_SCRIPT,
    "model/weights.bin": "w1",
  });
  return dir;
}

async function publish(dir: string, weights: string, verdict: "pass" | "fail"): Promise<string> {
  await writeFile(path.join(dir, "model/weights.bin"), weights);
  await writeFile(path.join(dir, "metrics.json"), JSON.stringify({ score: verdict === "pass" ? 0.9 : 0.1 }));
  expect((await runCli(["evaluate"], { cwd: dir })).exitCode).toBe(0);
  await runCli(["gate"], { cwd: dir });
  const published = await runCli(["publish", "--json"], { cwd: dir });
  expect(published.exitCode, published.stderr).toBe(0);
  return json<{ version: string }>(published.stdout).version;
}

interface Deployed {
  verdict: string;
  version: string;
  alias: string;
  moved: boolean;
  from: string | null;
  failure: string | null;
  approvedBy: string;
  environmentUrl: string | null;
  deployment: unknown;
}

describe("mlops deploy", () => {
  it("deploys a version to a target, moves its alias with the delivery recorded, and redeploys", async () => {
    const dir = await project();
    const v1 = await publish(dir, "w1", "pass");
    const v2 = await publish(dir, "w2", "pass");

    const first = await runCli(["deploy", "production", "--version", "1", "--json"], { cwd: dir });
    expect(first.exitCode, first.stderr).toBe(0);
    expect(json<Deployed>(first.stdout)).toMatchObject({
      verdict: "pass",
      version: v1,
      alias: "champion",
      moved: true,
      from: null,
      approvedBy: "none",
      environmentUrl: `https://models.example.com/production/${v1}`,
      deployment: null,
    });
    // By the alias it serves, the same target.
    const second = await runCli(["deploy", "champion", "--version", v2, "--reason", "better recall", "--json"], {
      cwd: dir,
    });
    expect(json<Deployed>(second.stdout)).toMatchObject({ verdict: "pass", version: v2, from: v1, moved: true });
    expect(await readFile(path.join(dir, "deployed.log"), "utf8")).toBe(
      `churn ${v1} champion production prod ${v1} w1\nchurn ${v2} champion production prod ${v2} w2\n`,
    );
    // A redeploy of the alias's own version runs the command again and moves nothing.
    const again = await runCli(["deploy", "production", "--json"], { cwd: dir });
    expect(json<Deployed>(again.stdout)).toMatchObject({ verdict: "pass", version: v2, moved: false });

    const history = json<{ events: { alias: string; to: string; reason: string; delivery?: unknown }[] }>(
      (await runCli(["models", "history", "--json"], { cwd: dir })).stdout,
    ).events.filter((move) => move.alias === "champion");
    expect(history.map((move) => move.to)).toEqual([v1, v2]);
    expect(history[1]).toMatchObject({
      reason: "better recall",
      delivery: {
        target: "production",
        environment: "prod",
        approvedBy: "none",
        approvals: [],
        deployment: null,
        environmentUrl: `https://models.example.com/production/${v2}`,
      },
    });
  });

  it("leaves the alias where it was when the deploy command fails or times out", async () => {
    const dir = await project();
    const v1 = await publish(dir, "w1", "pass");
    const failed = await runCli(["deploy", "broken", "--version", v1, "--json"], { cwd: dir });
    expect(failed.exitCode).toBe(1);
    const result = json<Deployed>(failed.stdout);
    expect(result).toMatchObject({ verdict: "fail", moved: false });
    expect(result.failure).toContain("failed with exit code 3");
    expect(result.failure).toContain("Error: the endpoint refused the model");

    const slow = await runCli(["deploy", "slow", "--version", v1, "--json"], { cwd: dir });
    expect(slow.exitCode).toBe(1);
    expect(json<Deployed>(slow.stdout).failure).toMatch(/timed out after 0\.3 s/);
    const history = json<{ events: unknown[] }>((await runCli(["models", "history", "--json"], { cwd: dir })).stdout);
    expect(history.events).toEqual([]);
  });

  it("refuses a version whose gate failed unless forced, an unknown target, and an alias that points nowhere", async () => {
    const dir = await project();
    const bad = await publish(dir, "w1", "fail");
    const refused = await runCli(["deploy", "staging", "--version", bad], { cwd: dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`churn ${bad}'s gate verdict is fail: it is not deployed`);
    const forced = await runCli(["deploy", "staging", "--version", bad, "--force", "--json"], { cwd: dir });
    expect(forced.exitCode, forced.stderr).toBe(0);

    const unknown = await runCli(["deploy", "qa"], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('no deploy target is named "qa"');
    expect(unknown.stderr).toContain("staging (alias staging), production (alias champion)");
    const nowhere = await runCli(["deploy", "production"], { cwd: dir });
    expect(nowhere.exitCode).toBe(2);
    expect(nowhere.stderr).toContain("champion of churn points nowhere yet");
    expect(nowhere.stderr).not.toMatch(/\n\s+at /);

    // An alias a target serves is moved by its deploy job only.
    const promoted = await runCli(["promote", bad, "--alias", "champion", "--force"], { cwd: dir });
    expect(promoted.exitCode).toBe(2);
    expect(promoted.stderr).toContain(
      'champion is served by the deploy target "production": only its deploy job moves it',
    );
    const rolledBack = await runCli(["rollback", "--alias", "staging"], { cwd: dir });
    expect(rolledBack.exitCode).toBe(2);
    expect(rolledBack.stderr).toContain("hint: mlops deploy staging --version <the version before>");
  });
});

describe("deploy config checks", () => {
  it("refuses publish.promote on an alias a target serves, and two targets on one alias", async () => {
    const dir = await project(
      CONFIG.replace("promote: false", "promote: champion").replace(
        "broken: { alias: broken",
        "broken: { alias: staging",
      ),
    );
    const checked = await runCli(["check"], { cwd: dir });
    expect(checked.exitCode).toBe(2);
    expect(checked.stderr + checked.stdout).toContain(
      '"champion" is served by the deploy target "production", so only its deploy job may move it',
    );
    expect(checked.stderr + checked.stdout).toContain(
      'targets "staging" and "broken" both serve the alias "staging": one alias is one place',
    );
  });
});
