import { appendFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheKeyOf, canonicalJson, KEY_PARTS, type KeyMaterial, type KeyPart } from "../../src/cache/key.ts";
import { collectKeyMaterial, filesNamedIn } from "../../src/cache/material.ts";
import { loadConfig } from "../../src/config/load.ts";
import { InputError } from "../../src/errors.ts";
import { writeConfig } from "../helpers/config.ts";
import { stageContext } from "../helpers/context.ts";
import { startS3Server } from "../helpers/s3-server.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { createS3Store } from "../../src/store/s3-store.ts";

const S3RVER = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** The run cache key (DOMAIN.md §5): what goes into it, and that each part changes it. */

async function project(train: string, files: Record<string, string> = {}) {
  const dir = await tempDir();
  await mkdir(path.join(dir, ".git")); // the repository root
  await writeFiles(dir, {
    "train.py": "print('training')\n",
    "src/model.py": "W = 1\n",
    "data/train.csv": "x,y\n1,0\n2,1\n",
    "data/eval.csv": "x,y\n3,1\n",
    ...files,
  });
  await writeConfig(
    dir,
    `version: 1\nmodel: { name: demo }\ndata: { train: data/train.csv, eval: data/eval.csv }\ntrain:\n${train}`,
  );
  const loaded = await loadConfig("mlops.yml", dir);
  return { dir, context: stageContext(loaded) };
}

async function keyOf(context: Awaited<ReturnType<typeof project>>["context"], params: Record<string, unknown> = {}) {
  const outcome = await collectKeyMaterial(context, params);
  if (!outcome.ok) expect.fail(outcome.reason);
  return { material: outcome.material, key: cacheKeyOf(outcome.material) };
}

const TRAIN = "  command: python3.99 train.py --epochs 3\n  inputs: [src/]\n  outputs: [model/]\n";

describe("the key material", () => {
  it("covers the command, params, env, outputs, code, data, lockfiles, platform and runtimes", async () => {
    const { context } = await project(`${TRAIN}  env: { SEED: "1" }\n`, {
      "requirements.txt": "numpy==2.1.0\n",
      "model/old.bin": "an output is never an input",
    });
    const { material, key } = await keyOf(context, { lr: 0.1 });
    expect(material).toMatchObject({
      format: 1,
      model: "demo",
      command: "python3.99 train.py --epochs 3",
      params: { lr: 0.1 },
      env: { SEED: "1" },
      outputs: ["model/"],
      // train.inputs (a folder) plus the script the command names.
      code: [
        { path: "src/model.py", size: 6, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string },
        { path: "train.py", size: 18, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string },
      ],
      data: [
        { path: "data/train.csv", size: 12 },
        { path: "data/eval.csv", size: 8 },
      ],
      lockfiles: [
        { path: "<repo>/requirements.txt", size: 13 },
        { path: "requirements.txt", size: 13 },
      ],
      // An interpreter that is not installed is recorded as such (the command will fail on its own).
      runtimes: { "python3.99": "not found" },
    });
    expect(material.platform).toMatch(new RegExp(`^${process.platform}-${process.arch}`));
    expect(key.id).toBe(`mlops-train-demo-${key.hash}`);
    expect(key.id.length).toBeLessThanOrEqual(512);
    expect(key.id).not.toContain(",");
  });

  it("records the version of an interpreter the command names", async () => {
    const { context } = await project("  command: node train.js\n  outputs: [model/]\n", { "train.js": "" });
    const { material } = await keyOf(context);
    expect(material.runtimes).toEqual({ node: expect.stringMatching(/^v\d+\.\d+\.\d+$/) as string });
  });

  it("records the interpreter a launcher runs the code in: the one on jupyter's #! line, direct or through env", async () => {
    const bin = await tempDir();
    const launcher = async (shebang: string): Promise<void> => {
      await writeFile(path.join(bin, "jupyter"), `${shebang}\n`, { mode: 0o755 });
    };
    const command = "  command: jupyter execute train.ipynb\n  outputs: [model/]\n";
    // train.env's PATH is the one the command runs with: a folder holding a jupyter whose #! names this node.
    const { context } = await project(
      `${command}  env: { PATH: "${bin}${path.delimiter}${process.env.PATH ?? ""}" }\n`,
      {
        "train.ipynb": "{}",
      },
    );
    await launcher(`#!${process.execPath}`);
    expect((await keyOf(context)).material.runtimes).toEqual({ "jupyter's interpreter": process.version });
    await launcher("#!/usr/bin/env -S node --no-warnings");
    expect((await keyOf(context)).material.runtimes).toEqual({
      "jupyter's interpreter": expect.stringMatching(/^v\d+\.\d+\.\d+$/) as string,
    });
    await launcher("not a script");
    expect((await keyOf(context)).material.runtimes).toEqual({
      "jupyter's interpreter": `unknown (no #! line in ${path.join(bin, "jupyter")})`,
    });
    // Without a jupyter on PATH the command fails on its own; the key says so.
    const { context: bare } = await project(`${command}  env: { PATH: "${bin}-missing" }\n`, { "train.ipynb": "{}" });
    expect((await keyOf(bare)).material.runtimes).toEqual({ "jupyter's interpreter": "not found" });
  });

  it("changes with a param or a data byte, and only in that part", async () => {
    const { dir, context } = await project(TRAIN);
    const base = (await keyOf(context, { lr: 0.1 })).key;
    expect((await keyOf(context, { lr: 0.1 })).key).toEqual(base);
    const changed = (next: typeof base): KeyPart[] => {
      expect(next.hash).not.toBe(base.hash);
      return KEY_PARTS.filter((part) => next.parts[part] !== base.parts[part]);
    };
    expect(changed((await keyOf(context, { lr: 0.2 })).key)).toEqual(["params"]);
    await writeFile(path.join(dir, "data/train.csv"), "x,y\n1,0\n2,0\n"); // one byte
    expect(changed((await keyOf(context, { lr: 0.1 })).key)).toEqual(["data"]);
  });

  it("names each changed part: code, lockfiles", async () => {
    const { dir, context } = await project(TRAIN, { "uv.lock": "version = 1\n" });
    const base = (await keyOf(context)).key;
    await appendFile(path.join(dir, "src/model.py"), "# tweak\n");
    const afterCode = (await keyOf(context)).key;
    expect(KEY_PARTS.filter((p) => afterCode.parts[p] !== base.parts[p])).toEqual(["code"]);
    await appendFile(path.join(dir, "uv.lock"), "# re-locked\n");
    const afterLock = (await keyOf(context)).key;
    expect(KEY_PARTS.filter((p) => afterLock.parts[p] !== afterCode.parts[p])).toEqual(["lockfiles"]);
  });

  it("does not depend on the order params were written in", () => {
    const material = (params: Record<string, unknown>): KeyMaterial => ({
      format: 1,
      model: "m",
      command: "c",
      params,
      env: {},
      outputs: [],
      code: [],
      data: [],
      lockfiles: [],
      platform: "p",
      runtimes: {},
    });
    expect(cacheKeyOf(material({ a: 1, b: { c: 2, d: [3, 4] } })).hash).toBe(
      cacheKeyOf(material({ b: { d: [3, 4], c: 2 }, a: 1 })).hash,
    );
    expect(cacheKeyOf(material({ b: { d: [4, 3] } })).hash).not.toBe(cacheKeyOf(material({ b: { d: [3, 4] } })).hash);
    expect(canonicalJson({ b: 1, a: [{ y: 1, x: 2 }] })).toBe('{"a":[{"x":2,"y":1}],"b":1}');
  });

  it("refuses an input pattern that matches nothing, pointing at it", async () => {
    const { context } = await project(
      "  command: python3 train.py\n  inputs: [src/, lib/**/*.py]\n  outputs: [model/]\n",
    );
    const error: unknown = await collectKeyMaterial(context, {}).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      'mlops.yml:6:18: train.inputs: "lib/**/*.py" matches no file\n' +
        "  hint: a missing input would leave code changes out of the run cache key; fix or remove the pattern",
    );
  });

  it("keys data on S3 by each object's size and ETag, without downloading it", async () => {
    const server = await startS3Server(["data-bucket"]);
    try {
      const bucket = createS3Store(
        { bucket: "data-bucket", prefix: "" },
        { endpoint: server.endpoint, credentials: S3RVER },
      );
      await bucket.put("train/part-1.csv", "x,y\n1,0\n");
      await bucket.put("train/part-2.csv", "x,y\n2,1\n");
      const dir = await tempDir();
      await writeConfig(
        dir,
        "version: 1\nmodel: { name: demo }\ndata: { train: s3://data-bucket/train/*.csv }\n" +
          `train: { command: x, outputs: [m/] }\nregistry: { endpoint: "${server.endpoint}" }\n`,
      );
      const context = { ...stageContext(await loadConfig("mlops.yml", dir)), env: { ...process.env, ...server.env } };
      const first = await keyOf(context);
      expect(first.material.data).toEqual([
        { path: "s3://data-bucket/train/part-1.csv", size: 8, etag: expect.stringMatching(/\S+/) as unknown },
        { path: "s3://data-bucket/train/part-2.csv", size: 8, etag: expect.stringMatching(/\S+/) as unknown },
      ]);
      expect((await keyOf(context)).key).toEqual(first.key);
      await bucket.put("train/part-2.csv", "x,y\n2,0\n");
      const second = await keyOf(context);
      expect(second.key.parts.data).not.toBe(first.key.parts.data);
      expect(second.key.parts.code).toBe(first.key.parts.code);
    } finally {
      await server.stop();
    }
  });
});

describe("files named in the command", () => {
  it("are existing files in the repository, with --opt=value values, never folders or outside paths", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.py": "", "conf/base.yml": "", "model/x": "" });
    const found = filesNamedIn(
      `python train.py --config=conf/base.yml --out model/ -n 3 "missing.py" /etc/hostname ../outside.py $HOME/x`,
      dir,
      dir,
    );
    expect(found).toEqual([path.join(dir, "conf/base.yml"), path.join(dir, "train.py")]);
  });
});
