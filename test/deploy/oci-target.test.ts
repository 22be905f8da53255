import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_FORMAT, ManifestSchema } from "../../src/registry/manifest.ts";
import {
  describeOciRegistry,
  digestOf,
  type OciRegistry,
  type Outcome,
  pulledBack,
  pushBaseImage,
  run,
  skopeo,
} from "../helpers/oci-registry.ts";
import { freePort } from "../helpers/pushgateway.ts";
import { REPO, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The OCI deploy example (examples/deploy/oci-push.mjs) run the way `mlops deploy` runs a target's command: from the
 * folder of mlops.yml, with the version's files, its manifest and its identity in the environment. What it pushed is
 * read back with skopeo (Debian's) from a real registry (Debian's docker-registry) and unpacked with GNU tar, so the
 * image is checked by tools that did not write it.
 */

const SCRIPT = path.join(REPO, "examples", "deploy", "oci-push.mjs");

interface Version {
  sequence: number;
  files: Record<string, Uint8Array>;
}

interface Deployed {
  project: string;
  modelDir: string;
  manifest: string;
}

/** The version's files in a folder and its manifest beside it, as `mlops deploy` hands them to the command. */
async function checkedOut(model: string, version: Version): Promise<Deployed> {
  const project = await tempDir();
  await writeFile(path.join(project, "mlops.yml"), `version: 1\nmodel: ${model}\n`);
  const modelDir = path.join(project, ".mlops", "deploy", "model");
  await mkdir(modelDir, { recursive: true });
  await writeFiles(modelDir, version.files);
  const manifest = ManifestSchema.parse({
    format: MANIFEST_FORMAT,
    model,
    version: `v20261201T00000${version.sequence}000Z-a1b2c3`,
    sequence: version.sequence,
    createdAt: `2026-12-01T00:00:0${version.sequence}.000Z`,
    files: Object.entries(version.files).map(([file, bytes]) => ({
      path: file,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    })),
    metrics: {},
    gate: null,
    params: {},
    data: [],
    git: { sha: null, ref: null },
    runUrl: null,
    actor: null,
    kitVersion: "0.1.0",
  });
  const manifestPath = path.join(project, ".mlops", "deploy", "manifest.json");
  await writeFile(manifestPath, JSON.stringify(manifest));
  return { project, modelDir, manifest: manifestPath };
}

/** The script as a deploy target's command: cwd the folder of mlops.yml, the contract's variables, the target's env. */
function deploy(
  at: Deployed,
  identity: { model: string; version: string; alias: string },
  targetEnv: Record<string, string>,
  pathVariable = process.env.PATH,
): Promise<Outcome> {
  return run(process.execPath, [SCRIPT], {
    cwd: at.project,
    env: {
      PATH: pathVariable,
      HOME: process.env.HOME,
      MLOPS_MODEL: identity.model,
      MLOPS_VERSION: identity.version,
      MLOPS_ALIAS: identity.alias,
      MLOPS_TARGET: "production",
      MLOPS_MODEL_DIR: at.modelDir,
      MLOPS_MANIFEST: at.manifest,
      ...targetEnv,
    },
  });
}

const longName = `${"checkpoint-".repeat(12)}final.safetensors`;
const first: Version = {
  sequence: 1,
  files: {
    "model.json": new TextEncoder().encode('{"kind":"logistic","classes":["a","b"]}\n'),
    "weights/layer-1.bin": randomBytes(300_000),
    "weights/empty.bin": new Uint8Array(0),
    // Past ustar's 100-byte name field: packed with a PAX header, which GNU tar must read back.
    [`weights/${longName}`]: randomBytes(1_000),
    "données/étiquettes.txt": new TextEncoder().encode("chat\nchien\n"),
  },
};
const second: Version = {
  sequence: 2,
  files: {
    "model.json": new TextEncoder().encode('{"kind":"logistic","classes":["a","b","c"]}\n'),
    "weights/layer-1.bin": randomBytes(300_000),
  },
};

describeOciRegistry("the OCI deploy example against a local registry", (registry: () => OciRegistry) => {
  const model = "churn-model";
  const target = (): Record<string, string> => ({ OCI_REGISTRY: registry().host });

  it("pushes the version as a modelcar: its files byte for byte under /models, tagged with the version and the alias", async () => {
    const at = await checkedOut(model, first);
    const outcome = await deploy(at, { model, version: "v1", alias: "staging" }, target());
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);

    const reference = `${registry().host}/${model}`;
    const url = `http://${registry().host}/v2/${model}/manifests/v1`;
    expect(outcome.stdout.split("\n")).toContain(`environment_url=${url}`);
    const digest = await digestOf(`${reference}:v1`);
    expect(await digestOf(`${reference}:staging`)).toBe(digest);
    // The URL answers with that very manifest.
    const answer = await fetch(url, { headers: { accept: "application/vnd.oci.image.manifest.v1+json" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("docker-content-digest")).toBe(digest);

    const pulled = await pulledBack(`${reference}:v1`);
    expect(pulled.manifest.layers).toHaveLength(1);
    expect(new Map([...pulled.files].map(([file, bytes]) => [file, bytes.toString("base64")]))).toEqual(
      new Map(Object.entries(first.files).map(([file, bytes]) => [file, Buffer.from(bytes).toString("base64")])),
    );
    expect(pulled.manifest.mediaType).toBe("application/vnd.oci.image.manifest.v1+json");
    expect(pulled.manifest.annotations["org.opencontainers.image.title"]).toBe(model);
    expect(pulled.manifest.annotations["org.opencontainers.image.version"]).toBe("v1");
    const listed = JSON.parse(pulled.manifest.annotations["io.github.mlops-kit.files"] ?? "[]") as unknown[];
    const manifest = JSON.parse(await readFile(at.manifest, "utf8")) as { files: unknown[] };
    expect(new Set(listed)).toEqual(new Set(manifest.files));
    // Reproducible entries: owner 0/0, mtime at the epoch, whoever packed them and whenever.
    const lines = pulled.listing.trim().split("\n");
    expect(lines.length).toBe(Object.keys(first.files).length + 3); // and the folders models/, données/, weights/
    for (const line of lines) expect(line).toMatch(/^[-d]rw.r..r.. 0\/0 +\d+ 1970-01-01 00:00:00 models\//);

    const inspected = JSON.parse(await skopeo("inspect", "--tls-verify=false", `docker://${reference}:v1`)) as {
      Labels: Record<string, string>;
    };
    expect(inspected.Labels["org.opencontainers.image.version"]).toBe("v1");
  });

  it("moves the alias tag to a second version, and back on a rollback to the digest the first version had", async () => {
    const repository = `${model}-rollout`;
    const reference = `${registry().host}/${repository}`;
    const env = { ...target(), OCI_REPOSITORY: repository };

    const one = await deploy(await checkedOut(model, first), { model, version: "v1", alias: "champion" }, env);
    expect(one.code, one.stderr).toBe(0);
    const firstDigest = await digestOf(`${reference}:v1`);
    expect(await digestOf(`${reference}:champion`)).toBe(firstDigest);

    const two = await deploy(await checkedOut(model, second), { model, version: "v2", alias: "champion" }, env);
    expect(two.code, two.stderr).toBe(0);
    const secondDigest = await digestOf(`${reference}:v2`);
    expect(secondDigest).not.toBe(firstDigest);
    expect(await digestOf(`${reference}:champion`)).toBe(secondDigest);
    expect((await pulledBack(`${reference}:champion`)).files.get("model.json")).toEqual(
      Buffer.from(second.files["model.json"] ?? new Uint8Array()),
    );

    // The rollback: v1 again, from a fresh checkout (new folders, new file times), with the same command.
    const back = await deploy(await checkedOut(model, first), { model, version: "v1", alias: "champion" }, env);
    expect(back.code, back.stderr).toBe(0);
    expect(await digestOf(`${reference}:v1`)).toBe(firstDigest);
    expect(await digestOf(`${reference}:champion`)).toBe(firstDigest);
    expect(await digestOf(`${reference}:v2`)).toBe(secondDigest);
  });

  it("puts the layer on a base image pinned by digest (OCI_BASE_IMAGE), keeping its layers and command, reproducibly", async () => {
    const base = await pushBaseImage(registry().host);
    const repository = `${model}-kserve`;
    const reference = `${registry().host}/${repository}`;
    const env = { ...target(), OCI_REPOSITORY: repository, OCI_BASE_IMAGE: base.reference };

    const one = await deploy(await checkedOut(model, first), { model, version: "v1", alias: "champion" }, env);
    expect(one.code, one.stderr).toBe(0);
    const pulled = await pulledBack(`${reference}:champion`);
    expect(pulled.manifest.layers.map((layer) => layer.digest)[0]).toBe(base.layer);
    expect(pulled.manifest.layers).toHaveLength(2);
    expect(pulled.config.config.Cmd).toEqual(["/bin/modelcar-base"]);
    expect(pulled.config.rootfs.diff_ids).toHaveLength(2);
    expect(pulled.config.history).toHaveLength(2);
    expect(pulled.config.config.Labels["org.opencontainers.image.version"]).toBe("v1");
    expect(await readFile(path.join(pulled.root, "bin", "modelcar-base"), "utf8")).toBe(
      "stands in for busybox's ln and sleep\n",
    );
    expect([...pulled.files.keys()].sort()).toEqual(Object.keys(first.files).sort());
    expect(pulled.files.get("weights/layer-1.bin")).toEqual(
      Buffer.from(first.files["weights/layer-1.bin"] ?? new Uint8Array()),
    );

    const digest = await digestOf(`${reference}:v1`);
    const again = await deploy(await checkedOut(model, first), { model, version: "v1", alias: "champion" }, env);
    expect(again.code, again.stderr).toBe(0);
    expect(await digestOf(`${reference}:champion`)).toBe(digest);
  });

  it("refuses files that differ from the manifest and pushes nothing", async () => {
    const at = await checkedOut(model, first);
    await writeFile(path.join(at.modelDir, "weights", "layer-1.bin"), randomBytes(300_000));
    const repository = `${model}-tampered`;
    const outcome = await deploy(
      at,
      { model, version: "v1", alias: "champion" },
      { ...target(), OCI_REPOSITORY: repository },
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim().split("\n")).toHaveLength(1);
    expect(outcome.stderr).toMatch(
      /^oci-push: weights\/layer-1\.bin in MLOPS_MODEL_DIR is not the file the manifest lists/,
    );
    // The distribution API's tag list: the repository was never created.
    const tags = await fetch(`http://${registry().host}/v2/${repository}/tags/list`);
    expect(tags.status).toBe(404);
    expect(((await tags.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe("NAME_UNKNOWN");
  });

  it("fails with one line naming the registry when nothing answers there", async () => {
    const down = `127.0.0.1:${await freePort()}`;
    const at = await checkedOut(model, second);
    const outcome = await deploy(at, { model, version: "v2", alias: "champion" }, { OCI_REGISTRY: down });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).not.toContain("environment_url=");
    expect(outcome.stderr.trim().split("\n")).toHaveLength(1);
    expect(outcome.stderr).toContain(`oci-push: skopeo could not push to docker://${down}/${model}:v2: `);
    expect(outcome.stderr).toMatch(/connection refused/);
  });
});

describe("the OCI deploy example without what it needs", () => {
  const model = "churn-model";

  it("fails with one line when skopeo is not on PATH", async () => {
    const at = await checkedOut(model, second);
    const outcome = await deploy(
      at,
      { model, version: "v2", alias: "champion" },
      { OCI_REGISTRY: "127.0.0.1:5000" },
      "",
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(
      "oci-push: skopeo is not installed or not on PATH: apt-get install skopeo (or see containers/skopeo's install.md)\n",
    );
  });

  it("exits 2 naming the variable that is missing or cannot be used", async () => {
    const at = await checkedOut(model, second);
    const unset = await deploy(at, { model, version: "v2", alias: "champion" }, {});
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/^oci-push: OCI_REGISTRY is not set: set it in the target's env:/);
    expect(unset.stderr.trim().split("\n")).toHaveLength(1);

    const floating = await deploy(
      at,
      { model, version: "v2", alias: "champion" },
      {
        OCI_REGISTRY: "127.0.0.1:5000",
        OCI_BASE_IMAGE: "busybox:latest",
      },
    );
    expect(floating.code).toBe(2);
    expect(floating.stderr).toMatch(/^oci-push: OCI_BASE_IMAGE=busybox:latest is not pinned: name it by digest/);

    const invalid = await deploy(
      at,
      { model, version: "v2", alias: "champion" },
      {
        OCI_REGISTRY: "127.0.0.1:5000",
        OCI_REPOSITORY: "Not_Valid-",
      },
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^oci-push: "Not_Valid-" is not a valid OCI repository name: set OCI_REPOSITORY/);
  });
});
