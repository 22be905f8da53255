import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { workflowFiles } from "../../scripts/docs.ts";
import type { PythonEnvironment } from "../../src/init/python-env.ts";
import { TEMPLATE_DEFAULTS, workflowTemplates, type WorkflowOptions } from "../../src/init/workflows.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { REPO_ROOT } from "../helpers/runner.ts";
import { tempDir } from "../helpers/temp.ts";
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

  it("the pull-request and main jobs keep the run's HTML report as an artifact of its own, failed gate or not", () => {
    type Steps = { id?: string; uses?: string; if?: string; with?: Record<string, unknown> }[];
    const templates = byName(INIT_DEFAULTS) as Record<string, { jobs: Record<string, { steps: Steps }> }>;
    const uploads = (steps: Steps) => steps.filter((step) => step.uses?.startsWith("actions/upload-artifact@"));
    const pr = uploads(templates["mlops-pr.yml"]?.jobs.gate?.steps ?? []);
    const main = uploads(templates["mlops-main.yml"]?.jobs.publish?.steps ?? []);
    const html = {
      if: "always() && steps.gate.outputs.html != ''",
      with: {
        name: "mlops-run-report",
        path: "${{ steps.gate.outputs.html }}",
        "include-hidden-files": true,
        "retention-days": 30,
      },
    };
    // The fork-safe reporting workflow downloads mlops-gate-report and parses it: the HTML never goes in there.
    expect(pr.map((step) => step.with?.name)).toEqual(["mlops-gate-report", "mlops-run-report"]);
    expect(pr[1]).toMatchObject(html);
    const mainHtml = main.filter((step) => step.with?.name === "mlops-run-report");
    expect(mainHtml).toHaveLength(1);
    expect(mainHtml[0]).toMatchObject(html);
    for (const file of ["mlops-pr.yml", "mlops-main.yml"]) {
      const gate = Object.values(templates[file]?.jobs ?? {})
        .flatMap((job) => job.steps)
        .find((s) => s.id === "gate");
      expect(gate?.uses).toMatch(/^mlops-kit\/mlops-kit\/actions\/gate@/);
    }
  });

  it("main hands registry.signing's secret to the publish step alone, and leaves the attestation out when asked", () => {
    type Job = { permissions: Record<string, string>; steps: { uses?: string; env?: Record<string, string> }[] };
    const main = byName({ ...INIT_DEFAULTS, signingKeyEnv: "RELEASE_KEY", attest: false })["mlops-main.yml"] as {
      jobs: { publish: Job };
    };
    const steps = main.jobs.publish.steps;
    const signed = steps.filter((step) => step.env && "RELEASE_KEY" in step.env);
    expect(signed.map((step) => step.uses?.split("@")[0])).toEqual(["mlops-kit/mlops-kit/actions/publish"]);
    expect(signed[0]?.env).toEqual({ RELEASE_KEY: "${{ secrets.RELEASE_KEY }}" });
    expect(steps.some((step) => step.uses?.startsWith("actions/attest-build-provenance@"))).toBe(false);
    expect(main.jobs.publish.permissions.attestations).toBeUndefined();
  });

  it("main puts the model's page in the job summary after a publish and keeps its HTML file as an artifact", () => {
    type Step = {
      id?: string;
      if?: string;
      uses?: string;
      with?: Record<string, unknown>;
      "continue-on-error"?: boolean;
    };
    const main = byName(INIT_DEFAULTS)["mlops-main.yml"] as { jobs: { publish: { steps: Step[] } } };
    const steps = main.jobs.publish.steps;
    const at = (prefix: string) => steps.findIndex((step) => step.uses?.startsWith(prefix));
    const publish = at("mlops-kit/mlops-kit/actions/publish@");
    const attest = at("actions/attest-build-provenance@");
    const page = at("mlops-kit/mlops-kit/actions/models-report@");
    const upload = at("actions/upload-artifact@");
    expect(publish).toBeGreaterThan(0);
    expect([attest, page, upload]).toEqual([publish + 1, publish + 2, publish + 3]);
    // The manifest as stored is the attestation's subject; a repository that cannot store one still publishes.
    expect(steps[attest]).toMatchObject({
      if: "${{ !cancelled() && steps.publish.outcome == 'success' }}",
      "continue-on-error": true,
      with: { "subject-path": "${{ steps.publish.outputs.manifest-file }}" },
    });
    expect(steps[publish]?.id).toBe("publish");
    expect(steps[page]).toMatchObject({
      id: "page",
      if: "${{ !cancelled() && steps.publish.outcome == 'success' }}",
      // The page only informs: failing to make it must not fail a run that published.
      "continue-on-error": true,
    });
    expect(steps[upload]).toMatchObject({
      if: "${{ !cancelled() && steps.page.outputs.file != '' }}",
      with: { name: "mlops-model-page", path: "${{ steps.page.outputs.file }}", "include-hidden-files": true },
    });
    // The gate's verdict still decides the run, last.
    expect(steps.at(-1)?.if).toBe("steps.gate.outcome == 'failure'");
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
    // Scheduled on the default branch: the read-only role trusts pull requests only.
    expect(roleOf("mlops-monitor.yml")).toEqual(["${{ vars.MLOPS_AWS_ROLE_ARN }}"]);
    expect(roleOf("mlops-predict.yml")).toEqual(["${{ vars.MLOPS_AWS_ROLE_ARN }}"]);
  });

  it("follows the options: folder, config name, runtime, runner labels, schedules, no S3, no sweep", () => {
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
      monitor: { cron: "5 6 * * *", shards: 1, logsOnS3: false, issues: true, dispatch: false, webhookEnv: null },
      predict: { cron: "7 1 * * *", shards: 1, inputOnS3: false, outputOnS3: false },
      deploy: null,
      attest: false,
    };
    const rendered = workflowTemplates(options);
    expect(rendered.map((f) => f.path)).toEqual([
      "mlops-pr.yml",
      "mlops-pr-report.yml",
      "mlops-main.yml",
      "mlops-retrain.yml",
      "mlops-monitor.yml",
      "mlops-predict.yml",
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
    const monitor = parse(rendered.find((f) => f.path === "mlops-monitor.yml")?.content ?? "") as {
      on: { schedule: unknown[] };
      concurrency: { group: string };
    };
    expect(monitor.on.schedule).toEqual([{ cron: "5 6 * * *" }]);
    expect(monitor.concurrency.group).toBe("mlops-monitor-churn");
    const predict = rendered.find((f) => f.path === "mlops-predict.yml")?.content ?? "";
    expect(predict).toContain('- cron: "7 1 * * *"');
    expect(predict).toContain("group: mlops-predict-churn");
    // A folder output is relative to mlops.yml's folder; the artifact's path to the repository's.
    expect(predict).toContain("path: models/churn/${{ steps.predict.outputs.location }}");
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

describe("the set-up steps for each Python environment and for DVC", () => {
  type Setup = Pick<WorkflowOptions, "setup" | "dvc" | "workingDirectory">;
  const python = (environment?: PythonEnvironment): WorkflowOptions["setup"] => ({
    kind: "python",
    version: "3.11",
    ...(environment ? { environment } : {}),
  });
  const cases: [string, Setup, string[]][] = [
    [
      "pip, requirements.txt",
      {
        setup: python({ installer: "pip", file: "requirements.txt", lockfile: null }),
        dvc: null,
        workingDirectory: ".",
      },
      ["actions/setup-python cache=pip cache-dependency-path=requirements.txt", "run: pip install -r requirements.txt"],
    ],
    [
      "pip, pyproject.toml, in a subfolder",
      {
        setup: python({ installer: "pip", file: "pyproject.toml", lockfile: null }),
        dvc: null,
        workingDirectory: "models/churn",
      },
      ["actions/setup-python cache=pip cache-dependency-path=models/churn/pyproject.toml", "run: pip install -e ."],
    ],
    [
      "uv with uv.lock",
      {
        setup: python({ installer: "uv", file: "pyproject.toml", lockfile: "uv.lock" }),
        dvc: null,
        workingDirectory: ".",
      },
      [
        "actions/setup-python",
        "astral-sh/setup-uv enable-cache=true",
        'run: uv sync --locked --python "$(command -v python)"|echo "$PWD/.venv/bin" >> "$GITHUB_PATH"|echo "VIRTUAL_ENV=$PWD/.venv" >> "$GITHUB_ENV"',
      ],
    ],
    [
      "uv without a lock, in a subfolder",
      {
        setup: python({ installer: "uv", file: "pyproject.toml", lockfile: null }),
        dvc: null,
        workingDirectory: "ml",
      },
      [
        "actions/setup-python",
        "astral-sh/setup-uv enable-cache=true working-directory=ml",
        'run: uv sync --python "$(command -v python)"|echo "$PWD/.venv/bin" >> "$GITHUB_PATH"|echo "VIRTUAL_ENV=$PWD/.venv" >> "$GITHUB_ENV"',
      ],
    ],
    [
      "poetry",
      {
        setup: python({ installer: "poetry", file: "pyproject.toml", lockfile: "poetry.lock" }),
        dvc: null,
        workingDirectory: ".",
      },
      [
        "run: pipx install poetry",
        "actions/setup-python cache=poetry cache-dependency-path=poetry.lock",
        'run: poetry env use python|poetry install --no-interaction|echo "$(poetry env info --path)/bin" >> "$GITHUB_PATH"|echo "VIRTUAL_ENV=$(poetry env info --path)" >> "$GITHUB_ENV"',
      ],
    ],
    [
      "pipenv without a lock",
      { setup: python({ installer: "pipenv", file: "Pipfile", lockfile: null }), dvc: null, workingDirectory: "." },
      [
        "run: pipx install pipenv",
        "actions/setup-python cache=pipenv cache-dependency-path=Pipfile",
        'run: pipenv install --dev --python "$(command -v python)"|echo "$(pipenv --venv)/bin" >> "$GITHUB_PATH"|echo "VIRTUAL_ENV=$(pipenv --venv)" >> "$GITHUB_ENV"',
      ],
    ],
    [
      "conda, in a subfolder",
      {
        setup: python({ installer: "conda", file: "environment.yml", lockfile: null }),
        dvc: null,
        workingDirectory: "ml",
      },
      [
        "actions/cache path=~/conda_pkgs_dir key=conda-${{ runner.os }}-${{ hashFiles('ml/environment.yml') }}",
        'run: export CONDA_PKGS_DIRS="$HOME/conda_pkgs_dir"|"$CONDA/bin/conda" env create --quiet --file environment.yml --prefix "$RUNNER_TEMP/conda-env"|echo "$RUNNER_TEMP/conda-env/bin" >> "$GITHUB_PATH"|echo "CONDA_PREFIX=$RUNNER_TEMP/conda-env" >> "$GITHUB_ENV"',
      ],
    ],
    ["Python and no environment file", { setup: python(), dvc: null, workingDirectory: "." }, ["actions/setup-python"]],
    [
      "DVC with an S3 remote",
      {
        setup: python({ installer: "pip", file: "requirements.txt", lockfile: null }),
        dvc: { remote: { name: "storage", type: "s3", extra: "s3" } },
        workingDirectory: ".",
      },
      [
        "actions/setup-python cache=pip cache-dependency-path=requirements.txt",
        "run: pip install -r requirements.txt",
        'run: pipx install "dvc[s3]"',
        "run: dvc pull",
      ],
    ],
    [
      "DVC without a remote: installed, no pull",
      { setup: python(), dvc: { remote: null }, workingDirectory: "." },
      ["actions/setup-python", 'run: pipx install "dvc"'],
    ],
  ];

  /** The gate job's steps before the kit's own: each as `uses-name key=value...` or `run: line|line`. */
  const setupOf = (content: string): string[] => {
    const pr = parse(content) as {
      jobs: { gate: { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] } };
    };
    return pr.jobs.gate.steps
      .slice(1)
      .filter((step) => !step.uses?.startsWith("mlops-kit/") && !step.uses?.startsWith("actions/upload-artifact"))
      .map((step) =>
        step.run !== undefined
          ? `run: ${step.run.trimEnd().split("\n").join("|")}`
          : [
              (step.uses ?? "").replace(/@.*/, ""),
              ...Object.entries(step.with ?? {})
                .filter(([key]) => key !== "python-version")
                .map(([key, value]) => `${key}=${String(value)}`),
            ].join(" "),
      );
  };

  it.each(cases)(
    "%s: the steps, valid for GitHub's parser and secure, in every workflow",
    async (_, setup, expected) => {
      const rendered = workflowTemplates({ ...INIT_DEFAULTS, registry: "folder", ...setup });
      const pr = rendered.find((file) => file.path === "mlops-pr.yml");
      expect(setupOf(pr?.content ?? "")).toEqual(expected);
      const dir = await tempDir();
      for (const file of rendered) {
        const written = path.join(dir, file.path);
        await writeFile(written, file.content);
        expect(await workflowYamlErrors(written), file.path).toEqual([]);
        expect(checkWorkflowSecurity(file.content, file.path), file.path).toEqual([]);
        // Every job that trains sets the environment up the same way.
        if (file.content.includes("/actions/train@"))
          expect(file.content, file.path).toContain(
            expected
              .at(-1)
              ?.split("|")[0]
              ?.replace(/^run: /, "") ?? "",
          );
      }
    },
  );

  it("the comments: where to install without an environment file, a DVC remote's credentials, conda's terms", () => {
    const noEnvironment = workflowTemplates({ ...INIT_DEFAULTS, setup: python() });
    expect(noEnvironment[0]?.content).toContain(
      "# No requirements.txt, pyproject.toml, Pipfile or environment.yml was found: install what training needs here.",
    );
    const dvc = workflowTemplates({
      ...INIT_DEFAULTS,
      setup: python(),
      dvc: { remote: { name: "storage", type: "gs", extra: "gs" } },
    });
    expect(dvc[0]?.content).toContain('# DVC remote "storage" (gs) needs Google Cloud credentials');
    expect(dvc[0]?.content).toContain("# Pull requests from forks get no secrets and no OIDC token.");
    const conda = workflowTemplates({
      ...INIT_DEFAULTS,
      setup: python({ installer: "conda", file: "conda.yaml", lockfile: null }),
    });
    // Accepting Anaconda's terms is left to the user, with both ways named.
    expect(conda[0]?.content).toContain("# Anaconda's defaults channel needs its Terms of Service accepted");
    expect(conda[0]?.content).not.toMatch(/^\s+CONDA_PLUGINS_AUTO_ACCEPT_TOS:/m);
  });
});
