import { copyFile, mkdir, readFile, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import {
  chooseData,
  chooseTarget,
  fileLiterals,
  roleOf,
  scriptOfCommand,
  type NamedFiles,
} from "../../src/init/data-choice.ts";
import { type DataCandidate, scanDataFiles, SCAN_LIMITS } from "../../src/init/data-files.ts";
import { type DataDetection, detectData } from "../../src/init/data.ts";
import { runCli } from "../helpers/cli.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";
import { REPO, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops init` finding the data (issue 16): the walk and the header reads on real files in every format `mlops
 * validate` reads, the rules that pick data.train, data.eval and data.target, and the CLI's summary, its overrides and
 * its refusals. Every config written here passes `mlops check`.
 */

const env = gitEnv();
const init = (cwd: string, ...args: string[]) => runCli(["init", "--no-workflows", ...args], { cwd, env });
const PEOPLE = path.join(REPO, "test", "fixtures", "data", "people.parquet"); // id, score, team, joined, active, big
const TRUNCATED = path.join(REPO, "test", "fixtures", "data", "truncated.parquet");

const WINE = "fixed_acidity,alcohol,quality\n7.4,9.4,5\n7.8,9.8,5\n";

async function readConfig(dir: string): Promise<{ data: Record<string, unknown> }> {
  return parse(await readFile(path.join(dir, "mlops.yml"), "utf8")) as { data: Record<string, unknown> };
}

async function expectCheckPasses(cwd: string): Promise<void> {
  const check = await runCli(["check"], { cwd, env });
  expect(check.stderr).toBe("");
  expect(check.exitCode).toBe(0);
}

async function initJson(cwd: string, ...args: string[]): Promise<DataDetection> {
  const result = await init(cwd, "--json", ...args);
  expect(result.exitCode, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { detected: { data: DataDetection } }).detected.data;
}

describe("the walk: data files below mlops.yml, heads read in every format", () => {
  it("reads the columns of CSV, TSV, gzip CSV, JSON Lines and Parquet files, past tool and environment folders", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "data/a.csv": "x,y,label\n1,2,a\n",
      "data/b.tsv": "x\ty\n1\t2\n",
      "data/c.csv.gz": gzipSync("p,q\n1,2\n"),
      "data/d.jsonl": '{"u": 1, "v": "a"}\n{"u": 2, "v": "b"}\n',
      ".git/e.csv": "x\n1\n",
      "node_modules/pkg/f.csv": "x\n1\n",
      "__pycache__/g.csv": "x\n1\n",
      ".mlops/h.csv": "x\n1\n",
      ".dvc/cache/i.csv": "x\n1\n",
      "lib/site-packages/sklearn/datasets/iris.csv": "x\n1\n",
      ".tox/py312/j.csv": "x\n1\n",
      "notebooks/.ipynb_checkpoints/k.csv": "x\n1\n",
      // A virtualenv and a conda environment under names that say nothing: their markers give them away.
      "tools/pyvenv.cfg": "home = /usr/bin\n",
      "tools/lib/l.csv": "x\n1\n",
      "envs/ml/conda-meta/history": "",
      "envs/ml/share/m.csv": "x\n1\n",
      "requirements.txt": "pandas\n",
    });
    await copyFile(PEOPLE, path.join(dir, "data", "e.parquet"));

    const scan = await scanDataFiles(dir);
    expect(scan.unreadable).toEqual([]);
    expect(scan.truncated).toBeNull();
    expect(scan.candidates.map((c) => [c.path, c.format, c.columns])).toEqual([
      ["data/a.csv", "csv", ["x", "y", "label"]],
      ["data/b.tsv", "tsv", ["x", "y"]],
      ["data/c.csv.gz", "csv", ["p", "q"]],
      ["data/d.jsonl", "jsonl", ["u", "v"]],
      ["data/e.parquet", "parquet", ["id", "score", "team", "joined", "active", "big"]],
    ]);
  });

  it("a header longer than the first read (wide data) is read whole: the buffer grows for it", async () => {
    const dir = await tempDir();
    const names = Array.from({ length: 8000 }, (_, i) => `feature_${i}`);
    await writeFiles(dir, { "wide.csv": `${names.join(",")},target\n${names.map(() => "1").join(",")},0\n` });
    const scan = await scanDataFiles(dir);
    expect(scan.candidates[0]?.columns).toEqual([...names, "target"]);
  });

  it("never looks above mlops.yml: in a monorepo's subfolder the repository's other data is not a candidate", async () => {
    const root = await tempDir();
    await writeFiles(root, { "shared/big.csv": "a,b\n1,2\n", "models/churn/data/train.csv": "a,churn\n1,0\n" });
    const scan = await scanDataFiles(path.join(root, "models", "churn"));
    expect(scan.candidates.map((c) => c.path)).toEqual(["data/train.csv"]);
  });

  it("follows a link to a file (DVC links data from its cache), not a link to a folder", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "store/real.csv": "a,b\n1,2\n" });
    await mkdir(path.join(dir, "data"));
    await symlink(path.join(dir, "store", "real.csv"), path.join(dir, "data", "linked.csv"));
    await symlink(path.join(dir, "store"), path.join(dir, "loop"));
    const scan = await scanDataFiles(dir);
    expect(scan.candidates.map((c) => c.path)).toEqual(["data/linked.csv", "store/real.csv"]);
  });

  it("skips a folder laid out as a folder registry whatever its name, and the folders mlops.yml names", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "train.csv": "x,label\n1,0\n",
      // A registry under a name of the user's: a published version's manifest gives it away.
      "store/churn/versions/v1/manifest.json": "{}",
      "store/churn/versions/v1/attachments/predictions/predictions.csv": "label,prediction\n0,0\n",
      "store/churn/versions/v1/files/data/train.csv": "x,label\n1,0\n",
      // The same shape with no manifest is no registry: the project's own folders are searched.
      "archive/churn/versions/v1/part.csv": "x,label\n1,0\n",
      // registry.uri of the mlops.yml init replaces: skipped by name, before any version is published there.
      "models/staging.csv": "x,label\n1,0\n",
    });
    const scan = await scanDataFiles(dir, SCAN_LIMITS, ["models"]);
    expect(scan.candidates.map((c) => c.path)).toEqual(["archive/churn/versions/v1/part.csv", "train.csv"]);
  });

  it("stops at its limits and says so", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "a/b/c/deep.csv": "x\n1\n", "top.csv": "x\n1\n" });
    const shallow = await scanDataFiles(dir, { ...SCAN_LIMITS, depth: 2 });
    expect(shallow.candidates.map((c) => c.path)).toEqual(["top.csv"]);
    expect(shallow.truncated).toBe("did not look deeper than 2 folders below mlops.yml");
    const few = await scanDataFiles(dir, { ...SCAN_LIMITS, entries: 1 });
    expect(few.truncated).toBe("stopped after 1 files and folders");
  });

  it("a file it cannot read is skipped with the reason; a first row of data is not taken for names", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dup.csv": "a,b,a\n1,2,3\n",
      "broken.jsonl": '{"a": 1\n',
      "empty.csv": "",
      "data/prepared/train.tsv": "3\t1\tsome text\n4\t0\tmore text\n",
    });
    await copyFile(TRUNCATED, path.join(dir, "cut.parquet"));
    const scan = await scanDataFiles(dir);
    expect(scan.candidates).toEqual([
      {
        path: "data/prepared/train.tsv",
        format: "tsv",
        size: Buffer.byteLength("3\t1\tsome text\n4\t0\tmore text\n"),
        columns: [],
        headerless: true,
        fields: 3,
      },
    ]);
    expect(scan.unreadable.map((u) => u.path)).toEqual(["broken.jsonl", "cut.parquet", "dup.csv", "empty.csv"]);
    const reasons = Object.fromEntries(scan.unreadable.map((u) => [u.path, u.reason]));
    expect(reasons["dup.csv"]).toBe('column "a" appears twice in the header');
    expect(reasons["broken.jsonl"]).toMatch(/^line 1 is not valid JSON/);
    expect(reasons["cut.parquet"]).toMatch(/^not a readable Parquet file/);
    expect(reasons["empty.csv"]).toBe("empty.csv is empty");
  });
});

const candidate = (file: string, columns: string[], size = 100): DataCandidate => ({
  path: file,
  format: "csv",
  size,
  columns,
  headerless: false,
  fields: columns.length,
});
const nothingNamed: NamedFiles = { paths: [], by: null };

describe("the rules: which files, which column", () => {
  it("names: train beside eval/test/valid in the same folder; outputs of a pipeline are never data", () => {
    expect(["data/train.csv", "wine_training.parquet", "data/train/part-0.csv", "X_train.csv"].map(roleOf)).toEqual([
      "train",
      "train",
      "train",
      "train",
    ]);
    expect(["test.csv", "data/valid.csv", "holdout.tsv", "data/train/x_test.csv"].map(roleOf)).toEqual([
      "eval",
      "eval",
      "eval",
      "eval",
    ]);
    expect(["predictions.csv", "metrics.csv", "iris.csv", "contest.csv"].map(roleOf)).toEqual([
      "output",
      "output",
      null,
      null,
    ]);
    const choice = chooseData(
      [
        candidate("archive/train.csv", ["a", "y"]),
        candidate("data/test.csv", ["a", "y"]),
        candidate("data/train.csv", ["a", "y"]),
        candidate("data/valid.csv", ["a", "y"]),
        candidate("predictions.csv", ["label", "prediction"], 10_000),
      ],
      nothingNamed,
    );
    expect(choice.train?.path).toBe("data/train.csv");
    expect(choice.eval?.path).toBe("data/valid.csv"); // a validation set before a test set
    expect(choice.from).toBe("file names (train.csv, valid.csv) in data/");
    expect(choice.others).toEqual(["archive/train.csv", "data/test.csv", "predictions.csv"]);
  });

  it("a file the training code names wins over names; a single file is the training data; else the largest", () => {
    const files = [candidate("data/train.csv", ["a", "y"]), candidate("data/wine.csv", ["a", "y"])];
    const named = chooseData(files, { paths: ["data/wine.csv"], by: "train.py" });
    expect([named.train?.path, named.eval, named.from]).toEqual(["data/wine.csv", null, "named by train.py"]);
    const single = chooseData([candidate("wine-quality.csv", ["a", "quality"])], nothingNamed);
    expect([single.train?.path, single.eval, single.from]).toEqual(["wine-quality.csv", null, "the only data file"]);
    const largest = chooseData(
      [candidate("lookup.csv", ["a"], 10), candidate("sales.csv", ["a"], 900), candidate("test.csv", ["a"], 5000)],
      nothingNamed,
    );
    expect([largest.train?.path, largest.eval?.path, largest.from]).toEqual([
      "sales.csv",
      "test.csv",
      "the largest of 2 data files",
    ]);
  });

  it("the target: a common name in any case, else the last column, a guess unless the training code names the file", () => {
    expect(chooseTarget(["fixed acidity", "alcohol", "Quality"], "wine.csv", null)).toEqual({
      column: "Quality",
      from: "a common name for a target column",
      guessed: false,
    });
    expect(chooseTarget(["a", "label", "target"], "x.csv", null).column).toBe("target");
    expect(chooseTarget(["a", "fraud_label", "b"], "x.csv", null).column).toBe("fraud_label");
    expect(chooseTarget(["sepal", "petal", "kind"], "iris.csv", "train.py")).toEqual({
      column: "kind",
      from: "the last column of iris.csv, which train.py reads",
      guessed: false,
    });
    expect(chooseTarget(["sepal", "petal", "kind"], "iris.csv", null)).toEqual({
      column: "kind",
      from: "a guess: the last column of iris.csv",
      guessed: true,
    });
  });

  it("the training script: from the command, and the data files its string literals name", () => {
    expect(scriptOfCommand("python train.py --epochs 3")).toBe("train.py");
    expect(scriptOfCommand("python3 ./src/train.py")).toBe("src/train.py");
    expect(scriptOfCommand("python -m src.models.train")).toBe("src/models/train.py");
    expect(scriptOfCommand("make train")).toBeNull();
    expect(
      fileLiterals(
        'df = pd.read_csv("./data/wine.csv")\nX = pd.read_parquet(f"{DATA}/features.parquet")\nopen("model.pkl")\n',
      ),
    ).toEqual(["data/wine.csv", "{DATA}/features.parquet"]);
  });

  it("a notebook names its data in its code cells (not in its prose): train.ipynb's file is data.train", async () => {
    const dir = await tempDir();
    const cells = [
      { cell_type: "markdown", source: ['An older extract: "data/old.csv"\n'] },
      { cell_type: "code", source: ["import pandas as pd\n", 'df = pd.read_csv("data/churn.csv")\n'] },
    ];
    await writeFiles(dir, {
      "train.ipynb": JSON.stringify({ cells, metadata: {}, nbformat: 4 }),
      "data/old.csv": "a,b,churned\n1,2,0\n1,2,0\n1,2,0\n",
      "data/churn.csv": "a,b,churned\n1,2,0\n",
    });
    expect(scriptOfCommand("jupyter execute train.ipynb")).toBe("train.ipynb");
    const data = await detectData({ configDir: dir, cwd: dir, trainCommand: "jupyter execute train.ipynb" });
    expect([data.train, data.trainFrom, data.target]).toEqual(["data/churn.csv", "named by train.ipynb", "churned"]);
  });

  it("an eval file without the target column (a Kaggle-style test.csv) is not data.eval", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.csv": "id,a,Survived\n1,2,0\n", "test.csv": "id,a\n3,4\n" });
    const data = await detectData({ configDir: dir, cwd: dir, trainCommand: null });
    expect([data.train, data.eval, data.target]).toEqual(["train.csv", null, "Survived"]);
    expect(data.notes).toEqual([
      "test.csv has no column Survived, so it is not data.eval (a test file without labels cannot score a model)",
    ]);
    expect(data.others).toEqual(["test.csv"]);
  });

  it("dvc.yaml's train stage names its data: a folder of deps counts", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dvc.yaml":
        "stages:\n  featurize:\n    cmd: python featurize.py\n    deps: [data/raw.csv]\n  train:\n    cmd: python train.py\n    deps: [data/features, train.py]\n",
      "data/raw.csv": "text,label\nhello,1\n",
      "data/features/train.parquet": "",
      "data/features/test.parquet": "",
    });
    await copyFile(PEOPLE, path.join(dir, "data", "features", "train.parquet"));
    await copyFile(PEOPLE, path.join(dir, "data", "features", "test.parquet"));
    const data = await detectData({ configDir: dir, cwd: dir, trainCommand: "python train.py" });
    expect(data).toMatchObject({
      train: "data/features/train.parquet",
      trainFrom: "named by dvc.yaml stage train",
      eval: "data/features/test.parquet",
      target: "big",
      targetFrom: "the last column of data/features/train.parquet, which dvc.yaml stage train reads",
      others: ["data/raw.csv"],
    });
  });
  it("the script of dvc.yaml's train stage is read too; a malformed dvc.yaml names nothing and breaks nothing", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dvc.yaml": "stages:\n  train:\n    cmd: python src/train.py\n    deps: [src/train.py]\n",
      "src/train.py": 'frame = pandas.read_csv("data/red.csv")\n',
      "data/red.csv": "a,b\n1,2\n",
      "data/white.csv": "a,b\n1,2\n3,4\n",
    });
    const named = await detectData({ configDir: dir, cwd: dir, trainCommand: "dvc repro" });
    expect([named.train, named.trainFrom, named.targetFrom]).toEqual([
      "data/red.csv",
      "named by src/train.py",
      "the last column of data/red.csv, which src/train.py reads",
    ]);
    await writeFiles(dir, { "dvc.yaml": "stages: [unclosed\n" });
    const malformed = await detectData({ configDir: dir, cwd: dir, trainCommand: null });
    expect([malformed.train, malformed.trainFrom, malformed.targetGuessed]).toEqual([
      "data/white.csv",
      "the largest of 2 data files",
      true,
    ]);
  });
});

describe("mlops init: the data in mlops.yml and in the summary", () => {
  it("wine quality: one CSV becomes data.train, quality the target, data.eval left as a comment", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "wine-quality.csv": WINE, "train.py": 'data = pandas.read_csv("wine-quality.csv")\n' });
    const result = await init(dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("Data: data.train wine-quality.csv (named by train.py), no data.eval.");
    expect(result.stdout).toContain(
      "Target: quality (a common name for a target column). Change it: `npx mlops-kit config set data.target <column>` or init --target <column>.",
    );
    const text = await readFile(path.join(dir, "mlops.yml"), "utf8");
    expect(text).toContain(
      "data:\n  # data.train: named by train.py.\n  # data.target: a common name for a target column.\n  train: wine-quality.csv",
    );
    expect(text).toContain("  # eval: data/eval.csv");
    expect((await readConfig(dir)).data).toEqual({
      train: "wine-quality.csv",
      target: "quality",
      schema: { columns: { quality: { nullable: false } }, rows: { min: 1 } },
    });
    await expectCheckPasses(dir);
  });

  it("several candidates: one chosen by the rule, the others listed with how to pick one", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "data/train.csv": WINE,
      "data/test.csv": WINE,
      "data/extra.jsonl": '{"a": 1}\n',
      "notes/summary.tsv": "k\tv\nx\ty\n",
    });
    const result = await init(dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "Data: data.train data/train.csv and data.eval data/test.csv (file names (train.csv, test.csv) in data/).",
    );
    expect(result.stdout).toContain(
      "  Also found: data/extra.jsonl, notes/summary.tsv. To use another: init --data <path> [--eval <path>], or `npx mlops-kit config set data.train <path>`.",
    );
    expect((await readConfig(dir)).data).toMatchObject({ train: "data/train.csv", eval: "data/test.csv" });
    await expectCheckPasses(dir);
  });

  it("a candidate it cannot read is named in the summary with why, and the others are still used", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.csv": WINE });
    await copyFile(TRUNCATED, path.join(dir, "features.parquet"));
    const data = await initJson(dir);
    expect(data.train).toBe("train.csv");
    expect(data.unreadable).toEqual([
      { path: "features.parquet", reason: expect.stringMatching(/^not a readable Parquet file/) as unknown },
    ]);
    const result = await init(dir, "--force");
    expect(result.stdout).toMatch(/\n {2}Not read: features\.parquet: not a readable Parquet file .*\.\n/);
  });

  it("no candidate: the placeholders stay and the summary says how to set them", async () => {
    const dir = await tempDir();
    const result = await init(dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "Data: no CSV, TSV, JSON Lines or Parquet file found below the folder of mlops.yml; data.train and data.target are placeholders.",
    );
    expect(result.stdout).toContain("`npx mlops-kit config set data.train <path>`");
    expect((await readConfig(dir)).data).toMatchObject({
      train: "data/train.csv",
      eval: "data/eval.csv",
      target: "label",
    });
    await expectCheckPasses(dir);
  });

  it("a headerless TSV (DVC's prepared data): no names guessed; the summary says how to use data.header: false", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "data/prepared/train.tsv": "3\t1\tsome text\n4\t0\tmore text\n" });
    const result = await init(dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "  data/prepared/train.tsv: the first row looks like data, not column names: if the file has no header, set\n" +
        "  `data.header: false` and name its 3 columns in order under data.schema.columns (init does not guess names).",
    );
    expect(result.stdout).toContain(
      "Target: not chosen (no column names to choose from); data.target is a placeholder.",
    );
    const text = await readFile(path.join(dir, "mlops.yml"), "utf8");
    expect(text).toContain("  # header: false ");
    expect((await readConfig(dir)).data).toMatchObject({ train: "data/prepared/train.tsv", target: "label" });
    await expectCheckPasses(dir);
  });

  it("in a monorepo's subfolder: only the subfolder's data, written relative to its mlops.yml", async () => {
    const root = await tempDir();
    await gitRepo(root, { remote: "https://github.com/acme/platform.git" });
    await git(root, "symbolic-ref", "HEAD", "refs/heads/main");
    const sub = path.join(root, "models", "churn");
    await writeFiles(root, {
      "shared/customers.csv": "id,plan\n1,a\n",
      "models/churn/data/train.csv": "id,churn\n1,0\n",
    });
    const data = await initJson(sub);
    expect([data.train, data.target, data.others]).toEqual(["data/train.csv", "churn", []]);
    await expectCheckPasses(sub);
  });

  it("--data, --eval and --target override; --data is relative to where init runs", async () => {
    const root = await tempDir();
    await gitRepo(root);
    await writeFiles(root, { "models/m/.keep": "", "data/sales.csv": "a,b,amount\n1,2,3\n" });
    await copyFile(PEOPLE, path.join(root, "data", "later.parquet"));
    const sub = path.join(root, "models", "m");
    const result = await runCli(
      [
        "init",
        "--no-workflows",
        "--config",
        "models/m/mlops.yml",
        "--data",
        "data/sales.csv",
        "--target",
        "amount",
        "--eval",
        "data/*.parquet",
      ],
      { cwd: root, env },
    );
    // The parquet file has no column amount: an evaluation file without the target is refused.
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: --eval: data/later.parquet has no column "amount"');
    expect(existsSync(path.join(sub, "mlops.yml"))).toBe(false);

    await writeFiles(root, { "data/holdout.csv": "a,b,amount\n4,5,6\n" });
    const ok = await runCli(
      [
        "init",
        "--no-workflows",
        "--config",
        "models/m/mlops.yml",
        "--data",
        "data/sales.csv",
        "--eval",
        "data/holdout.csv",
        "--target",
        "amount",
      ],
      { cwd: root, env },
    );
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(
      "Data: data.train ../../data/sales.csv (--data), data.eval ../../data/holdout.csv (--eval).",
    );
    expect((await readConfig(sub)).data).toMatchObject({
      train: "../../data/sales.csv",
      eval: "../../data/holdout.csv",
      target: "amount",
      schema: { columns: { amount: { nullable: false } } },
    });
  });

  it("--data with a train file pairs the eval file beside it; a glob is kept as a glob", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "data/train.csv": WINE,
      "data/test.csv": WINE,
      "shards/part-1.csv": WINE,
      "shards/part-2.csv": WINE,
    });
    const paired = await initJson(dir, "--data", "data/train.csv");
    expect([paired.train, paired.eval, paired.evalFrom]).toEqual([
      "data/train.csv",
      "data/test.csv",
      "its name, beside data/train.csv",
    ]);
    const globbed = await initJson(dir, "--force", "--data", "shards/*.csv", "--target", "alcohol");
    expect([globbed.train, globbed.eval, globbed.target]).toEqual(["shards/*.csv", null, "alcohol"]);
    await expectCheckPasses(dir);
  });

  it("refuses a --data that is missing or unreadable and a --target not among the columns, writing nothing", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "data/train.csv": WINE, "model.pkl": "\u0000binary" });
    await copyFile(TRUNCATED, path.join(dir, "cut.parquet"));
    const cases: [string[], string, string][] = [
      [
        ["--data", "data/trian.csv"],
        "error: --data data/trian.csv: no such file",
        "hint: did you mean data/train.csv?",
      ],
      [
        ["--data", "data/*.parquet"],
        "error: --data data/*.parquet: no file matches",
        "hint: data files found here: data/train.csv",
      ],
      [
        ["--data", "cut.parquet"],
        "error: --data cut.parquet: cannot be read as data: not a readable Parquet file",
        "nothing was written",
      ],
      [
        ["--data", "model.pkl"],
        "error: --data model.pkl: cannot be read as data: cannot tell the format",
        "init reads CSV, TSV, JSON Lines",
      ],
      [
        ["--target", "qualty"],
        'error: --target: data/train.csv has no column "qualty"',
        "hint: did you mean quality? its columns: fixed_acidity, alcohol, quality",
      ],
    ];
    for (const [args, message, hint] of cases) {
      const result = await init(dir, ...args);
      expect(result.exitCode, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain(hint);
      expect(existsSync(path.join(dir, "mlops.yml"))).toBe(false);
    }
  });

  it("init --workflows reads the data from mlops.yml: --data, --eval and --target are refused", async () => {
    const dir = await tempDir();
    for (const flag of ["--data", "--eval", "--target"]) {
      const result = await runCli(["init", "--workflows", flag, "x"], { cwd: dir, env });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`not ${flag}`);
    }
  });
});
