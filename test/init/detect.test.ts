import { mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectRepository, detectTraining, parseRemoteUrl, systemGit } from "../../src/init/detect.ts";
import { nodeForRange, pinnedVersion, pythonForSpecifier } from "../../src/init/versions.ts";
import { READ_LIMITS } from "../../src/files/read-limited.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";

/** What `mlops init` detects, from real folders and real git repositories. */

const realGit = systemGit(gitEnv());

describe("the GitHub repository from origin's URL", () => {
  it.each([
    ["https://github.com/acme/churn.git", "github.com"],
    ["https://github.com/acme/churn", "github.com"],
    ["https://github.com/acme/churn/", "github.com"],
    ["https://x-access-token:ghs_secret@github.com/acme/churn.git", "github.com"],
    ["git@github.com:acme/churn.git", "github.com"],
    ["git@github.com:acme/churn", "github.com"],
    ["ssh://git@github.com/acme/churn.git", "github.com"],
    ["ssh://git@github.com:22/acme/churn.git", "github.com"],
    ["git://github.com/acme/churn.git", "github.com"],
    ["https://ghe.example.com/acme/churn.git", "ghe.example.com"],
  ])("%s", (url, host) => {
    expect(parseRemoteUrl(url)).toEqual({ host, owner: "acme", repo: "churn" });
  });

  it("keeps dots, dashes and underscores in names, and never the URL's credentials", () => {
    expect(parseRemoteUrl("https://github.com/my-org/my_ml.repo.git")).toEqual({
      host: "github.com",
      owner: "my-org",
      repo: "my_ml.repo",
    });
    expect(JSON.stringify(parseRemoteUrl("https://user:token123@github.com/a/b"))).not.toContain("token123");
  });

  it.each([
    "/srv/git/churn.git",
    "../churn.git",
    "file:///srv/git/acme/churn.git",
    "C:/repos/acme/churn.git",
    "https://github.com/acme",
    "https://gitlab.com/group/subgroup/churn.git",
  ])("not an owner/repo remote: %s", (url) => {
    expect(parseRemoteUrl(url)).toBeNull();
  });
});

describe("the repository", () => {
  it("reads owner/repo from an https origin, and the default branch from origin/HEAD", async () => {
    const dir = await tempDir();
    await gitRepo(dir, { branch: "feature", remote: "https://github.com/acme/churn.git" });
    await git(dir, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
    const repository = await detectRepository(dir, realGit);
    expect(repository).toEqual({
      root: dir,
      git: true,
      remote: { host: "github.com", owner: "acme", repo: "churn" },
      defaultBranch: "trunk",
      defaultBranchFrom: "origin/HEAD",
      workingDirectory: ".",
    });
  });

  it("reads an ssh origin; without origin/HEAD the current branch is the default", async () => {
    const dir = await tempDir();
    await gitRepo(dir, { branch: "develop", remote: "git@github.com:acme/fraud-model.git" });
    const repository = await detectRepository(dir, realGit);
    expect(repository.remote).toEqual({ host: "github.com", owner: "acme", repo: "fraud-model" });
    expect([repository.defaultBranch, repository.defaultBranchFrom]).toEqual(["develop", "current branch"]);
  });

  it("has no remote when origin is not set", async () => {
    const dir = await tempDir();
    await gitRepo(dir);
    const repository = await detectRepository(dir, realGit);
    expect(repository.remote).toBeNull();
    expect(repository.git).toBe(true);
    expect(repository.defaultBranch).toBe("main");
  });

  it("falls back to main outside git, with the config's folder as the root", async () => {
    const dir = await tempDir();
    const repository = await detectRepository(dir, realGit);
    expect(repository).toMatchObject({ root: dir, git: false, remote: null, defaultBranch: "main" });
    expect(repository.defaultBranchFrom).toBe("fallback");
  });

  it("finds the root of a monorepo from a subfolder, and the subfolder as the working directory", async () => {
    const dir = await tempDir();
    await gitRepo(dir, { remote: "https://github.com/acme/platform.git" });
    const sub = path.join(dir, "models", "churn");
    await mkdir(sub, { recursive: true });
    const repository = await detectRepository(sub, realGit);
    expect(repository.root).toBe(dir);
    expect(repository.workingDirectory).toBe("models/churn");
    // A folder init will create is fine too.
    expect((await detectRepository(path.join(dir, "models", "new"), realGit)).workingDirectory).toBe("models/new");
  });
});

describe("how training runs", () => {
  it("Python: train.py, with the version from .python-version", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.py": "", "requirements.txt": "numpy\n", ".python-version": "3.11.9\n" });
    expect(await detectTraining(dir)).toEqual({
      command: "python train.py",
      commandFrom: "train.py",
      evaluateCommand: null,
      evaluateFrom: null,
      outputs: null,
      inputs: null,
      params: null,
      metricsFiles: null,
      setup: {
        kind: "python",
        version: "3.11.9",
        environment: { installer: "pip", file: "requirements.txt", lockfile: null },
      },
      setupFrom: "train.py; version from .python-version; pip from requirements.txt",
      dvc: null,
      notes: [],
    });
  });

  it("Python: the version from pyproject's requires-python, else 3.12; evaluate.py is the evaluate command", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "pyproject.toml": '[project]\nname = "churn"\nrequires-python = ">=3.9,<3.12"\n',
      "train.py": "",
      "evaluate.py": "",
    });
    const training = await detectTraining(dir);
    expect(training.setup).toEqual({
      kind: "python",
      version: "3.11",
      environment: { installer: "pip", file: "pyproject.toml", lockfile: null },
    });
    expect(training.evaluateCommand).toBe("python evaluate.py");

    const plain = await tempDir();
    await writeFiles(plain, { "requirements.txt": "torch\n" });
    const bare = await detectTraining(plain);
    expect(bare.setup).toMatchObject({ kind: "python", version: "3.12" });
    expect(bare.command).toBeNull(); // requirements.txt alone names no entry point
  });

  it("a notebook: train.ipynb runs with `jupyter execute` in Python, its code cells' modules are inputs", async () => {
    const dir = await tempDir();
    const notebook = (cells: { cell_type: string; source: string | string[] }[]): string =>
      JSON.stringify({ cells: cells.map((cell) => ({ ...cell, metadata: {} })), metadata: {}, nbformat: 4 });
    await writeFiles(dir, {
      "train.ipynb": notebook([
        { cell_type: "markdown", source: "import notes\n" },
        { cell_type: "code", source: ["import features\n", "from model import build\n"] },
        { cell_type: "code", source: "import pandas as pd" },
      ]),
      "evaluate.ipynb": notebook([{ cell_type: "code", source: "print(1)" }]),
      "features.py": "",
      "model.py": "",
      "notes.py": "",
      "requirements.txt": "pandas\nscikit-learn\n",
    });
    expect(await detectTraining(dir)).toMatchObject({
      command: "jupyter execute train.ipynb",
      commandFrom: "train.ipynb",
      evaluateCommand: "jupyter execute evaluate.ipynb",
      inputs: ["features.py", "model.py"],
      setup: { kind: "python", environment: { installer: "pip", file: "requirements.txt" } },
      setupFrom: "train.ipynb; version from the default; pip from requirements.txt",
      notes: [
        "train.ipynb and evaluate.ipynb run with `jupyter execute`: add nbclient and ipykernel to requirements.txt, or the workflows cannot run them",
      ],
    });
    // What runs notebooks, named in the environment file, silences the note; half of it names the other half.
    await writeFiles(dir, { "requirements.txt": "pandas\njupyter==1.1.1\n" });
    expect((await detectTraining(dir)).notes).toEqual([]);
    await writeFiles(dir, { "requirements.txt": "nbclient>=0.10\nipykernel\n" });
    expect((await detectTraining(dir)).notes).toEqual([]);
    await writeFiles(dir, { "requirements.txt": "nbconvert\n" });
    expect((await detectTraining(dir)).notes).toEqual([
      "train.ipynb and evaluate.ipynb run with `jupyter execute`: add ipykernel to requirements.txt, or the workflows cannot run them",
    ]);
    // A script of the same name is the more explicit entry point.
    await writeFiles(dir, { "train.py": "" });
    expect(await detectTraining(dir)).toMatchObject({ command: "python train.py", commandFrom: "train.py" });
  });

  it("a notebook without an environment file: Python with the note on what to install; a broken one names nothing", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.ipynb": JSON.stringify({ cells: [], metadata: {}, nbformat: 4 }) });
    expect(await detectTraining(dir)).toMatchObject({
      command: "jupyter execute train.ipynb",
      setup: { kind: "python", version: "3.12" },
      notes: [
        expect.stringMatching(/^no Python environment file/),
        "train.ipynb runs with `jupyter execute`: install nbclient and ipykernel in the workflows' marked step, or the workflows cannot run it",
      ],
    });
    // A notebook over the size init reads (READ_LIMITS.projectFile) is run, not read: it names no modules.
    const big = JSON.stringify({
      cells: [{ cell_type: "code", source: "import features\n" }],
      pad: "x".repeat(READ_LIMITS.projectFile),
    });
    await writeFiles(dir, { "train.ipynb": big, "features.py": "" });
    expect(await detectTraining(dir)).toMatchObject({ command: "jupyter execute train.ipynb", inputs: null });
    // A notebook that is not JSON still runs as one (jupyter says what is wrong with it); it names no modules.
    await writeFiles(dir, { "train.ipynb": "{ not a notebook", "features.py": "" });
    expect(await detectTraining(dir)).toMatchObject({ command: "jupyter execute train.ipynb", inputs: null });
  });

  it("Node: an npm train script, with the version from .nvmrc, else engines, else 22", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "package.json": JSON.stringify({ scripts: { train: "node train.mjs", evaluate: "node eval.mjs" } }),
      ".nvmrc": "v20.11.1\n",
    });
    expect(await detectTraining(dir)).toMatchObject({
      command: "npm run train",
      commandFrom: "package.json script train",
      evaluateCommand: "npm run evaluate",
      setup: { kind: "node", version: "20.11.1" },
      setupFrom: "package.json; version from .nvmrc",
    });

    const engines = await tempDir();
    await writeFiles(engines, {
      "package.json": JSON.stringify({ scripts: { train: "x" }, engines: { node: ">=18 <22" } }),
    });
    expect((await detectTraining(engines)).setup).toEqual({ kind: "node", version: "20" });

    const bare = await tempDir();
    await writeFiles(bare, { "package.json": JSON.stringify({ scripts: { train: "x" } }) });
    expect((await detectTraining(bare)).setup).toEqual({ kind: "node", version: "22" });
  });

  it("Node: a train.mjs at the top, with no npm script, runs with node", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.mjs": "", "evaluate.js": "", ".nvmrc": "22\n" });
    expect(await detectTraining(dir)).toMatchObject({
      command: "node train.mjs",
      commandFrom: "train.mjs",
      evaluateCommand: "node evaluate.js",
      setup: { kind: "node", version: "22" },
      // No package.json here: the runtime line names what it read.
      setupFrom: "train.mjs; version from .nvmrc",
    });
    // Python's script first when both are there.
    await writeFiles(dir, { "train.py": "" });
    expect(await detectTraining(dir)).toMatchObject({ command: "python train.py", setup: { kind: "python" } });
  });

  it("a package.json without a train script sets up nothing", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "package.json": JSON.stringify({ scripts: { lint: "eslint ." } }) });
    expect(await detectTraining(dir)).toMatchObject({ command: null, setup: null });
  });

  it("Makefile: a train target (not a variable named train), with Python set up when the repo is Python", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      Makefile:
        "train := data/train.csv\n\ntrain: data\n\tpython -m churn.train\n\nevaluate:\n\tpython -m churn.eval\n",
      "requirements.txt": "",
    });
    expect(await detectTraining(dir)).toMatchObject({
      command: "make train",
      commandFrom: "Makefile target train",
      evaluateCommand: "make evaluate",
      setup: { kind: "python", version: "3.12" },
    });

    const onlyVariable = await tempDir();
    await writeFiles(onlyVariable, { Makefile: "train := data/train.csv\nall:\n\techo\n" });
    expect((await detectTraining(onlyVariable)).command).toBeNull();
  });

  it("nothing found: no command and no runtime", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "README.md": "# a model\n" });
    expect(await detectTraining(dir)).toEqual({
      command: null,
      commandFrom: null,
      evaluateCommand: null,
      evaluateFrom: null,
      outputs: null,
      inputs: null,
      params: null,
      metricsFiles: null,
      setup: null,
      setupFrom: null,
      dvc: null,
      notes: [],
    });
  });

  it("--python and --node override what was detected", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "package.json": JSON.stringify({ scripts: { train: "x" } }), ".nvmrc": "20\n" });
    expect((await detectTraining(dir, { python: "3.13" })).setup).toEqual({ kind: "python", version: "3.13" });
    expect((await detectTraining(dir, { node: "24" })).setup).toEqual({ kind: "node", version: "24" });
  });
});

describe("versions from ranges", () => {
  it.each([
    [">=3.9", "3.12"],
    [">=3.13", "3.13"],
    [">=3.8,<3.12", "3.11"],
    ["~=3.10", "3.12"],
    ["~=3.10.4", "3.10"],
    ["==3.11.*", "3.11"],
    [">=3.9, !=3.12.*", "3.11"],
    [">=4", undefined],
  ])("requires-python %s -> %s", (specifier, expected) => {
    expect(pythonForSpecifier(specifier)).toBe(expected);
  });

  it.each([
    [">=20.19", "22"],
    ["^20.11.0", "20"],
    ["18 || 20", "20"],
    [">=18 <22", "20"],
    [">= 24", "24"],
    ["20.x", "20"],
    ["*", "22"],
    [">22", "24"],
    ["<16", undefined],
  ])("engines.node %s -> %s", (range, expected) => {
    expect(nodeForRange(range)).toBe(expected);
  });

  it("pinned version files: a version, lts alias or nothing usable", () => {
    expect(pinnedVersion("v20.11.1\n")).toBe("20.11.1");
    expect(pinnedVersion("# comment\n3.12\n")).toBe("3.12");
    expect(pinnedVersion("lts/iron")).toBe("lts/iron");
    expect(pinnedVersion("my-virtualenv")).toBeUndefined();
    expect(pinnedVersion('3.12"; rm -rf /')).toBeUndefined();
  });
});
