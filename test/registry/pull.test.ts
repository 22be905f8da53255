import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdir, readdir, readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExternalError, InputError } from "../../src/errors.ts";
import type { Manifest } from "../../src/registry/manifest.ts";
import { createRegistry, type Registry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { REPO, tempDir, writeFiles } from "../helpers/temp.ts";
import { startFaultProxy } from "../store/fault-proxy.ts";
import { backends, registrySetup, suiteS3Server } from "./backends.ts";
import { useBackend } from "../helpers/registry-backends.ts";

/**
 * Issue 12, item 10: `pull` is all or nothing. The files land in a sibling of --out, are verified, and appear in one
 * rename; a non-empty --out is replaced whole only with --force; and a failure at any point (a path in the way, a
 * corrupted object, an unwritable parent, a full disk, a killed process) leaves --out as it was.
 */

const server = suiteS3Server();

/** Every file under `dir` with its text, for "as it was" comparisons. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = await readFile(file, "utf8");
  }
  return files;
}

const OLD = { "old.txt": "from before", "model/weights.bin": "old weights" };

async function refusal(call: Promise<unknown>): Promise<Error> {
  const error: unknown = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe.each(backends())("pull on a %s", (_name, open, backend) => {
  useBackend(backend);

  it("lands the files in one rename, making missing parents and leaving nothing beside --out", async () => {
    const { dir, registry, publish } = await registrySetup(open);
    const manifest = await publish();
    const out = path.join(dir, "deploy", "current");
    const pulled = await registry.pull(manifest, out);
    expect(pulled).toEqual({
      files: [path.join(out, "model/config.json"), path.join(out, "model/weights.bin")],
      replaced: false,
      notes: [],
    });
    expect(await readdir(path.join(dir, "deploy"))).toEqual(["current"]);
    expect(await snapshot(out)).toEqual({
      "model/config.json": '{"layers": 2}\n',
      "model/weights.bin": Buffer.from([0, 1, 2, 3, 254, 255]).toString("utf8"),
    });
    // An empty folder is as good as none.
    await mkdir(path.join(dir, "empty"));
    expect((await registry.pull(manifest, path.join(dir, "empty"))).replaced).toBe(false);
  });

  it("refuses a non-empty --out unless forced, and a forced pull replaces it whole", async () => {
    const { dir, registry, publish } = await registrySetup(open);
    const manifest = await publish();
    const out = path.join(dir, "deploy");
    await writeFiles(out, OLD);
    const error = await refusal(registry.pull(manifest, out));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      `cannot pull into ${out}: it is not empty\n` +
        "  hint: choose a new folder, or add --force to replace the folder whole",
    );
    expect(await snapshot(out)).toEqual(OLD);

    expect((await registry.pull(manifest, out, { force: true })).replaced).toBe(true);
    // Whole: old.txt is gone, not merged with the new files.
    expect(Object.keys(await snapshot(out)).sort()).toEqual(["model/config.json", "model/weights.bin"]);
    expect((await readdir(dir)).filter((name) => name.includes("deploy"))).toEqual(["deploy"]);
  });

  it("leaves --out as it was when an object turns out corrupted half way through", async () => {
    const { dir, store, registry, publish } = await registrySetup(open);
    const manifest = await publish();
    await store.put(`churn/versions/${manifest.version}/files/model/weights.bin`, Buffer.from([0, 1, 2, 3, 254, 0]));
    const before = await readdir(dir);
    const done: string[] = [];
    const onProgress = (event: { path: string; done: boolean }) => void (event.done && done.push(event.path));

    const fresh = path.join(dir, "fresh");
    const error = await refusal(registry.pull(manifest, fresh, { onProgress }));
    expect(error).toBeInstanceOf(ExternalError);
    expect(error.message).toMatch(/^model\/weights\.bin of churn v\S+ is corrupted/);
    // Half way: config.json had been downloaded and verified when weights.bin failed.
    expect(done).toEqual(["model/config.json"]);
    expect(await readdir(dir)).toEqual(before);

    const existing = path.join(dir, "existing");
    await writeFiles(existing, OLD);
    await refusal(registry.pull(manifest, existing, { force: true, onProgress }));
    expect(await snapshot(existing)).toEqual(OLD);
    expect((await readdir(dir)).sort()).toEqual([...before, "existing"].sort());
  });

  it("gives one clear error for a path in the way, a file, a link, or a place folders cannot be made", async () => {
    const { dir, registry, publish } = await registrySetup(open);
    const manifest = await publish();
    await writeFiles(dir, { "model.bin": "weights" });
    await mkdir(path.join(dir, "real"));
    await symlink(path.join(dir, "real"), path.join(dir, "link"));
    const cases: [string, string][] = [
      [path.join(dir, "model.bin/sub"), `${path.join(dir, "model.bin")} is a file, not a folder`],
      [path.join(dir, "model.bin/sub/deeper"), `${path.join(dir, "model.bin")} is a file, not a folder`],
      [path.join(dir, "model.bin"), "it is a file, not a folder"],
      [path.join(dir, "link"), `it is a symbolic link (to ${path.join(dir, "real")})`],
      ["/proc/x", "folders cannot be created there (at /proc/.x.mlops-pull-"],
      ["/proc/x/y", "folders cannot be created there (at /proc/x)"],
    ];
    for (const [out, reason] of cases) {
      const error = await refusal(registry.pull(manifest, out));
      expect(error, out).toBeInstanceOf(InputError);
      expect(error.message).toContain(`cannot pull into ${out}: ${reason}`);
    }
    expect(await readFile(path.join(dir, "model.bin"), "utf8")).toBe("weights");
    expect(await readdir(path.join(dir, "real"))).toEqual([]);
  });

  it("refuses to replace a folder that holds something a pull must not remove", async () => {
    const { dir, registry, publish } = await registrySetup(open);
    const manifest = await publish();
    await writeFiles(dir, { "work/project/mlops.yml": "version: 1\n" });
    const error = await refusal(
      registry.pull(manifest, path.join(dir, "work"), { force: true, protect: [path.join(dir, "work/project")] }),
    );
    expect(error.message).toBe(
      `refusing to replace ${path.join(dir, "work")}: it holds ${path.join(dir, "work/project")}`,
    );
    expect(await snapshot(path.join(dir, "work"))).toEqual({ "project/mlops.yml": "version: 1\n" });
  });

  it("puts right what a killed pull left: its download is removed, a folder it had moved aside is put back", async () => {
    const { dir, registry, publish } = await registrySetup(open);
    const manifest = await publish();
    const dead = await deadPid();
    await writeFiles(path.join(dir, `.deploy.mlops-pull-${dead}-Ab12Cd`), { "model/config.json": "half" });
    await writeFiles(path.join(dir, `.deploy.mlops-old-${dead}-0badf00d`), OLD);
    // A running process's pull (this one's) is none of its business.
    await writeFiles(path.join(dir, `.deploy.mlops-pull-${process.pid}-Zz99Zz`), { x: "busy" });

    // --out is missing: the killed pull --force had moved it aside. It comes back first, so --out is as it was.
    const error = await refusal(registry.pull(manifest, path.join(dir, "deploy")));
    expect(error.message).toBe(`cannot pull into ${path.join(dir, "deploy")}: it is not empty`);
    expect(await snapshot(path.join(dir, "deploy"))).toEqual(OLD);
    expect((await readdir(dir)).filter((name) => name.includes("deploy")).sort()).toEqual([
      `.deploy.mlops-pull-${process.pid}-Zz99Zz`,
      "deploy",
    ]);
  });

  it("refuses a manifest that lists a path twice, or as a file and a folder", async () => {
    const { dir, registry, publish } = await registrySetup(open);
    const manifest = await publish();
    const [config, weights] = manifest.files as [Manifest["files"][number], Manifest["files"][number]];
    const twice = { ...manifest, files: [config, config] };
    const clash = { ...manifest, files: [{ ...weights, path: "model" }, config] };
    await expect(registry.pull(twice, path.join(dir, "a"))).rejects.toThrow("lists model/config.json twice");
    await expect(registry.pull(clash, path.join(dir, "b"))).rejects.toThrow("lists model both as a file and");
    expect((await readdir(dir)).filter((name) => /^(a|b)$|mlops-pull/.test(name))).toEqual([]);
  });
});

describe("pull as a process, under real faults", () => {
  /** A local registry in a folder anyone may read (a child may run as nobody), with one version. */
  async function localRegistry(weights: Buffer) {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    await writeFiles(dir, { "model/config.json": "{}\n", "model/weights.bin": weights });
    const registryDir = path.join(dir, "registry");
    const registry = createRegistry(createLocalStore(registryDir));
    const files = ["model/config.json", "model/weights.bin"].map((f) => ({ path: f, source: path.join(dir, f) }));
    const manifest = await registry.publish(publishInput({ model: "churn", files }));
    return { dir, registryDir, registry, manifest };
  }

  it("a read-only parent: one clear error, and --out as it was", async () => {
    const { dir, registryDir } = await localRegistry(Buffer.from("weights"));
    const parent = path.join(dir, "ro");
    await writeFiles(parent, Object.fromEntries(Object.entries(OLD).map(([f, text]) => [`current/${f}`, text])));
    await chmod(parent, 0o555);
    // Root may write anywhere: the child runs as nobody then, so the permission bits are what a user meets.
    const asUser = process.getuid?.() === 0;
    for (const [out, extra] of [
      [path.join(parent, "new"), []],
      [path.join(parent, "current"), ["--force"]],
    ] as const) {
      const run = await runPull(["churn@1", "--registry", registryDir, "--out", out, ...extra], { asUser });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^error: cannot pull into ${out}: permission denied \\(at ${parent}/\\.\\w+\\.mlops-pull-\\d+-\\w+\\)\\n`,
        ),
      );
      expect(stackFrames(run.stderr)).toEqual([]);
    }
    expect((await readdir(parent)).sort()).toEqual(["current"]);
    expect(await snapshot(path.join(parent, "current"))).toEqual(OLD);
  });

  it("a write refused half way (the file-size limit, as on a full disk): --out as it was", async () => {
    const { dir, registryDir } = await localRegistry(Buffer.alloc(4 * 1024 * 1024, 7));
    const out = path.join(dir, "current");
    await writeFiles(out, OLD);
    // 1024 blocks of at most 1 KiB: weights.bin (4 MiB) cannot be written whole.
    const run = await runPull(["churn@1", "--registry", registryDir, "--out", out, "--force"], { fileBlocks: 1024 });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(
      `error: cannot pull into ${out}: a file is larger than this file system or the process's file-size limit allows`,
    );
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(await snapshot(out)).toEqual(OLD);
    expect((await readdir(dir)).filter((name) => name.includes("current"))).toEqual(["current"]);
  });

  it("SIGKILL in the middle of a download: --out as it was, and the next pull cleans up after it", async () => {
    const prefix = `kill-${process.pid}-${Date.now()}`;
    const store = createS3Store(
      { bucket: "registry", prefix },
      { endpoint: server().endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } },
    );
    const registry: Registry = createRegistry(store);
    const dir = await tempDir();
    const weights = Buffer.alloc(2 * 1024 * 1024, 3);
    await writeFiles(dir, { "model/config.json": "{}\n", "model/weights.bin": weights });
    const files = ["model/config.json", "model/weights.bin"].map((f) => ({ path: f, source: path.join(dir, f) }));
    const manifest = await registry.publish(publishInput({ model: "churn", files }));
    // Downloads of weights.bin stop half way and hang there, so the child can be killed in the middle of one.
    const proxy = await startFaultProxy(server().endpoint, ({ method, url }) =>
      method === "GET" && url.includes("weights.bin") ? "stall" : "pass",
    );
    try {
      const fresh = path.join(dir, "fresh");
      const current = path.join(dir, "current");
      await writeFiles(current, OLD);
      for (const [out, extra] of [
        [fresh, []],
        [current, ["--force"]],
      ] as const) {
        const stalled = proxy.stalled();
        const child = startPull(
          ["churn@1", "--registry", `s3://registry/${prefix}`, "--endpoint", proxy.endpoint, "--out", out, ...extra],
          { env: server().env },
        );
        await stalled;
        child.process.kill("SIGKILL");
        expect((await child.done).signal).toBe("SIGKILL");
        // Its download is left beside --out, --out itself untouched.
        const left = (await readdir(dir)).filter((name) => name.startsWith(`.${path.basename(out)}.mlops-pull-`));
        expect(left).toEqual([expect.stringContaining(`-${child.process.pid}-`)]);
      }
      await expect(readdir(fresh)).rejects.toMatchObject({ code: "ENOENT" });
      expect(await snapshot(current)).toEqual(OLD);

      const pulled = await registry.pull(manifest, current, { force: true });
      expect(pulled.notes).toEqual([
        expect.stringMatching(/^removed \.current\.mlops-pull-\d+-\w+, left by a killed pull$/),
      ]);
      expect((await readFile(path.join(current, "model/weights.bin"))).equals(weights)).toBe(true);
      expect(await readdir(current)).toEqual(["model"]);
      await registry.pull(manifest, fresh);
      expect((await readdir(dir)).filter((name) => name.includes("mlops-"))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it("`mlops pull` says in one line why it cannot write --out, with no stack trace and no hang", async () => {
    const { dir, registryDir } = await localRegistry(Buffer.from("weights"));
    await writeFiles(dir, { "model.bin": "not a folder" });
    for (const [out, message] of [
      [
        "model.bin/sub",
        `error: cannot pull into ${path.join(dir, "model.bin/sub")}: ${path.join(dir, "model.bin")} is a file, not a folder\n`,
      ],
      ["/proc/x", "error: cannot pull into /proc/x: folders cannot be created there (at /proc/.x.mlops-pull-"],
    ] as const) {
      const result = await runCli(["pull", "churn@1", "--registry", registryDir, "--out", out], { cwd: dir });
      expect(result.exitCode).toBe(2);
      expect(result.stderr.startsWith(message), result.stderr).toBe(true);
      expect(stackFrames(result.stderr)).toEqual([]);
    }
    const forced = await runCli(["pull", "churn@1", "--registry", registryDir, "--out", ".", "--force"], { cwd: dir });
    expect(forced.stderr).toBe(
      `error: refusing to replace ${dir}: it is ${dir}\n` +
        "  hint: a pull puts a new folder in the place of --out: pull into a folder of its own (e.g. --out model/)\n",
    );
    const existing = await runCli(["pull", "churn@1", "--registry", registryDir, "--out", "model"], { cwd: dir });
    expect(existing.stderr).toContain(`cannot pull into ${path.join(dir, "model")}: it is not empty`);
    const replaced = await runCli(["pull", "churn@1", "--registry", registryDir, "--out", "model", "--force"], {
      cwd: dir,
    });
    expect(replaced.stdout).toContain("sha256 verified; its previous content was replaced.");
  });
});

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `mlops pull <args>` as its own process; as nobody when asked (for permission tests run by root). */
function startPull(
  args: string[],
  options: { asUser?: boolean; fileBlocks?: number; env?: Record<string, string> } = {},
): { process: ChildProcess; done: Promise<Finished> } {
  const command = [process.execPath, "--import", "tsx", path.join(REPO, "src/cli/bin.ts"), "pull", ...args];
  const [file, ...rest] =
    options.fileBlocks === undefined
      ? command
      : ["sh", "-c", `ulimit -f ${options.fileBlocks} && exec "$@"`, "sh", ...command];
  const child = spawn(file as string, rest, {
    cwd: REPO,
    env: { PATH: process.env.PATH, NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.asUser ? { uid: 65534, gid: 65534 } : {}),
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { process: child, done };
}

const runPull = (args: string[], options: Parameters<typeof startPull>[1] = {}) => startPull(args, options).done;

/** The id of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("close", resolve));
  return child.pid ?? 999_999;
}
