import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ProjectFiles } from "../../src/init/project-files.ts";
import { localImports, pythonScriptOf } from "../../src/init/python-imports.ts";
import { tempDir } from "../helpers/temp.ts";

/** init lists the project's own modules a training script imports in train.inputs, so the run cache sees them. */

async function project(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe("localImports", () => {
  it("follows the script's own modules and packages, through what they import, and skips installed packages", async () => {
    const dir = await project({
      "train.py": [
        "import os, sys",
        "import numpy as np",
        "from sklearn.linear_model import LogisticRegression",
        "from predict import score  # the eval predictions",
        "from pkg.sub import helper",
        "def main():",
        "    import late",
        'text = "import not_a_module"',
      ].join("\n"),
      "predict.py": "import features\n",
      "features.py": "import os\n",
      "late.py": "",
      "pkg/__init__.py": "from .util import y\n",
      "pkg/util.py": "",
      "unrelated.py": "",
    });
    expect(await localImports(new ProjectFiles(dir), "train.py")).toEqual([
      "features.py",
      "late.py",
      "pkg/**",
      "predict.py",
    ]);
  });

  it("resolves imports beside a script in a subfolder, relative ones included, and survives an import cycle", async () => {
    const dir = await project({
      "src/train.py": "from . import config\nfrom .model import build\nimport data\n",
      "src/model.py": "import data\nfrom .train import main\n",
      "src/data.py": "import model\n",
    });
    expect(await localImports(new ProjectFiles(dir), "src/train.py")).toEqual(["src/data.py", "src/model.py"]);
  });

  it("a script that does not exist imports nothing", async () => {
    const dir = await project({});
    expect(await localImports(new ProjectFiles(dir), "train.py")).toEqual([]);
  });
});

describe("pythonScriptOf", () => {
  it("finds the script of a python command, not of a module run or another tool", () => {
    expect(pythonScriptOf("python train.py")).toBe("train.py");
    expect(pythonScriptOf("python3 -u src/train.py --epochs 3")).toBe("src/train.py");
    expect(pythonScriptOf("python -m trainer")).toBeNull();
    expect(pythonScriptOf("dvc repro train")).toBeNull();
    expect(pythonScriptOf("make train")).toBeNull();
  });
});
