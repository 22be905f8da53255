#!/usr/bin/env node
/**
 * A deploy command for `mlops deploy` (docs/deploy-targets.md): pushes the version's files to a container registry as
 * an OCI image (a "modelcar": one layer holding the files under /models, as KServe's modelcars are laid out, alone or
 * on a base image), tagged with the version and with the alias being moved, so `:champion` follows the alias and a
 * rollback is the same push of an earlier version. Plain Node, no dependencies; the push itself is `skopeo copy`.
 *
 * Read from the environment (the first six are set by `mlops deploy`):
 *   MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS, MLOPS_TARGET, MLOPS_MODEL_DIR, MLOPS_MANIFEST
 *   OCI_REGISTRY     where to push: `host[:port]`, optionally with a namespace (`ghcr.io/my-org`). Required.
 *   OCI_REPOSITORY   the repository under it (default: MLOPS_MODEL in lower case).
 *   OCI_TLS_VERIFY   `true` or `false`; by default false for a registry on loopback (localhost, 127.x, [::1]), as
 *                    Docker treats those, and true everywhere else.
 *   OCI_ARCHITECTURE the image's platform architecture (default amd64; the files themselves are not compiled code).
 *   OCI_BASE_IMAGE   an image to put the layer on top of, pinned by digest (`busybox@sha256:...`): KServe runs `ln`
 *                    and `sleep` inside a modelcar, so an image for KServe needs a base that has them. Default: none.
 * Credentials are skopeo's own: `skopeo login`, or the auth file `docker login` writes.
 *
 * The image is reproducible: entries sorted, mtime 0, uid and gid 0, mode 0644/0755, an uncompressed layer pushed with
 * `--preserve-digests`, and `created` taken from the manifest. So the same version always has the same digest, and
 * deploying it again (a rollback) moves the tags back to exactly what was served before. Every file is checked against
 * the manifest's size and sha256 while it is packed; the image carries those digests as an annotation.
 *
 * Prints `environment_url=<scheme>://<registry>/v2/<repository>/manifests/<version>` for the deployment record.
 * Exit status: 0 pushed, 1 the push or a check failed, 2 a variable is missing or invalid; one line on stderr says why.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Buffer } from "node:buffer";
import { pipeline } from "node:stream/promises";

const MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
const CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
const LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";
const FILES_ANNOTATION = "io.github.mlops-kit.files";
/** The distribution spec's grammar for repository names and tags. */
const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

class Failure extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** What to push where, from the environment; every problem is a Failure with exit code 2. */
async function readTarget(env) {
  const need = (name, hint) => {
    const value = env[name];
    if (value === undefined || value === "") throw new Failure(`${name} is not set: ${hint}`, 2);
    return value;
  };
  const byDeploy = "run this script as a deploy command of `mlops deploy`, which sets it";
  const model = need("MLOPS_MODEL", byDeploy);
  const version = need("MLOPS_VERSION", byDeploy);
  const modelDir = need("MLOPS_MODEL_DIR", byDeploy);
  const manifestPath = need("MLOPS_MANIFEST", byDeploy);
  const registry = need(
    "OCI_REGISTRY",
    "set it in the target's env: to the registry's host[:port] (e.g. ghcr.io/my-org)",
  );
  const [host = "", ...namespace] = registry.replace(/\/+$/, "").split("/");
  const repository = [...namespace, env.OCI_REPOSITORY || model.toLowerCase()].join("/");
  if (!REPOSITORY.test(repository)) {
    throw new Failure(
      `"${repository}" is not a valid OCI repository name: set OCI_REPOSITORY (lower case, digits, . _ -)`,
      2,
    );
  }
  const tags = [...new Set([version, env.MLOPS_ALIAS].filter(Boolean))];
  for (const tag of tags) {
    if (!TAG.test(tag)) throw new Failure(`"${tag}" cannot be an image tag (letters, digits, _ . -, at most 128)`, 2);
  }
  if (env.OCI_TLS_VERIFY && env.OCI_TLS_VERIFY !== "true" && env.OCI_TLS_VERIFY !== "false") {
    throw new Failure(`OCI_TLS_VERIFY is "${env.OCI_TLS_VERIFY}": set it to true or false (or leave it unset)`, 2);
  }
  const tlsVerify = (name) => (env.OCI_TLS_VERIFY || (isLoopback(name.split("/")[0]) ? "false" : "true")) === "true";
  const baseImage = env.OCI_BASE_IMAGE || null;
  if (baseImage !== null && !/@sha256:[0-9a-f]{64}$/.test(baseImage)) {
    throw new Failure(
      `OCI_BASE_IMAGE=${baseImage} is not pinned: name it by digest (image@sha256:...), or one` +
        " version would not always give one image",
      2,
    );
  }
  const manifest = await readManifest(manifestPath, model);
  return {
    model,
    version,
    modelDir,
    manifest,
    host,
    repository,
    tags,
    tlsVerify: tlsVerify(host),
    baseImage,
    baseTlsVerify: baseImage !== null && tlsVerify(baseImage),
    arch: env.OCI_ARCHITECTURE || "amd64",
  };
}

function isLoopback(host) {
  const name = host.replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

async function readManifest(file, model) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Failure(`cannot read the manifest MLOPS_MANIFEST=${file}: ${error.message}`, 2);
  }
  if (!Array.isArray(manifest?.files)) throw new Failure(`${file} has no files list: is it a version's manifest?`, 2);
  if (manifest.model !== undefined && manifest.model !== model) {
    throw new Failure(`${file} is the manifest of model ${manifest.model}, not of MLOPS_MODEL=${model}`, 2);
  }
  for (const entry of manifest.files) {
    const segments = String(entry?.path).split("/");
    const safe =
      typeof entry?.path === "string" && segments.every((part) => part !== "" && part !== "." && part !== "..");
    if (!safe || !/^[0-9a-f]{64}$/.test(entry.sha256) || !Number.isSafeInteger(entry.size) || entry.size < 0) {
      throw new Failure(
        `${file} lists a file that is not a safe relative path with a sha256 and a size: ${JSON.stringify(entry)}`,
        2,
      );
    }
  }
  return manifest;
}

/** Compares as bytes (UTF-8), so the order does not depend on how a language sorts strings. */
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** One tar header block (ustar), preceded by a PAX header when the path or the size does not fit ustar's fields. */
function tarHeader(name, size, directory) {
  const bytes = Buffer.from(name);
  let prefix = "";
  let base = name;
  if (bytes.length > 100) {
    const cut = name.lastIndexOf("/", name.length - 2);
    const fits =
      cut > 0 && Buffer.byteLength(name.slice(0, cut)) <= 155 && Buffer.byteLength(name.slice(cut + 1)) <= 100;
    prefix = fits ? name.slice(0, cut) : "";
    base = fits ? name.slice(cut + 1) : "";
  }
  const pax = [];
  if (base === "") pax.push(["path", name]);
  if (size >= 8 ** 11) pax.push(["size", String(size)]);
  const extended = pax.length === 0 ? [] : paxHeader(pax);
  const block = Buffer.alloc(512);
  block.write(base || bytes.subarray(0, 100).toString(), 0, 100);
  block.write(directory ? "0000755\0" : "0000644\0", 100);
  block.write("0000000\0", 108); // uid
  block.write("0000000\0", 116); // gid
  block.write(`${(size >= 8 ** 11 ? 0 : size).toString(8).padStart(11, "0")}\0`, 124);
  block.write("00000000000\0", 136); // mtime: 1970-01-01, so the layer is the same whenever it is packed
  block.write(directory ? "5" : "0", 156);
  block.write("ustar\x0000", 257);
  block.write(prefix, 345, 155);
  return [...extended, withChecksum(block)];
}

function paxHeader(records) {
  const body = records
    .map(([key, value]) => {
      const rest = ` ${key}=${value}\n`;
      let length = Buffer.byteLength(rest) + 1;
      while (String(length).length + Buffer.byteLength(rest) !== length) length++;
      return `${length}${rest}`;
    })
    .join("");
  const data = Buffer.from(body);
  const header = Buffer.alloc(512);
  header.write("PaxHeader", 0, 100);
  header.write("0000644\0", 100);
  header.write("0000000\0", 108);
  header.write("0000000\0", 116);
  header.write(`${data.length.toString(8).padStart(11, "0")}\0`, 124);
  header.write("00000000000\0", 136);
  header.write("x", 156);
  header.write("ustar\x0000", 257);
  return [withChecksum(header), data, Buffer.alloc(padding(data.length))];
}

function withChecksum(block) {
  block.fill(" ", 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return block;
}

const padding = (size) => (512 - (size % 512)) % 512;

/** The layer: every file of the manifest under models/, checked against its size and sha256 as it is read. */
async function* layerChunks(modelDir, files) {
  const folders = new Set(["models/"]);
  for (const file of files) {
    const parts = file.path.split("/");
    for (let i = 1; i < parts.length; i++) folders.add(`models/${parts.slice(0, i).join("/")}/`);
  }
  const entries = [
    ...[...folders].map((name) => ({ name, file: null })),
    ...files.map((file) => ({ name: `models/${file.path}`, file })),
  ].sort((a, b) => byteOrder(a.name, b.name));
  for (const { name, file } of entries) {
    if (file === null) {
      yield* tarHeader(name, 0, true);
      continue;
    }
    yield* tarHeader(name, file.size, false);
    const hash = createHash("sha256");
    let size = 0;
    try {
      for await (const chunk of createReadStream(path.join(modelDir, file.path))) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    } catch (error) {
      if (error.code === "ENOENT") throw new Failure(`MLOPS_MODEL_DIR has no ${file.path}, which the manifest lists`);
      throw error;
    }
    const sha256 = hash.digest("hex");
    if (size !== file.size || sha256 !== file.sha256) {
      throw new Failure(
        `${file.path} in MLOPS_MODEL_DIR is not the file the manifest lists (${size} bytes, sha256 ${sha256}; ` +
          `expected ${file.size} bytes, sha256 ${file.sha256}): pull the version again`,
      );
    }
    yield Buffer.alloc(padding(size));
  }
  yield Buffer.alloc(1024);
}

/** Writes a blob into the layout from `source` (chunks), returning its descriptor. */
async function writeBlob(layout, mediaType, source) {
  const hash = createHash("sha256");
  let size = 0;
  const partial = path.join(layout, "blobs", "partial");
  await pipeline(
    source,
    async function* (chunks) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(partial),
  );
  const digest = hash.digest("hex");
  await rename(partial, path.join(layout, "blobs", "sha256", digest));
  return { mediaType, digest: `sha256:${digest}`, size };
}

/** The base image copied into the layout (as OCI, its blobs untouched): its layers and its config. */
async function copyBase(layout, target) {
  await skopeoCopy(
    [
      `--src-tls-verify=${target.baseTlsVerify}`,
      "--override-os=linux",
      `--override-arch=${target.arch}`,
      "--format=oci",
      "--dest-oci-accept-uncompressed-layers",
      `docker://${target.baseImage}`,
      `oci:${layout}:base`,
    ],
    `could not copy the base image docker://${target.baseImage}`,
  );
  const blob = async (digest) =>
    JSON.parse(await readFile(path.join(layout, "blobs", "sha256", digest.slice(7)), "utf8"));
  const index = JSON.parse(await readFile(path.join(layout, "index.json"), "utf8"));
  const image = await blob(index.manifests[0].digest);
  return { layers: image.layers, config: await blob(image.config.digest) };
}

/** An OCI image layout of the version in `layout`, with `target.version` as its one tag; returns the manifest's digest. */
async function packImage(layout, target) {
  const { manifest } = target;
  const base = target.baseImage
    ? await copyBase(layout, target)
    : { layers: [], config: { architecture: target.arch, os: "linux" } };
  await mkdir(path.join(layout, "blobs", "sha256"), { recursive: true });
  const files = [...manifest.files].sort((a, b) => byteOrder(a.path, b.path));
  const layer = await writeBlob(layout, LAYER_TYPE, layerChunks(target.modelDir, files));
  const created = typeof manifest.createdAt === "string" ? manifest.createdAt : undefined;
  const annotations = {
    "org.opencontainers.image.title": target.model,
    "org.opencontainers.image.version": target.version,
    ...(created ? { "org.opencontainers.image.created": created } : {}),
    [FILES_ANNOTATION]: JSON.stringify(files.map(({ path: name, sha256, size }) => ({ path: name, sha256, size }))),
  };
  // The base's config (platform, Cmd, Env ...) with the layer and the labels added; an uncompressed layer's diff_id is
  // its digest.
  const step = { ...(created ? { created } : {}), created_by: "examples/deploy/oci-push.mjs: the model under /models" };
  const config = {
    ...base.config,
    ...(created ? { created } : {}),
    config: { ...base.config.config, Labels: { ...base.config.config?.Labels, ...annotations } },
    rootfs: { type: "layers", diff_ids: [...(base.config.rootfs?.diff_ids ?? []), layer.digest] },
    ...(base.config.history ? { history: [...base.config.history, step] } : {}),
  };
  const configBlob = await writeBlob(layout, CONFIG_TYPE, [Buffer.from(JSON.stringify(config))]);
  const layers = [...base.layers, layer];
  const image = { schemaVersion: 2, mediaType: MANIFEST_TYPE, config: configBlob, layers, annotations };
  const imageBlob = await writeBlob(layout, MANIFEST_TYPE, [Buffer.from(JSON.stringify(image))]);
  const index = {
    schemaVersion: 2,
    manifests: [{ ...imageBlob, annotations: { "org.opencontainers.image.ref.name": target.version } }],
  };
  await writeFile(path.join(layout, "index.json"), JSON.stringify(index));
  await writeFile(path.join(layout, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  return imageBlob.digest;
}

/** `skopeo copy`, failing with `failed` and skopeo's own reason on one line. */
async function skopeoCopy(args, failed) {
  const child = spawn("skopeo", ["copy", "--quiet", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk.toString()));
  const code = await new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  }).catch((error) => {
    if (error.code === "ENOENT") {
      throw new Failure(
        "skopeo is not installed or not on PATH: apt-get install skopeo (or see containers/skopeo's install.md)",
      );
    }
    throw error;
  });
  if (code !== 0) {
    const lines = log.trim().split("\n");
    const fatal = lines.findLast((line) => line.includes("level=fatal")) ?? lines.at(-1) ?? `exit status ${code}`;
    const reason = /msg="((?:[^"\\]|\\.)*)"/.exec(fatal)?.[1]?.replace(/\\(.)/g, "$1") ?? fatal;
    throw new Failure(`skopeo ${failed}: ${reason}`);
  }
}

async function deploy(env) {
  const target = await readTarget(env);
  const layout = await mkdtemp(path.join(os.tmpdir(), "oci-push-"));
  try {
    const digest = await packImage(layout, target);
    const reference = `${target.host}/${target.repository}`;
    // The version's tag first: the alias moves only once the version is in the registry.
    for (const tag of target.tags) {
      const destination = `docker://${reference}:${tag}`;
      const args = ["--preserve-digests", `--dest-tls-verify=${target.tlsVerify}`, `oci:${layout}:${target.version}`];
      await skopeoCopy([...args, destination], `could not push to ${destination}`);
      process.stdout.write(`pushed ${reference}:${tag} (${digest})\n`);
    }
    const scheme = target.tlsVerify ? "https" : "http";
    process.stdout.write(
      `environment_url=${scheme}://${target.host}/v2/${target.repository}/manifests/${target.version}\n`,
    );
  } finally {
    await rm(layout, { recursive: true, force: true });
  }
}

try {
  await deploy(process.env);
} catch (error) {
  console.error(`oci-push: ${error instanceof Failure ? error.message : (error?.stack ?? String(error))}`);
  process.exitCode = error instanceof Failure ? error.exitCode : 1;
}
