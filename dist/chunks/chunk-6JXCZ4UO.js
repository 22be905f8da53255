import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject
} from "./chunk-KATF5WDH.js";
import {
  progressReporter
} from "./chunk-CKB3RMBO.js";
import {
  describeVersion,
  openRegistry,
  openRegistryAt,
  parseModelRef,
  signingPolicy
} from "./chunk-GPXSHNAX.js";
import {
  formatBytes
} from "./chunk-LP2MTGO2.js";
import {
  ExitCode,
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/cli/commands/pull.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
var pullCommand = {
  name: "pull",
  summary: "Download a version's files into a folder, each verified against its manifest (size and sha256)",
  details: "<model>@<ref>: a version id, a version number (7) or an alias (champion); <model> alone means <model>@champion.\nAll or nothing: the files are downloaded next to --out, each verified, and the folder appears in one rename;\nany failure (a corrupted object, a full disk, a killed process) leaves --out as it was (exit 2).\nAn --out that is not empty is refused unless --force, which replaces it whole.\n--report, --card and --bom write one file the version carries instead of its files (verified): the run's HTML\nreport, the model card (markdown) or the ML-BOM (CycloneDX 1.6 JSON).\nWith --registry the registry is named on the command line and no mlops.yml is needed (e.g. on a deploy box).\n--trusted-key <file> (repeatable) verifies the version's signature against those PEM public keys before anything\nis written, and refuses (exit 1) a version that is unsigned, signed by another key or changed since it was signed;\n--require-signature does the same with registry.signing.trusted_keys of mlops.yml. With registry.signing.require\na pull verifies without either flag.",
  positionals: [{ name: "model@ref", required: true, description: "what to pull, e.g. churn@champion or churn@7" }],
  options: {
    out: { type: "string", short: "o", valueName: "dir", description: "The folder to write the files into" },
    force: { type: "boolean", description: "Replace --out whole when it is not empty" },
    manifest: {
      type: "string",
      valueName: "file",
      description: "Also write the version's manifest.json, byte for byte as stored, to <file> (for gh attestation verify)"
    },
    report: {
      type: "string",
      valueName: "file",
      description: "Instead of the files: write the version's HTML report (the run's report.html), verified, to <file>"
    },
    card: {
      type: "string",
      valueName: "file",
      description: "Instead of the files: write the version's model card (markdown), verified, to <file>"
    },
    bom: {
      type: "string",
      valueName: "file",
      description: "Instead of the files: write the version's ML-BOM (CycloneDX 1.6 JSON), verified, to <file>"
    },
    registry: {
      type: "string",
      valueName: "uri",
      description: "s3://bucket/prefix or a folder (default: registry.uri of mlops.yml)"
    },
    endpoint: { type: "string", valueName: "url", description: "With --registry: an S3-compatible endpoint" },
    "trusted-key": {
      type: "string",
      multiple: true,
      valueName: "file",
      description: "Refuse a version not signed by this PEM public key (ECDSA P-256 or Ed25519)"
    },
    "require-signature": {
      type: "boolean",
      description: "Refuse a version not signed by a key of --trusted-key or registry.signing.trusted_keys"
    },
    region: { type: "string", valueName: "name", description: "With --registry: the bucket's AWS region" }
  },
  run: async (args, io) => {
    const [target = ""] = args.positionals;
    const { model, ref } = parseModelRef(target);
    const out = typeof args.values.out === "string" ? args.values.out : void 0;
    const chosen = ATTACHMENT_FLAGS.filter((flag) => typeof args.values[flag.option] === "string");
    const [one, other] = chosen;
    if (other) {
      throw new UsageError(`--${one?.option ?? ""} and --${other.option} each write one file: give one of them`, {
        hint: "run the command once per file"
      });
    }
    if (one) {
      if (out !== void 0)
        throw new UsageError(`--${one.option} writes the version's ${one.what} instead of its files: leave out --out`, {
          hint: `pull the files and the ${one.what} with two commands`
        });
      const file = path.resolve(io.cwd, String(args.values[one.option]));
      return pullAttachmentFile(args, io, { model, ref, file }, one);
    }
    if (!out) throw new UsageError("pull needs --out <dir>", { hint: `mlops pull ${model}@${ref} --out model/` });
    const { registry, now } = await registryFor(args, io);
    const manifest = await resolveVersion(registry, model, ref);
    const outDir = path.resolve(io.cwd, out);
    const pulled = await registry.pull(manifest, outDir, {
      force: args.values.force === true,
      // --force replaces a folder whole: never the one this command runs in.
      protect: [io.cwd],
      onProgress: progressReporter(
        (line) => args.logger.info(line),
        () => now().getTime()
      )
    });
    for (const note of pulled.notes) args.logger.warn(note);
    const manifestFile = typeof args.values.manifest === "string" ? path.resolve(io.cwd, args.values.manifest) : null;
    if (manifestFile) {
      await mkdir(path.dirname(manifestFile), { recursive: true });
      await writeFile(manifestFile, await registry.manifestBytes(manifest));
    }
    const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    const label = describeVersion(manifest);
    return {
      exitCode: ExitCode.ok,
      result: {
        model,
        ref,
        version: manifest.version,
        sequence: manifest.sequence ?? null,
        out: outDir,
        replaced: pulled.replaced,
        files: manifest.files,
        manifest
      },
      text: [
        `Pulled ${label} into ${path.relative(io.cwd, outDir) || "."}: ${pulled.files.length} file(s), ${formatBytes(bytes)}, sha256 verified${pulled.replaced ? "; its previous content was replaced" : ""}.`,
        ...manifest.files.map((f) => `  ${f.path}  ${formatBytes(f.size)}`),
        ...manifestFile ? [`Its manifest, as stored: ${path.relative(io.cwd, manifestFile)}`] : []
      ].join("\n")
    };
  }
};
var ATTACHMENT_FLAGS = [
  {
    option: "report",
    attachment: "report",
    what: "HTML report",
    missing: "a version has one when its gate wrote report.html before it was published; see `mlops models show`"
  },
  {
    option: "card",
    attachment: "card",
    what: "model card",
    missing: "versions published by mlops-kit before model cards have none; see `mlops models show`"
  },
  {
    option: "bom",
    attachment: "mlbom",
    what: "ML-BOM",
    missing: "versions published by mlops-kit before ML-BOMs have none; see `mlops models show`"
  }
];
async function pullAttachmentFile(args, io, target, flag) {
  const { registry } = await registryFor(args, io);
  const manifest = await resolveVersion(registry, target.model, target.ref);
  const entry = manifest.attachments[flag.attachment];
  if (!entry) {
    throw new InputError(`${target.model} ${manifest.version} was published without ${withArticle(flag.what)}`, {
      hint: flag.missing
    });
  }
  await mkdir(path.dirname(target.file), { recursive: true });
  await registry.pullAttachment(manifest, flag.attachment, target.file);
  const shown = path.relative(io.cwd, target.file) || target.file;
  return {
    exitCode: ExitCode.ok,
    result: { model: target.model, version: manifest.version, [flag.option]: target.file, ...entry },
    text: `Wrote the ${flag.what} of ${target.model} ${manifest.version} to ${shown}: ${formatBytes(entry.size)}, sha256 verified.`
  };
}
var withArticle = (what) => /^[AEIMH]/.test(what) ? `an ${what}` : `a ${what}`;
async function registryFor(args, io) {
  const uri = typeof args.values.registry === "string" ? args.values.registry : void 0;
  const endpoint = typeof args.values.endpoint === "string" ? args.values.endpoint : void 0;
  const region = typeof args.values.region === "string" ? args.values.region : void 0;
  const keys = trustedKeyFlags(args, io);
  if (uri === void 0) {
    if (endpoint !== void 0 || region !== void 0) {
      throw new UsageError("--endpoint and --region go with --registry", {
        hint: "otherwise mlops.yml's registry section is used"
      });
    }
    const context = await openProject(args, io);
    const { signing } = context.loaded.config.registry;
    if (!keys && args.values["require-signature"] === true && (signing?.trusted_keys.length ?? 0) === 0) {
      throw new UsageError("--require-signature has no key to verify with: registry.signing.trusted_keys lists none", {
        hint: "give the signer's public key with --trusted-key <file>, or list it in registry.signing.trusted_keys"
      });
    }
    const required = keys ?? (args.values["require-signature"] === true && !signing?.require ? signingPolicy(
      { trusted_keys: signing?.trusted_keys ?? [], require: true },
      { root: context.loaded.root, env: io.env, door: { requiredBy: "--require-signature" } }
    ) : void 0);
    return { registry: await openRegistry(context, required ? { signing: required } : {}), now: context.now };
  }
  if (!keys && args.values["require-signature"] === true) {
    throw new UsageError("--require-signature with --registry needs --trusted-key <file>", {
      hint: "without mlops.yml there are no registry.signing.trusted_keys: name the signer's public key"
    });
  }
  const now = () => /* @__PURE__ */ new Date();
  const settings = { endpoint, region };
  return {
    registry: await openRegistryAt(uri, {
      root: io.cwd,
      env: io.env,
      settings,
      now,
      logger: args.logger,
      ...keys ? { signing: keys } : {}
    }),
    now
  };
}
function trustedKeyFlags(args, io) {
  const given = args.values["trusted-key"];
  const files = Array.isArray(given) ? given.map(String) : typeof given === "string" ? [given] : [];
  if (files.length === 0) return void 0;
  const policy = signingPolicy(
    { trusted_keys: files, require: true },
    {
      root: io.cwd,
      env: io.env,
      door: { requiredBy: "--trusted-key", pathsHint: "--trusted-key takes a PEM public key file, relative to here" }
    }
  );
  policy.trustedKeys();
  return policy;
}
async function resolveVersion(registry, model, ref) {
  const manifest = await registry.resolve(model, ref);
  if (!manifest) {
    const models = await registry.models();
    if (!models.includes(model)) {
      throw new InputError(`the registry ${registry.location} has no model named "${model}"`, {
        hint: models.length > 0 ? `name a version as <model>@<ref>, e.g. ${models[0]}@champion (models: ${models.join(", ")})` : "nothing has been published there yet"
      });
    }
    const pruned = await registry.prunedVersion(model, ref);
    if (pruned) {
      const number = pruned.sequence === null ? "" : ` (#${pruned.sequence})`;
      throw new InputError(
        `${model}@${ref}: ${pruned.version}${number} was pruned on ${pruned.at.slice(0, 10)} by \`mlops models prune\`${pruned.actor ? ` (run by ${pruned.actor})` : ""}; its files are gone from ${registry.location}`,
        { hint: `pull another version (see \`mlops models list\`); the prune is recorded in ${pruned.record}` }
      );
    }
    throw new InputError(`${model} has no version or alias "${ref}" in ${registry.location}`, {
      hint: "see `mlops models list`"
    });
  }
  return manifest;
}

export {
  pullCommand,
  ATTACHMENT_FLAGS,
  resolveVersion
};
