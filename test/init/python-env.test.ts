import { describe, expect, it } from "vitest";
import { detectTraining } from "../../src/init/detect.ts";
import { detectPythonEnvironment } from "../../src/init/python-env.ts";
import { ProjectFiles } from "../../src/init/project-files.ts";
import { tomlOutline } from "../../src/init/toml-outline.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Which tool installs a Python project's dependencies, from real project folders (each shape as its tool writes it). */

const POETRY_PYPROJECT = `[tool.poetry]
name = "churn"
version = "0.1.0"
description = "a [bracketed] description # not a comment"

[tool.poetry.dependencies]
python = "^3.11"
scikit-learn = { version = "^1.5", extras = ["all"] }

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
`;

const UV_PYPROJECT = `[project]
name = "churn"
requires-python = ">=3.11"
dependencies = [
    "pandas>=2",   # data
    "scikit-learn",
]

[tool.uv]
dev-dependencies = ["pytest"]
`;

const PIPFILE = `[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
scikit-learn = "*"

[requires]
python_version = "3.11"
`;

async function environmentOf(files: Record<string, string>) {
  const dir = await tempDir();
  await writeFiles(dir, files);
  return detectPythonEnvironment(new ProjectFiles(dir));
}

describe("the tool that installs the dependencies", () => {
  it.each([
    ["requirements.txt", { "requirements.txt": "pandas\n" }, "pip", "requirements.txt", null, "requirements.txt"],
    [
      "pyproject.toml with [project]",
      { "pyproject.toml": '[project]\nname = "churn"\ndependencies = ["pandas"]\n' },
      "pip",
      "pyproject.toml",
      null,
      "[project] in pyproject.toml",
    ],
    [
      "uv.lock",
      { "pyproject.toml": UV_PYPROJECT, "uv.lock": "version = 1\n" },
      "uv",
      "pyproject.toml",
      "uv.lock",
      "uv.lock",
    ],
    ["[tool.uv]", { "pyproject.toml": UV_PYPROJECT }, "uv", "pyproject.toml", null, "[tool.uv] in pyproject.toml"],
    [
      "poetry.lock",
      { "pyproject.toml": '[project]\nname = "churn"\n', "poetry.lock": "# lock\n" },
      "poetry",
      "pyproject.toml",
      "poetry.lock",
      "poetry.lock",
    ],
    [
      "[tool.poetry]",
      { "pyproject.toml": POETRY_PYPROJECT },
      "poetry",
      "pyproject.toml",
      null,
      "[tool.poetry] in pyproject.toml",
    ],
    [
      "Pipfile and its lock",
      { Pipfile: PIPFILE, "Pipfile.lock": "{}" },
      "pipenv",
      "Pipfile",
      "Pipfile.lock",
      "Pipfile.lock",
    ],
    ["Pipfile alone", { Pipfile: PIPFILE }, "pipenv", "Pipfile", null, "Pipfile"],
    [
      "environment.yml",
      {
        "environment.yml":
          "name: churn\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - pip:\n      - mlflow\n",
      },
      "conda",
      "environment.yml",
      null,
      "environment.yml",
    ],
    [
      "conda.yaml (MLflow's name)",
      { "conda.yaml": "dependencies: [python=3.10, scikit-learn]\n" },
      "conda",
      "conda.yaml",
      null,
      "conda.yaml",
    ],
  ])("%s", async (_, files, installer, file, lockfile, from) => {
    expect(await environmentOf(files)).toEqual({ environment: { installer, file, lockfile }, from, notes: [] });
  });

  it("a lockfile says more than a table; conda wins over the requirements.txt its environment may name", async () => {
    expect(
      (await environmentOf({ "pyproject.toml": POETRY_PYPROJECT, "uv.lock": "", "requirements.txt": "" })).environment
        ?.installer,
    ).toBe("uv");
    expect(
      (await environmentOf({ "environment.yml": "dependencies: [python]\n", "requirements.txt": "pandas\n" }))
        .environment?.installer,
    ).toBe("conda");
    expect(
      (await environmentOf({ "pyproject.toml": UV_PYPROJECT, "requirements.txt": "" })).environment?.installer,
    ).toBe("uv");
  });

  it("a pyproject.toml that only configures tools is no environment; nothing at all is none", async () => {
    expect(await environmentOf({ "pyproject.toml": "[tool.ruff]\nline-length = 100\n" })).toEqual({
      environment: null,
      from: null,
      notes: [],
    });
    expect(await environmentOf({ "train.py": "" })).toEqual({ environment: null, from: null, notes: [] });
  });

  it("malformed files count as absent, each with a note naming the file and the line; the next file is used", async () => {
    const found = await environmentOf({
      "pyproject.toml": '[project]\nname = "churn"\nthis is not toml\n[tool.uv]\n',
      "uv.lock": "",
      Pipfile: '[packages\npandas = "*"\n',
      "environment.yml": "dependencies: [python\n",
      "conda.yaml": "name: only-a-name\n",
      "requirements.txt": "pandas\n",
    });
    expect(found.environment).toEqual({ installer: "pip", file: "requirements.txt", lockfile: null });
    expect(found.notes).toHaveLength(4);
    expect(found.notes[0]).toMatch(/^environment\.yml is not valid YAML \(.+\): ignored$/);
    expect(found.notes.slice(1)).toEqual([
      "conda.yaml has no `dependencies:` list, so it is not a conda environment file: ignored",
      "pyproject.toml is not valid TOML (line 3: expected [table] or key = value): ignored",
      "Pipfile is not valid TOML (line 1: expected [table] or key = value): ignored",
    ]);
  });
});

describe("the Python environment in what init detects", () => {
  it("the runtime carries the installer; init's notes say when no environment file was found", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.py": "", "pyproject.toml": POETRY_PYPROJECT, "poetry.lock": "" });
    const training = await detectTraining(dir);
    expect(training.setup).toEqual({
      kind: "python",
      version: "3.12",
      environment: { installer: "poetry", file: "pyproject.toml", lockfile: "poetry.lock" },
    });
    expect(training.setupFrom).toBe("train.py; version from the default; poetry from poetry.lock");

    const bare = await tempDir();
    await writeFiles(bare, { "train.py": "" });
    const none = await detectTraining(bare, { python: "3.13" });
    expect(none.setup).toEqual({ kind: "python", version: "3.13" });
    expect(none.notes).toEqual([
      "no Python environment file (requirements.txt, pyproject.toml, Pipfile, environment.yml, environment.yaml, conda.yaml): the workflows set up Python only; install what training needs in their marked step",
    ]);
  });

  it("a conda environment file alone makes the project Python", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "environment.yaml": "dependencies: [python=3.11]\n", Makefile: "train:\n\t./fit\n" });
    expect((await detectTraining(dir)).setup).toMatchObject({
      kind: "python",
      environment: { installer: "conda", file: "environment.yaml" },
    });
  });
});

describe("reading TOML's outline", () => {
  it("tables in order, arrays and inline tables over lines, brackets and # inside strings", () => {
    expect(tomlOutline(POETRY_PYPROJECT)).toEqual({
      tables: ["tool.poetry", "tool.poetry.dependencies", "build-system"],
      error: null,
    });
    expect(tomlOutline(UV_PYPROJECT)).toEqual({ tables: ["project", "tool.uv"], error: null });
    expect(tomlOutline(PIPFILE).tables).toEqual(["source", "packages", "requires"]);
    expect(
      tomlOutline(
        '[ tool . "uv" ]\nx = """\n[not.a.table]\n"""\ny = \'\'\'c:\\path [x]\'\'\'\n"quoted key".sub = 1\nz = { a = [1,\n  2] }\n',
      ),
    ).toEqual({ tables: ["tool.uv"], error: null });
  });

  it.each([
    ["key without value", "name\n", "line 1: expected [table] or key = value"],
    ["an unclosed array", "deps = [\n  'a',\n", "a [ or { is never closed"],
    ["an unclosed multi-line string", 'doc = """\ntext\n', 'a """ string is never closed'],
    ["stray text after a table", "[project]\nname = 'x'\n}\n", "line 3: expected [table] or key = value"],
  ])("%s", (_, text, error) => {
    expect(tomlOutline(text).error).toBe(error);
  });
});
