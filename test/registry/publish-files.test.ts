import { execFileSync } from "node:child_process";
import { mkdir, readFile, symlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { digestFiles } from "../../src/files/hash.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { suiteS3Server } from "./backends.ts";

/**
 * Issue 12, item 11: what `publish.files` stores. A symbolic link is followed only while it stays inside the
 * repository; links inside folders are never dropped in silence; FIFOs, sockets and devices are refused; a publish of
 * zero files is refused. Train outputs (the same listing) follow links anywhere but never hash a FIFO.
 */

const server = suiteS3Server();

const sha256 = (text: string) => execFileSync("sha256sum", { input: text }).toString().split(" ")[0] ?? "";

/** A repository and, beside it, a folder outside it (a cache, a home directory). */
async function layout(files: Record<string, string>) {
  const top = await tempDir();
  const repo = path.join(top, "repo");
  const outside = path.join(top, "outside");
  await writeFiles(outside, { "secret.txt": "AWS_SECRET=hunter2\n", "blobs/3f2a": "safetensors weights" });
  await writeFiles(repo, files);
  return { repo, outside };
}

const link = async (target: string, at: string) => {
  await mkdir(path.dirname(at), { recursive: true });
  await symlink(target, at);
};

// The registry the project publishes to: the workspace's folder, or a bucket.
const registries: [name: string, config: () => string][] = [
  ["workspace folder", () => ""],
  [
    "s3 (s3rver)",
    () =>
      `registry: { uri: "s3://registry/p-${Math.random().toString(16).slice(2, 10)}", endpoint: "${server().endpoint}", force_path_style: true }\n`,
  ],
];

describe.each(registries)("mlops publish with a registry in a %s", (_name, registryConfig) => {
  async function publish(repo: string, files: string[]) {
    const config = `version: 1\nmodel: { name: churn }\npublish: { files: ${JSON.stringify(files)}, promote: false }\n`;
    await writeFiles(repo, { "mlops.yml": config + registryConfig() });
    const result = await runCli(["publish", "--json"], { cwd: repo, env: server().env });
    const listed = await runCli(["models", "--json"], { cwd: repo, env: server().env });
    const versions = (JSON.parse(listed.stdout) as { versions: { files: { path: string; sha256: string }[] }[] })
      .versions;
    return { ...result, versions };
  }

  it("refuses a link to a file outside the repository, named, and publishes nothing", async () => {
    const { repo, outside } = await layout({ "model/config.json": "{}\n" });
    await link(path.join(outside, "secret.txt"), path.join(repo, "model/tokenizer.json"));
    await link(path.join(outside, "secret.txt"), path.join(repo, "weights.bin"));
    for (const files of [["model/"], ["weights.bin"]]) {
      const shown = files[0] === "model/" ? "model/tokenizer.json" : "weights.bin";
      const result = await publish(repo, files);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(
        `error: ${shown} leads outside the repository, to ${path.join(outside, "secret.txt")}, through a symbolic link\n  hint: `,
      );
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(result.versions).toEqual([]);
    }
  });

  it("refuses a Hugging Face folder whose weights link into a cache outside, with the path and a hint", async () => {
    const { repo, outside } = await layout({ "model/config.json": "{}\n" });
    await link(path.join(outside, "blobs/3f2a"), path.join(repo, "model/model.safetensors"));
    const result = await publish(repo, ["model/"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("error: model/model.safetensors leads outside the repository");
    expect(result.stderr).toContain("hf download --local-dir");
    expect(result.versions).toEqual([]);
  });

  it("follows links that stay inside: a DVC cache in the repository, a linked checkpoint folder", async () => {
    const { repo } = await layout({
      ".dvc/cache/ab/cdef01": "dvc weights",
      "checkpoints/best/head.bin": "head",
      "model/config.json": "{}\n",
    });
    await link("../.dvc/cache/ab/cdef01", path.join(repo, "model/weights.bin"));
    await link("../checkpoints/best", path.join(repo, "model/best"));
    const result = await publish(repo, ["model/"]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.versions[0]?.files.map((f) => [f.path, f.sha256])).toEqual([
      ["model/best/head.bin", sha256("head")],
      ["model/config.json", sha256("{}\n")],
      ["model/weights.bin", sha256("dvc weights")],
    ]);
    const pulled = await runCli(["pull", "churn@1", "--out", "deploy"], { cwd: repo, env: server().env });
    expect(pulled.exitCode, pulled.stderr).toBe(0);
    expect(await readFile(path.join(repo, "deploy/model/weights.bin"), "utf8")).toBe("dvc weights");
  });

  it("refuses FIFOs and sockets by name, without waiting on them", async () => {
    const { repo } = await layout({ "model/config.json": "{}\n" });
    execFileSync("mkfifo", [path.join(repo, "model/pipe")]);
    const fifo = await publish(repo, ["model/"]);
    expect(fifo.exitCode).toBe(2);
    expect(fifo.stderr).toContain("error: model/pipe is a FIFO (named pipe), not a file that can be hashed and stored");
    expect(fifo.versions).toEqual([]);

    const { repo: other } = await layout({ "model/config.json": "{}\n" });
    const socket = net.createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(other, "model/agent.sock"), resolve));
    try {
      const result = await publish(other, ["model/"]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain("error: model/agent.sock is a socket, not a file that can be hashed and stored");
    } finally {
      await new Promise((resolve) => socket.close(resolve));
    }
  });

  it("refuses to publish zero files (an empty folder)", async () => {
    const { repo } = await layout({});
    await mkdir(path.join(repo, "model/empty"), { recursive: true });
    const result = await publish(repo, ["model/"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      "error: refusing to publish churn without a single file\n" +
        "  hint: publish.files (or train.outputs) names only empty folders: list the model's files\n",
    );
    expect(result.versions).toEqual([]);
  });
});

describe("the file listing behind publish.files and train outputs", () => {
  it("names a broken link and a link loop instead of skipping them", async () => {
    const { repo } = await layout({ "model/config.json": "{}\n" });
    await link("missing.bin", path.join(repo, "model/weights.bin"));
    const broken = digestFiles(repo, ["model/"]);
    await expect(broken).rejects.toBeInstanceOf(InputError);
    await expect(broken).rejects.toThrow("model/weights.bin is a symbolic link to missing.bin, which does not exist");
    const { repo: looped } = await layout({ "model/config.json": "{}\n" });
    await link(".", path.join(looped, "model/again"));
    await expect(digestFiles(looped, ["model/"])).rejects.toThrow(
      `model/again is ${path.join(looped, "model")} again, a folder it is in: symbolic links make a loop`,
    );
  });

  it("follows links out of the repository for train outputs, and still never hashes a FIFO or a device", async () => {
    const { repo, outside } = await layout({ "model/config.json": "{}\n" });
    await link(path.join(outside, "blobs/3f2a"), path.join(repo, "model/model.safetensors"));
    expect(await digestFiles(repo, ["model/"], { outsideLinks: "follow" })).toEqual([
      { path: "model/config.json", size: 3, sha256: sha256("{}\n") },
      { path: "model/model.safetensors", size: 19, sha256: sha256("safetensors weights") },
    ]);
    await link("/dev/zero", path.join(repo, "model/zeros"));
    await expect(digestFiles(repo, ["model/"], { outsideLinks: "follow" })).rejects.toThrow(
      "model/zeros is a device, not a file that can be hashed and stored",
    );
  });
});
