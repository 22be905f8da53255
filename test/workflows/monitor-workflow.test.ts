import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_DEFAULTS, workflowTemplates, type WorkflowOptions } from "../../src/init/workflows.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createGitHubStore } from "../../src/store/github-store.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import type { RunnerEnvironment } from "../helpers/runner.ts";
import { tempDir } from "../helpers/temp.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";
import { type JobRun, runWorkflowJob } from "../helpers/workflow-job.ts";
import { publishInput } from "../helpers/publish.ts";
import { labelDay, logDay, MONITOR_CONFIG, monitorProject } from "../monitor/world.ts";

/**
 * The scheduled monitor workflow (mlops-monitor.yml) as `mlops init` writes it: its shape for one job and for a
 * matrix of legs and a merge, per registry backend, and both variants run job by job as the runner runs them
 * (test/helpers/workflow-job.ts, the bundled actions from dist/: `npm run build` first) on the monitor's scratch
 * project (test/monitor/world.ts), with a folder registry and with a github:// one on the GitHub stand-in, where each
 * job gets the token its `permissions:` grant. Artifacts move as upload/download-artifact would move them: the leg's
 * shard file into the merge job's `runner.temp`.
 */

const KIT_SHA = "0123456789abcdef0123456789abcdef01234567";
const OPTIONS: WorkflowOptions = { ...TEMPLATE_DEFAULTS, kit: { kind: "commit", sha: KIT_SHA, version: KIT_VERSION } };
const KIT_MONITOR = `mlops-kit/mlops-kit/actions/monitor@${KIT_SHA}`;

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  if?: string;
  needs?: string | string[];
  permissions: Record<string, string>;
  strategy?: { "fail-fast"?: boolean; matrix: unknown };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface MonitorWorkflow {
  on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, { type: string }> } };
  permissions: object;
  concurrency: { group: string; queue?: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

function monitorFile(options: WorkflowOptions): { content: string; workflow: MonitorWorkflow; purpose: string } {
  const file = workflowTemplates(options).find((f) => f.path === "mlops-monitor.yml");
  if (!file) throw new Error("no mlops-monitor.yml was rendered");
  return { content: file.content, workflow: parse(file.content) as MonitorWorkflow, purpose: file.purpose };
}

const monitorOf = (
  shards: number,
  logsOnS3 = false,
  alerts: { issues?: boolean; dispatch?: boolean; webhookEnv?: string | null } = {},
): WorkflowOptions["monitor"] => ({
  cron: "23 5 * * *",
  shards,
  logsOnS3,
  issues: alerts.issues ?? true,
  dispatch: alerts.dispatch ?? false,
  webhookEnv: alerts.webhookEnv ?? null,
});
const stepOf = (job: Job | undefined, uses: string): Step | undefined =>
  job?.steps.find((step) => step.uses?.startsWith(uses));
const usesOf = (job: Job | undefined): string[] => (job?.steps ?? []).map((s) => s.uses?.replace(/@.*/, "") ?? "run");

async function parserErrors(content: string): Promise<unknown[]> {
  const file = path.join(await tempDir(), "mlops-monitor.yml");
  await writeFile(file, content);
  return workflowYamlErrors(file);
}

describe("mlops-monitor.yml's shape", () => {
  it("is written only when mlops.yml has a monitor section", () => {
    expect(workflowTemplates({ ...OPTIONS, monitor: null }).map((f) => f.path)).not.toContain("mlops-monitor.yml");
    expect(workflowTemplates(OPTIONS).map((f) => f.path)).toContain("mlops-monitor.yml");
  });

  it("runs on monitor.schedule and on dispatch with recompute and alias; runs of one model queue, never overlap", () => {
    const { workflow, purpose } = monitorFile({ ...OPTIONS, model: "churn", monitor: monitorOf(1) });
    expect(workflow.on.schedule).toEqual([{ cron: "23 5 * * *" }]);
    const inputs = Object.entries(workflow.on.workflow_dispatch.inputs).map(([name, input]) => [name, input.type]);
    expect(inputs).toEqual([
      ["recompute", "boolean"],
      ["alias", "string"],
    ]);
    expect(workflow.on.workflow_dispatch.inputs).toMatchObject({
      recompute: { default: false },
      alias: { default: "" },
    });
    expect(workflow.permissions).toEqual({});
    expect(workflow.concurrency).toEqual({ group: "mlops-monitor-churn", queue: "max" });
    expect(purpose).toContain("23 5 * * *, UTC");
  });

  it.each([
    ["s3", { contents: "read", "id-token": "write", issues: "write" }, ["aws-actions/configure-aws-credentials"]],
    ["github", { contents: "write", issues: "write" }, []],
    ["folder", { contents: "read", issues: "write" }, []],
  ] as const)(
    "one job with a %s registry: it appends, so it may write the registry, and the monitoring issue, and nothing more",
    async (registry, permissions, credentials) => {
      const { content, workflow } = monitorFile({ ...OPTIONS, registry, monitor: monitorOf(1) });
      expect(await parserErrors(content)).toEqual([]);
      expect(checkWorkflowSecurity(content, "mlops-monitor.yml")).toEqual([]);
      expect(Object.keys(workflow.jobs)).toEqual(["monitor"]);
      const job = workflow.jobs.monitor;
      expect(job?.permissions).toEqual(permissions);
      expect(usesOf(job)).toEqual(["actions/checkout", ...credentials, "mlops-kit/mlops-kit/actions/monitor"]);
      // The step fails the job on a breach: nothing swallows it.
      const monitor = stepOf(job, KIT_MONITOR);
      expect(monitor).toEqual({
        id: "monitor",
        uses: KIT_MONITOR,
        with: { alias: "${{ inputs.alias }}", recompute: "${{ inputs.recompute || false }}" },
      });
      if (registry === "s3")
        expect(stepOf(job, "aws-actions/")?.with?.["role-to-assume"]).toBe("${{ vars.MLOPS_AWS_ROLE_ARN }}");
    },
  );

  it.each([
    ["s3", { contents: "read", "id-token": "write" }, { contents: "read", "id-token": "write", issues: "write" }],
    ["github", { contents: "read" }, { contents: "write", issues: "write" }],
    ["folder", { contents: "read" }, { contents: "read", issues: "write" }],
  ] as const)(
    "shards > 1 with a %s registry: a time job, legs that only read, one merge that writes",
    async (registry, legPermissions, mergePermissions) => {
      const { content, workflow } = monitorFile({ ...OPTIONS, registry, monitor: monitorOf(3) });
      expect(await parserErrors(content)).toEqual([]);
      expect(checkWorkflowSecurity(content, "mlops-monitor.yml")).toEqual([]);
      const { time, leg, merge } = workflow.jobs;
      expect(Object.keys(workflow.jobs)).toEqual(["time", "leg", "merge"]);

      expect(time?.permissions).toEqual({});
      expect(time?.outputs).toEqual({ now: "${{ steps.now.outputs.now }}" });

      expect(leg?.needs).toBe("time");
      expect(leg?.strategy).toEqual({ "fail-fast": true, matrix: { shard: [1, 2, 3] } });
      expect(leg?.permissions).toEqual(legPermissions);
      expect(stepOf(leg, KIT_MONITOR)?.with).toEqual({
        now: "${{ needs.time.outputs.now }}",
        shard: "${{ matrix.shard }}/3",
        alias: "${{ inputs.alias }}",
        recompute: "${{ inputs.recompute || false }}",
      });
      const upload = stepOf(leg, "actions/upload-artifact@");
      expect(upload?.with).toMatchObject({
        name: "mlops-monitor-shard-${{ matrix.shard }}",
        path: "${{ steps.monitor.outputs.shard-file }}",
        // The shard file is under .mlops/: upload-artifact leaves hidden files out unless told.
        "include-hidden-files": true,
        "if-no-files-found": "error",
      });

      expect(merge?.needs).toEqual(["time", "leg"]);
      // Runs only when every leg succeeded: a missing leg is never merged.
      expect(merge?.if).toBeUndefined();
      expect(merge?.permissions).toEqual(mergePermissions);
      const download = stepOf(merge, "actions/download-artifact@");
      expect(download?.with).toEqual({
        pattern: "mlops-monitor-shard-*",
        path: "${{ runner.temp }}/monitor-shards",
        "merge-multiple": true,
      });
      expect(stepOf(merge, KIT_MONITOR)?.with).toEqual({
        now: "${{ needs.time.outputs.now }}",
        merge: "${{ runner.temp }}/monitor-shards/*.json",
        alias: "${{ inputs.alias }}",
      });
      // Only the merge job may write: on a github:// registry, contents: write is nowhere else.
      const writers = Object.entries(workflow.jobs).filter(([, job]) => job.permissions.contents === "write");
      expect(writers.map(([name]) => name)).toEqual(registry === "github" ? ["merge"] : []);
    },
  );

  it("the job that judges may run the retraining workflow only when a rule asks, and gets the webhook's secret; legs get neither", async () => {
    for (const shards of [1, 2]) {
      const judge = shards === 1 ? "monitor" : "merge";
      const plain = monitorFile({
        ...OPTIONS,
        registry: "folder",
        monitor: monitorOf(shards, false, { issues: false }),
      });
      expect(plain.workflow.jobs[judge]?.permissions).toEqual({ contents: "read" });
      const { content, workflow } = monitorFile({
        ...OPTIONS,
        registry: "folder",
        monitor: monitorOf(shards, false, { dispatch: true, webhookEnv: "CHAT_HOOK" }),
      });
      expect(await parserErrors(content)).toEqual([]);
      expect(checkWorkflowSecurity(content, "mlops-monitor.yml")).toEqual([]);
      expect(workflow.jobs[judge]?.permissions).toEqual({ contents: "read", issues: "write", actions: "write" });
      expect(stepOf(workflow.jobs[judge], KIT_MONITOR)?.env).toEqual({ CHAT_HOOK: "${{ secrets.CHAT_HOOK }}" });
      if (shards > 1) {
        expect(workflow.jobs.leg?.permissions).toEqual({ contents: "read" });
        expect(stepOf(workflow.jobs.leg, KIT_MONITOR)?.env).toBeUndefined();
      }
    }
  });

  it("logs on S3 beside a registry that needs no AWS: the jobs that read them assume the role, the merge does not", async () => {
    for (const shards of [1, 2]) {
      const { content, workflow } = monitorFile({ ...OPTIONS, registry: "github", monitor: monitorOf(shards, true) });
      expect(await parserErrors(content)).toEqual([]);
      expect(checkWorkflowSecurity(content, "mlops-monitor.yml")).toEqual([]);
      const readers = shards === 1 ? [workflow.jobs.monitor] : [workflow.jobs.leg];
      for (const job of readers) {
        expect(job?.permissions["id-token"]).toBe("write");
        expect(stepOf(job, "aws-actions/configure-aws-credentials@")?.with).toEqual({
          "role-to-assume": "${{ vars.MLOPS_AWS_ROLE_ARN }}",
          "aws-region": "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}",
        });
      }
      if (shards > 1) {
        expect(workflow.jobs.merge?.permissions).toEqual({ contents: "write", issues: "write" });
        expect(usesOf(workflow.jobs.merge)).not.toContain("aws-actions/configure-aws-credentials");
      }
    }
  });

  it("says in its header when the registry is a folder, whose history a run cannot keep", () => {
    expect(monitorFile({ ...OPTIONS, registry: "folder" }).content).toContain(
      "# registry.uri is a folder: what a run appends is lost with its runner.",
    );
    expect(monitorFile({ ...OPTIONS, registry: "s3" }).content).not.toContain("registry.uri is a folder");
  });
});

/** GitHub's schedule payload: the cron that fired (webhooks-examples has none for schedules). */
const scheduled = (workspace: string): RunnerEnvironment => ({
  workspace,
  event: { name: "schedule", payload: { schedule: "23 5 * * *" } },
  env: { GITHUB_REF: "refs/heads/main" },
});
const TOKENS = { read: "ghs_read_token", write: "ghs_write_token" };

/**
 * The time job's outputs with the run's time set to `now`: the logs' days are in March 2026, and by the real clock
 * every day since would be a window no log covers (an outage, which the rows rule catches).
 */
const timeAt = (outputs: Record<string, string>, now: string) => ({ outputs: { ...outputs, now }, result: "success" });

/** Sets the one-job workflow's monitor step's `now` input: its run's time, as the scheduled run would have it. */
async function pinNow(file: string, now: string): Promise<void> {
  const document = parseDocument(await readFile(file, "utf8"));
  const steps = document.getIn(["jobs", "monitor", "steps"]) as YAMLSeq<YAMLMap>;
  const step = steps.items.find((item) => item.get("id") === "monitor");
  if (!step) throw new Error(`${file} has no step with id monitor`);
  step.setIn(["with", "now"], now);
  await writeFile(file, document.toString());
}

/** The scratch project with `monitor.shards` set, and the workflow init writes for it. */
async function projectWithWorkflow(shards: number): Promise<{ dir: string; file: string }> {
  const dir = await monitorProject();
  const { content } = monitorFile({ ...OPTIONS, registry: "folder", monitor: monitorOf(shards) });
  const file = path.join(dir, ".github/workflows/mlops-monitor.yml");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return { dir, file };
}

async function loggedWindows(dir: string): Promise<string[]> {
  const registry = createRegistry(createLocalStore(path.join(dir, "registry")));
  return (await registry.monitorLog("scorer", "champion")).latest.map((entry) => entry.window.key);
}

/** The monitor's report in the job summary, with its verdict and these windows (the `@` keeps GitHub from mentioning). */
function expectReport(run: JobRun, verdict: string, ...windows: string[]): void {
  const summary = run.runs.monitor?.summary ?? "";
  expect(summary, run.output).toMatch(new RegExp(`^### .* Monitor: scorer@\u200b?champion: ${verdict}$`, "m"));
  for (const key of windows) expect(summary).toContain(key);
}

describe("mlops-monitor.yml run as the runner runs it", () => {
  it("one job: the report in the job summary, the windows appended; a breach fails the job", async () => {
    const { dir, file } = await projectWithWorkflow(1);
    for (const [i, date] of ["2026-03-01", "2026-03-02"].entries()) {
      const rows = await logDay(dir, date, 30 + i, 300);
      await labelDay(dir, `2026-03-0${i + 2}`, rows);
    }
    // Days 1 and 2 have ended; day 2's labels are not all in yet (delay 1d).
    await pinNow(file, "2026-03-03T05:23:00Z");
    const healthy = await runWorkflowJob(file, "monitor", scheduled(dir), TOKENS);
    expect(healthy.conclusion, healthy.output).toBe("success");
    expect(healthy.steps.monitor?.outputs).toMatchObject({ verdict: "pass", windows: "2", breaches: "0" });
    expectReport(healthy, "pass", "2026-03-01", "2026-03-02");
    expect(await loggedWindows(dir)).toEqual(["2026-03-01", "2026-03-02"]);

    // A drifted day, dispatched by hand the next day: its window, and day 2's now that its labels are complete, are
    // computed, and the drifted day's breach fails the job.
    await logDay(dir, "2026-03-03", 40, 300, { shift: 2.5 });
    await pinNow(file, "2026-03-04T05:23:00Z");
    const dispatch = { ...scheduled(dir), event: { name: "workflow_dispatch", payload: {} } };
    const drifted = await runWorkflowJob(file, "monitor", dispatch, TOKENS, { recompute: false, alias: "" });
    expect(drifted.conclusion, drifted.output).toBe("failure");
    expect(drifted.steps.monitor?.outputs).toMatchObject({ verdict: "fail", windows: "2", breaches: "1" });
    expectReport(drifted, "fail", "2026-03-03");
    expect(await loggedWindows(dir)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
  }, 180_000);

  it("legs and merge: each leg on its own runner computes its block, the merge appends and judges them as one run", async () => {
    const { dir, file } = await projectWithWorkflow(2);
    for (const [i, date] of ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"].entries()) {
      const rows = await logDay(dir, date, 50 + i, 200);
      await labelDay(dir, `2026-03-0${i + 2}`, rows);
    }
    const time = await runWorkflowJob(file, "time", scheduled(dir), TOKENS);
    expect(time.conclusion, time.output).toBe("success");
    expect(time.outputs.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const needs = { time: timeAt(time.outputs, "2026-03-05T05:23:00Z") };

    // The merge job's runner, where download-artifact puts every leg's artifact (merge-multiple: one folder).
    const mergeTemp = await tempDir();
    const shardsFolder = path.join(mergeTemp, "monitor-shards");
    await mkdir(shardsFolder);
    const legWindows: string[][] = [];
    for (const shard of [1, 2]) {
      // A fresh checkout per leg: nothing a leg writes reaches another runner except through its artifact.
      const workspace = await tempDir();
      await cp(dir, workspace, { recursive: true });
      const leg = await runWorkflowJob(
        path.join(workspace, ".github/workflows/mlops-monitor.yml"),
        "leg",
        scheduled(workspace),
        TOKENS,
        {},
        { needs, matrix: { shard } },
      );
      expect(leg.conclusion, leg.output).toBe("success");
      expect(leg.token).toBe(TOKENS.read);
      expect(leg.thirdParty).toEqual(["actions/checkout", "actions/upload-artifact"]);
      const outputs = leg.steps.monitor?.outputs ?? {};
      expect(outputs.verdict).toBe("skipped");
      expect(outputs["shard-file"]).toBe(path.join(workspace, `.mlops/out/monitor-shard-${shard}-of-2.json`));
      expectReport(leg, "skipped");
      const shardFile = JSON.parse(await readFile(outputs["shard-file"] ?? "", "utf8")) as {
        windows: { window: { key: string } }[];
      };
      legWindows.push(shardFile.windows.map((w) => w.window.key));
      await cp(outputs["shard-file"] ?? "", path.join(shardsFolder, path.basename(outputs["shard-file"] ?? "")));
    }
    // The legs only read: nothing reached the registry before the merge.
    expect(await loggedWindows(dir)).toEqual([]);
    expect(legWindows).toEqual([
      ["2026-03-01", "2026-03-02"],
      ["2026-03-03", "2026-03-04"],
    ]);

    const merge = await runWorkflowJob(
      file,
      "merge",
      scheduled(dir),
      TOKENS,
      {},
      {
        needs: { ...needs, leg: { outputs: {}, result: "success" } },
        runnerTemp: mergeTemp,
      },
    );
    expect(merge.conclusion, merge.output).toBe("success");
    expect(merge.thirdParty).toEqual(["actions/checkout", "actions/download-artifact"]);
    expect(merge.steps.monitor?.outputs).toMatchObject({ verdict: "pass", windows: "4", breaches: "0" });
    expectReport(merge, "pass", "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04");
    expect(await loggedWindows(dir)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]);
  }, 240_000);
});

describe("mlops-monitor.yml on a github:// registry, as the runner runs it", () => {
  const REPO = "octo-org/scorer";
  let server: FakeGitHub;
  beforeAll(async () => {
    server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "private" } } });
    server.tokens[TOKENS.read] = "read-only";
  });
  afterAll(() => server.stop());

  const githubRegistry = (token: string) => {
    const [owner = "", repo = ""] = REPO.split("/");
    return createRegistry(
      createGitHubStore({
        repository: { owner, repo },
        token,
        tokenFrom: "GITHUB_TOKEN",
        apiUrl: server.url,
        retrySeconds: 30,
      }),
    );
  };

  it("the legs read with the read-only token; the merge writes the monitoring log with the job's write token", async () => {
    // The scratch project's champion, published the same way to the repository's registry, which mlops.yml then names.
    const dir = await monitorProject();
    const champion = await createRegistry(createLocalStore(path.join(dir, "registry"))).resolve("scorer", "champion");
    if (!champion) throw new Error("the scratch project has no champion");
    const registry = githubRegistry(TOKENS.write);
    const published = await registry.publish(
      publishInput({
        model: "scorer",
        files: [{ path: "model/weights.json", source: path.join(dir, "model/weights.json") }],
        attachments: [
          { name: "profile", source: path.join(dir, ".mlops/out/profile-train.json") },
          { name: "predictions", source: path.join(dir, "predictions.csv") },
        ],
        metrics: champion.metrics,
      }),
    );
    await registry.moveAlias("scorer", "champion", published.version, {
      at: new Date().toISOString(),
      actor: "tester",
      reason: "test",
      runUrl: null,
      forced: false,
    });
    await writeFile(
      path.join(dir, "mlops.yml"),
      MONITOR_CONFIG.replace("registry: { uri: registry }", `registry: { uri: "github://${REPO}" }`),
    );
    const { content } = monitorFile({ ...OPTIONS, registry: "github", monitor: monitorOf(2) });
    const file = path.join(dir, ".github/workflows/mlops-monitor.yml");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    for (const [i, date] of ["2026-03-01", "2026-03-02"].entries()) {
      const rows = await logDay(dir, date, 70 + i, 200);
      await labelDay(dir, `2026-03-0${i + 2}`, rows);
    }
    const runner: RunnerEnvironment = {
      ...scheduled(dir),
      env: { GITHUB_REF: "refs/heads/main", GITHUB_API_URL: server.url, GITHUB_REPOSITORY: REPO },
    };

    const time = await runWorkflowJob(file, "time", runner, TOKENS);
    const needs = { time: timeAt(time.outputs, "2026-03-03T05:23:00Z") };
    const mergeTemp = await tempDir();
    await mkdir(path.join(mergeTemp, "monitor-shards"));
    for (const shard of [1, 2]) {
      const leg = await runWorkflowJob(file, "leg", runner, TOKENS, {}, { needs, matrix: { shard } });
      expect(leg.conclusion, leg.output).toBe("success");
      expect(leg.token).toBe(TOKENS.read);
      const shardFile = leg.steps.monitor?.outputs["shard-file"] ?? "";
      await cp(shardFile, path.join(mergeTemp, "monitor-shards", path.basename(shardFile)));
    }
    expect((await registry.monitorLog("scorer", "champion")).latest).toEqual([]);

    const mergeContexts = { needs: { ...needs, leg: { outputs: {}, result: "success" } }, runnerTemp: mergeTemp };
    const merge = await runWorkflowJob(file, "merge", runner, TOKENS, {}, mergeContexts);
    expect(merge.conclusion, merge.output).toBe("success");
    expect(merge.token).toBe(TOKENS.write);
    expectReport(merge, "pass", "2026-03-01", "2026-03-02");
    const log = await githubRegistry(TOKENS.read).monitorLog("scorer", "champion");
    expect(log.latest.map((entry) => entry.window.key)).toEqual(["2026-03-01", "2026-03-02"]);

    // The same merge with the legs' read-only token cannot append: the job's permissions are what make it work.
    const readOnly = await runWorkflowJob(file, "merge", runner, { ...TOKENS, write: TOKENS.read }, {}, mergeContexts);
    expect(readOnly.conclusion).toBe("failure");
    expect(readOnly.output).toMatch(/contents: write/);
  }, 240_000);
});
