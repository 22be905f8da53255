import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { workflowFiles } from "../../scripts/docs.ts";
import { TEMPLATE_DEFAULTS, workflowTemplates, type WorkflowOptions } from "../../src/init/workflows.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { REPO_ROOT } from "../helpers/runner.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";

/**
 * The workflows we ship (templates in workflows/, reusable ones in .github/workflows/) are generated from one
 * renderer, committed, valid for GitHub's own parser, and secure by the rules in test/helpers/workflow-security.ts.
 */

const files = workflowFiles();

/** What `mlops init` writes: the kit's actions pinned to a commit (src/init/kit-ref.ts), here a made-up one. */
const KIT_SHA = "0123456789abcdef0123456789abcdef01234567";
const INIT_DEFAULTS: WorkflowOptions = {
  ...TEMPLATE_DEFAULTS,
  kit: { kind: "commit", sha: KIT_SHA, version: KIT_VERSION },
};
/** The committed copies in workflows/ name the release tag; their rules are checked as init writes them. */
const asInitWrites = new Map(workflowTemplates(INIT_DEFAULTS).map((file) => [`workflows/${file.path}`, file.content]));
const kitUses = (content: string): string[] =>
  [...content.matchAll(/^\s*(?:- )?uses: ((?:mlops-kit\/mlops-kit\/|\$\/)\S+)(.*)$/gm)].map((m) => `${m[1]}${m[2]}`);

describe.each(files.map((file) => [file.path, file] as const))("%s", (relative, file) => {
  it("is committed as generated (npm run docs)", async () => {
    expect(await readFile(path.join(REPO_ROOT, relative), "utf8")).toBe(file.content);
  });

  it("passes GitHub's workflow parser with zero errors", async () => {
    expect(await workflowYamlErrors(path.join(REPO_ROOT, relative))).toEqual([]);
  });

  it("is secure by default (a template in workflows/ as mlops init writes it)", () => {
    expect(checkWorkflowSecurity(asInitWrites.get(relative) ?? file.content, relative)).toEqual([]);
  });
});

describe("how the workflows name the kit's own actions", () => {
  it("init pins them to a full commit SHA with the version as a comment", () => {
    const uses = workflowTemplates(INIT_DEFAULTS).flatMap((file) => kitUses(file.content));
    expect(uses.length).toBeGreaterThan(10);
    for (const use of uses)
      expect(use).toMatch(new RegExp(`^mlops-kit/mlops-kit/actions/[\\w-]+@${KIT_SHA} # v${KIT_VERSION}$`));
  });

  it("the committed copies name this version's release tag, and say how to pin it", () => {
    const templates = files.filter((file) => file.path.startsWith("workflows/"));
    expect(templates.length).toBeGreaterThan(3);
    for (const file of templates) {
      for (const use of kitUses(file.content))
        expect(use).toMatch(new RegExp(`^mlops-kit/mlops-kit/actions/[\\w-]+@v${KIT_VERSION}$`));
      expect(file.content).toContain(`git ls-remote https://github.com/mlops-kit/mlops-kit v${KIT_VERSION}`);
    }
  });

  it("the reusable workflows run them at their own commit ($/actions/x), whatever the caller pinned", () => {
    const reusable = files.filter((file) => file.path.startsWith(".github/workflows/mlops-"));
    const uses = reusable.flatMap((file) => kitUses(file.content));
    expect(uses.length).toBeGreaterThan(10);
    for (const use of uses) expect(use).toMatch(/^\$\/actions\/[\w-]+$/);
  });
});

describe("the reusable workflows (.github/workflows/mlops-*.yml)", () => {
  it("ask no job for more than `contents: read`, so every caller's grant fits; a github:// registry needs init's", () => {
    // A called job asking more GITHUB_TOKEN permissions than its caller grants fails the caller's run at startup, so
    // `contents: write` (what publishing to a github:// registry takes) would break every S3 caller granting read.
    const reusable = files.filter((file) => file.path.startsWith(".github/workflows/mlops-"));
    expect(reusable.length).toBeGreaterThan(0);
    for (const file of reusable) {
      const { jobs } = parse(file.content) as { jobs: Record<string, { permissions?: Record<string, string> }> };
      for (const [name, job] of Object.entries(jobs))
        expect([file.path, name, job.permissions?.contents ?? "none"]).toEqual([file.path, name, "read"]);
    }
  });
});

describe("the templates' shape", () => {
  const byName = (options: WorkflowOptions) =>
    Object.fromEntries(workflowTemplates(options).map((f) => [f.path, parse(f.content) as Record<string, unknown>]));

  it("the pull-request job is the required check, read-only, and never posts with its own token", () => {
    const pr = byName(INIT_DEFAULTS)["mlops-pr.yml"] as {
      jobs: { gate: { name: string; permissions: object; steps: { uses?: string; with?: Record<string, string> }[] } };
    };
    expect(pr.jobs.gate.name).toBe("mlops gate");
    expect(pr.jobs.gate.permissions).toEqual({ contents: "read", "id-token": "write" });
    const gate = pr.jobs.gate.steps.find((step) => step.uses?.startsWith("mlops-kit/mlops-kit/actions/gate@"));
    expect(gate?.with?.["github-token"]).toBe("");
  });

  it("only trusted jobs assume the role that writes; pull requests get the read-only one", () => {
    const roleOf = (file: string): string[] =>
      [
        ...(workflowTemplates(TEMPLATE_DEFAULTS).find((f) => f.path === file)?.content ?? "").matchAll(
          /role-to-assume: (.*)/g,
        ),
      ].map((m) => m[1] ?? "");
    expect(roleOf("mlops-pr.yml")).toEqual(["${{ vars.MLOPS_AWS_READ_ROLE_ARN }}"]);
    expect(roleOf("mlops-main.yml")).toEqual(["${{ vars.MLOPS_AWS_ROLE_ARN }}"]);
    expect(roleOf("mlops-retrain.yml")).toEqual(["${{ vars.MLOPS_AWS_ROLE_ARN }}"]);
  });

  it("follows the options: folder, config name, runtime, runner labels, schedule, no S3, no sweep", () => {
    const options: WorkflowOptions = {
      ...INIT_DEFAULTS,
      model: "churn",
      workingDirectory: "models/churn",
      configFile: "ml.yml",
      defaultBranch: "trunk",
      setup: { kind: "python", version: "3.12" },
      registry: "folder",
      schedule: { cron: "45 4 * * 2", timezone: "Europe/Berlin" },
      trainRunsOn: ["self-hosted", "gpu"],
      sweep: false,
    };
    const rendered = workflowTemplates(options);
    expect(rendered.map((f) => f.path)).toEqual([
      "mlops-pr.yml",
      "mlops-pr-report.yml",
      "mlops-main.yml",
      "mlops-retrain.yml",
    ]);
    const all = rendered.map((f) => f.content).join("\n");
    expect(all).not.toContain("configure-aws-credentials");
    expect(all).not.toContain("id-token");
    expect(all).toContain("working-directory: models/churn");
    expect(all).toContain("config: ml.yml");
    expect(all).toContain('python-version: "3.12"');
    expect(all).toContain("runs-on: [self-hosted, gpu]");
    expect(all).toContain("group: mlops-publish-churn");
    const main = parse(rendered.find((f) => f.path === "mlops-main.yml")?.content ?? "") as {
      on: { push: { branches: string[] } };
    };
    expect(main.on.push.branches).toEqual(["trunk"]);
    const retrain = parse(rendered.find((f) => f.path === "mlops-retrain.yml")?.content ?? "") as {
      on: { schedule: unknown[] };
    };
    expect(retrain.on.schedule).toEqual([{ cron: "45 4 * * 2", timezone: "Europe/Berlin" }]);
    for (const file of rendered) expect(checkWorkflowSecurity(file.content, file.path), file.path).toEqual([]);
  });
});

describe("every use of our actions fits the action", () => {
  interface Step {
    uses?: string;
    with?: Record<string, unknown>;
  }
  const declaredInputs = async (action: string): Promise<string[] | null> => {
    try {
      const definition = parse(await readFile(path.join(REPO_ROOT, "actions", action, "action.yml"), "utf8")) as {
        inputs?: Record<string, unknown>;
      };
      return Object.keys(definition.inputs ?? {});
    } catch {
      return null;
    }
  };
  const stepsOf = (document: unknown): Step[] => {
    const found: Step[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        if (typeof (node as Step).uses === "string") found.push(node);
        Object.values(node).forEach(walk);
      }
    };
    walk(document);
    return found;
  };

  it("in the workflows (owner/repo/actions/x@ref) and the composites ($/actions/x): the action exists and takes each input", async () => {
    const sources: [string, unknown][] = files.map((file) => [file.path, parse(file.content)]);
    for (const action of ["retrain"]) {
      sources.push([
        `actions/${action}/action.yml`,
        parse(await readFile(path.join(REPO_ROOT, "actions", action, "action.yml"), "utf8")),
      ]);
    }
    let checked = 0;
    for (const [source, document] of sources) {
      for (const step of stepsOf(document)) {
        const name = /^(?:mlops-kit\/mlops-kit\/actions\/([\w-]+)@\S+|\$\/actions\/([\w-]+))$/.exec(step.uses ?? "");
        const action = name?.[1] ?? name?.[2];
        if (!action) continue;
        const inputs = await declaredInputs(action);
        expect(inputs, `${source} uses actions/${action}, which does not exist`).not.toBeNull();
        for (const key of Object.keys(step.with ?? {}))
          expect(inputs, `${source}: actions/${action} has no input "${key}"`).toContain(key);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe("values from the user cannot change a workflow's structure", () => {
  it("quotes folders, config names, branches and labels that are not plainly safe", () => {
    const options: WorkflowOptions = {
      ...INIT_DEFAULTS,
      workingDirectory: "models/churn v2 #1",
      configFile: "ml: config.yml",
      defaultBranch: "release: next",
      trainRunsOn: ["self-hosted", "gpu, large"],
    };
    for (const file of workflowTemplates(options)) {
      const workflow = parse(file.content) as {
        on: Record<string, { branches?: string[] }>;
        jobs: Record<string, { "runs-on": unknown; steps?: { with?: Record<string, string> }[] }>;
      };
      const inputs = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).map((step) => step.with ?? {}));
      expect(
        inputs.some((w) => w["working-directory"] === "models/churn v2 #1"),
        file.path,
      ).toBe(true);
      expect(
        inputs.some((w) => w.config === "ml: config.yml"),
        file.path,
      ).toBe(true);
      if (file.path === "mlops-main.yml") expect(workflow.on.push?.branches).toEqual(["release: next"]);
      if (file.path === "mlops-pr.yml") expect(workflow.jobs.gate?.["runs-on"]).toEqual(["self-hosted", "gpu, large"]);
      expect(checkWorkflowSecurity(file.content, file.path), file.path).toEqual([]);
    }
  });
});
