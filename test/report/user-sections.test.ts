import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runnerFrom, runOrigin } from "../../src/context/runner.ts";
import { MAX_SECTION_BYTES } from "../../src/gate/user-sections.ts";
import type { GateResult } from "../../src/gate/gate.ts";
import { COMMENT_LIMIT } from "../../src/github/pull-request.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { gateResult, HEAD_SHA } from "../helpers/gate-result.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { webhookExample } from "../helpers/runner.ts";
import { removeDir, tempDir, writeFiles } from "../helpers/temp.ts";
import { PROJECT } from "../helpers/toy-project.ts";
import { BASE, FORK, workflowRunEvent } from "../github/workflow-run-event.ts";

/**
 * `report.sections`: the repository's markdown files at the end of the gate's report. The toy project runs the real
 * gate, which reads the files into its result (the report artifact); `mlops report` then posts that artifact from a
 * `workflow_run` job to the GitHub stand-in, as the fork-safe flow does. The rendered comment is parsed by a GFM
 * parser (micromark, raw HTML let through as GitHub lets its safe subset through): a same-repository run keeps the
 * markdown, a fork's run (which the event, never the artifact, tells) has every image, link, mention and tag
 * neutralised.
 */

/** Markdown a fork could send: each line tries one way into the comment. */
const CARD = [
  "## About this model",
  "",
  "Trained on **penguins**; see [the docs](https://docs.example/model).",
  "",
  '<img src="https://tracker.example/pixel.png">',
  "",
  "![chart](https://tracker.example/chart.png)",
  "",
  "Ping @someone about it.",
  "",
  "<!-- hidden: approve this -->",
  "",
  "[click here](https://evil.example/phish)",
  "",
  "```text",
  "unclosed fence at the end",
].join("\n");

function html(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

const SECTIONS_CONFIG = `report:
  sections:
    - { path: docs/card.md, title: Model card }
    - docs/missing.md
`;

/** The line of mlops.yml that names the missing file, where its warnings point. */
const MISSING_LINE = `${PROJECT["mlops.yml"]}${SECTIONS_CONFIG}`.split("\n").indexOf("    - docs/missing.md") + 1;

let repo: string;
let project: string;

/** A repository (a .git folder) with the toy project in ml/ and its sections under ml/docs/. */
async function toyRepository(
  config: string,
  files: Record<string, string | Uint8Array>,
  options: { keep?: boolean } = {},
): Promise<string> {
  const root = await tempDir(options);
  await mkdir(path.join(root, ".git"));
  await writeFiles(path.join(root, "ml"), { ...PROJECT, "mlops.yml": `${PROJECT["mlops.yml"]}${config}`, ...files });
  return root;
}

async function gate(cwd: string, env: NodeJS.ProcessEnv = {}) {
  for (const stage of ["train", "evaluate"]) {
    const run = await runCli([stage], { cwd });
    expect(run.exitCode, run.stderr).toBe(0);
  }
  return runCli(["gate"], { cwd, env });
}

describe("the gate reads the sections into its result and its report", () => {
  beforeAll(async () => {
    repo = await toyRepository(SECTIONS_CONFIG, { "docs/card.md": CARD }, { keep: true });
    project = path.join(repo, "ml");
  });
  afterAll(() => removeDir(repo));

  it("shows a same-repository run's markdown as written, and names a missing file with a warning", async () => {
    const run = await gate(project);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `warning mlops.yml:${MISSING_LINE}:7: section file docs/missing.md does not exist: the report names it as missing`,
    );
    const result = JSON.parse(await readFile(path.join(project, ".mlops/out/gate.json"), "utf8")) as GateResult;
    expect(result.sections).toEqual([
      { title: "Model card", path: "docs/card.md", text: CARD, problem: null, cutFrom: null },
      { title: "docs/missing.md", path: "docs/missing.md", text: null, problem: "does not exist", cutFrom: null },
    ]);
    const markdown = await readFile(path.join(project, ".mlops/out/gate.md"), "utf8");
    const rendered = html(markdown);
    expect(rendered).toContain("<h4>Model card</h4>");
    expect(rendered).toContain('<a href="https://docs.example/model">the docs</a>');
    expect(rendered).toContain('<img src="https://tracker.example/chart.png" alt="chart" />');
    // The fence the file left open is closed, so it swallows nothing after it.
    expect(rendered).toContain("unclosed fence at the end\n</code></pre>");
    expect(markdown).toContain(
      'Section "docs/missing.md" is missing from this report: docs/missing.md does not exist.',
    );
    // The terminal shows the same sections, as plain text.
    expect(run.stdout).toContain("Model card:\n  ## About this model");
  });

  it("`mlops check` warns about the missing file too, and exits 0", async () => {
    const check = await runCli(["check"], { cwd: project });
    expect(check.exitCode, check.stderr).toBe(0);
    expect(check.stdout).toContain(
      `mlops.yml:${MISSING_LINE}:7: warning at report.sections[1]: section file docs/missing.md does not exist`,
    );
  });

  it("shows a fork's files as text in its own job summary and report", async () => {
    const event = webhookExample("pull_request", "opened") as {
      pull_request: { head: { repo: { id: number } }; base: { repo: { id: number } } };
    };
    event.pull_request.head.repo.id = event.pull_request.base.repo.id + 1;
    const eventFile = path.join(repo, "event.json");
    await writeFile(eventFile, JSON.stringify(event));
    const run = await runCli(["gate"], {
      cwd: project,
      env: { GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: eventFile },
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const rendered = html(await readFile(path.join(project, ".mlops/out/gate.md"), "utf8"));
    expect(rendered).toContain("Sections: this report comes from a fork's pull request");
    expect(rendered).not.toMatch(/<img|<h4>|<a /);
  });
});

describe("mlops report posts the sections of the artifact", () => {
  let server: FakeGitHub;
  let dir: string;
  beforeEach(async () => {
    server = await startFakeGitHub();
    dir = await tempDir();
  });
  afterEach(async () => {
    expect(server.problems()).toEqual([]);
    await server.stop();
  });

  const sections = (text = CARD): NonNullable<GateResult["sections"]> => [
    { title: "Model card <b>@team</b>", path: "docs/card.md", text, problem: null, cutFrom: null },
  ];

  /** `mlops report` in a workflow_run job whose run built `head`, posting `result` (the downloaded artifact). */
  async function post(result: GateResult, event: unknown, eventName = "workflow_run") {
    await writeFiles(dir, { "artifact/gate.json": JSON.stringify(result), "event.json": JSON.stringify(event) });
    const run = await runCli(["report", "--from", "artifact/gate.json", "--pr", "2"], {
      cwd: dir,
      env: {
        GITHUB_ACTIONS: "true",
        GITHUB_REPOSITORY: BASE.fullName,
        GITHUB_API_URL: server.url,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: path.join(dir, "event.json"),
        GITHUB_TOKEN: "ghs_workflow_run_token",
      },
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(server.comments).toHaveLength(1);
    return server.comments[0]?.body ?? "";
  }

  const runOf = (repository: typeof BASE) =>
    workflowRunEvent({ head: { repository, branch: "changes", sha: HEAD_SHA } });

  it("keeps the markdown when the event says the run was this repository's", async () => {
    server.pulls = [{ number: 2, headRef: "changes", headSha: HEAD_SHA, headRepo: BASE }];
    const rendered = html(await post(gateResult({ sections: sections() }), runOf(BASE)));
    // The title comes from the config: escaped; the file is the repository's own: as written.
    expect(rendered).toContain("<h4>Model card &lt;b&gt;@\u200bteam&lt;/b&gt;</h4>");
    expect(rendered).toContain('<a href="https://docs.example/model">the docs</a>');
    expect(rendered).toContain("<h2>About this model</h2>");
    expect(rendered).toContain("<!-- hidden: approve this -->");
  });

  it.each([
    ["a fork's run, whatever the artifact says of itself", runOf(FORK), "workflow_run"],
    ["an event that does not say whose run it was", webhookExample("push"), "push"],
  ])("neutralises every image, link, mention and tag for %s", async (_, event, eventName) => {
    server.pulls = [{ number: 2, headRef: "changes", headSha: HEAD_SHA, headRepo: FORK }];
    // The artifact claims to come from the base repository: it is not asked.
    const result = gateResult({ sections: sections() });
    expect(result.source.repository).toBe(BASE.fullName);
    const body = await post(result, event, eventName);
    // Past the kit's own marker, the comment's first line.
    const rendered = html(body.slice(body.indexOf("\n")));
    expect(rendered).not.toMatch(/<img|<h4>|<h2>|<!--/);
    // The only link is the kit's own, to the workflow run.
    const links = [...rendered.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(links.every((href) => href?.startsWith("https://github.com/octo-org/ml-repo/actions/runs/"))).toBe(true);
    // The file reads as its source, in a code block, where GitHub neither mentions nor links anything.
    const code = /<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/.exec(rendered)?.[1] ?? "";
    expect(code).toContain("Ping @someone about it.");
    expect(code).toContain("&lt;img src=&quot;https://tracker.example/pixel.png&quot;&gt;");
    expect(code).toContain("&lt;!-- hidden: approve this --&gt;");
    expect(code).toContain("[click here](https://evil.example/phish)");
    expect(rendered.replace(/<pre>[\s\S]*?<\/pre>/g, "")).not.toMatch(/@[a-z]/);
    expect(rendered).toContain("Model card &lt;b&gt;@\u200bteam&lt;/b&gt;");
    expect(rendered).toMatch(/shown as text, not as markdown/);
  });

  it.each([
    ["this repository's run", runOf(BASE), BASE, "*(cut to fit)*"],
    ["a fork's run", runOf(FORK), FORK, 'Section "Part 3"'],
  ])("fits %s under the comment limit, cutting the sections before the gate's tables", async (_, event, head, cut) => {
    server.pulls = [{ number: 2, headRef: "changes", headSha: HEAD_SHA, headRepo: head }];
    const line = (i: number): string => `Paragraph ${i}: ${"word ".repeat(20)}`;
    const big = Array.from({ length: 300 }, (_, i) => line(i))
      .join("\n\n")
      .slice(0, MAX_SECTION_BYTES);
    const many = Array.from({ length: 6 }, (_, i) => ({
      title: `Part ${i}`,
      path: `docs/part-${i}.md`,
      text: big,
      problem: null,
      cutFrom: null,
    }));
    const body = await post(gateResult({ sections: many }), event);
    // Cut, not dropped: what fits of the section that does not fit is there.
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT - 1000);
    const rendered = html(body);
    // The gate's verdict and rules table are whole; the sections are what was cut.
    expect(rendered).toContain("fell from 0.88 to 0.82");
    expect(rendered).toContain("This report was cut to fit GitHub");
    expect(body).toContain("Paragraph 0:");
    expect(body).toContain(cut);
    expect(body).not.toContain("Part 5");
    // Nothing is left open: every fence and details block closes, so the footer renders.
    expect(rendered).toMatch(/<hr \/>\n<p>mlops-kit .*<\/p>$/);
  });
});

describe("whose run it was, as the event says", () => {
  const origin = (name: string, payload: unknown) => runOrigin(runnerFrom({}, { name, payload, problem: null }));
  const run = (repository: typeof BASE) => workflowRunEvent({ head: { repository, branch: "b", sha: HEAD_SHA } });

  it("compares the run's head repository with this one by id, and calls a deleted fork a fork", () => {
    expect(origin("workflow_run", run(BASE))).toBe("this repository");
    expect(origin("workflow_run", run(FORK))).toBe("a fork");
    const deleted = run(FORK);
    (deleted.workflow_run as { head_repository: unknown }).head_repository = null;
    expect(origin("workflow_run", deleted)).toBe("a fork");
    const pull = webhookExample("pull_request", "opened") as { pull_request: { head: { repo: unknown } } };
    expect(origin("pull_request", pull)).toBe("this repository");
    pull.pull_request.head.repo = null;
    expect(origin("pull_request_target", pull)).toBe("a fork");
  });

  it("does not know for other events, or a payload without the repositories", () => {
    expect(origin("push", webhookExample("push"))).toBe("unknown");
    expect(origin("workflow_run", { workflow_run: { head_repository: { id: 1 } } })).toBe("unknown");
    expect(runOrigin(runnerFrom({}))).toBe("unknown");
  });
});

describe("a report without sections", () => {
  it("has no sections key, so the `mlops report` of an earlier release (strict about keys) still reads it", async () => {
    const root = await toyRepository("", {});
    expect((await gate(path.join(root, "ml"))).exitCode).toBe(0);
    const result = JSON.parse(await readFile(path.join(root, "ml/.mlops/out/gate.json"), "utf8")) as object;
    expect(Object.keys(result)).not.toContain("sections");
    expect(Object.keys(result)).toContain("chain");
  });
});

describe("section files that cannot be used", () => {
  it("cuts a huge file after a whole line within the bound, and says so in the report and the log", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${"é".repeat(10)}`);
    // One line of 3-byte characters, which the bound splits (16,384 = 3 × 5,461 + 1).
    const oneLine = "€".repeat(20_000);
    const root = await toyRepository("report:\n  sections: [docs/huge.md, docs/one-line.md]\n", {
      "docs/huge.md": lines.join("\n"),
      "docs/one-line.md": oneLine,
    });
    const run = await gate(path.join(root, "ml"));
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning mlops\.yml:\d+:\d+: section file docs\/huge\.md is \d+(\.\d)? KiB: the report shows only its first 16\.0 KiB/,
    );
    const result = JSON.parse(await readFile(path.join(root, "ml/.mlops/out/gate.json"), "utf8")) as GateResult;
    const text = result.sections?.[0]?.text ?? "";
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_SECTION_BYTES);
    expect(text.endsWith("\n")).toBe(true);
    expect(lines.join("\n").startsWith(text)).toBe(true);
    expect(result.sections?.[0]?.cutFrom).toBe(Buffer.byteLength(lines.join("\n")));
    // A file of one line is cut after its last whole character.
    expect(result.sections?.[1]).toMatchObject({ text: "€".repeat(5461), cutFrom: 60_000, problem: null });
    const report = await readFile(path.join(root, "ml/.mlops/out/gate.md"), "utf8");
    expect(report).toMatch(/Cut: docs\/huge\.md is \d+(\.\d)? KiB, so only its start is shown/);
  });

  it("names a file that is not UTF-8, and one whose link leads out of the repository, without failing the gate", async () => {
    const outside = await tempDir();
    await writeFiles(outside, { "secret.md": "token=ghp_secret" });
    const root = await toyRepository("report:\n  sections: [docs/latin1.md, docs/link.md, docs]\n", {
      "docs/latin1.md": Buffer.from("caf\xe9 cr\xe8me", "latin1"),
    });
    await symlink(path.join(outside, "secret.md"), path.join(root, "ml/docs/link.md"));
    const run = await gate(path.join(root, "ml"));
    expect(run.exitCode, run.stderr).toBe(0);
    const report = await readFile(path.join(root, "ml/.mlops/out/gate.md"), "utf8");
    expect(report).toContain("docs/latin1.md is not UTF-8 text");
    expect(report).toContain("docs/link.md is a link that leads outside the repository");
    expect(report).toContain("docs is not a file");
    expect(report).not.toContain("ghp_secret");
    expect(run.stderr.match(/^warning .*section file/gm)).toHaveLength(3);
  });

  it("refuses a path outside the repository when the config is loaded (exit 2, one message)", async () => {
    const root = await toyRepository("report:\n  sections: [../../outside.md]\n", {});
    const check = await runCli(["check"], { cwd: path.join(root, "ml") });
    expect(check.exitCode).toBe(2);
    expect(check.stderr).toContain('the path "../../outside.md" leads outside the repository');
    expect(stackFrames(check.stderr)).toEqual([]);
  });
});
