import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject
} from "./chunk-KECVUD6L.js";
import {
  formatBytes,
  progressReporter
} from "./chunk-THUPLUY7.js";
import {
  createRegistry,
  openObjectStore,
  openRegistry,
  parseModelRef
} from "./chunk-ERO4MCOP.js";
import "./chunk-N26MFBKU.js";
import "./chunk-Z3CAJF4B.js";
import "./chunk-LRSAP6TR.js";
import "./chunk-KDNJFZE6.js";
import "./chunk-OUO73NAH.js";
import "./chunk-XF3Z56KS.js";
import "./chunk-H6UPHFKP.js";
import {
  ExitCode,
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/pull.ts
import path from "node:path";
var pullCommand = {
  name: "pull",
  summary: "Download a version's files into a folder, each verified against its manifest (size and sha256)",
  details: "<model>@<ref>: a version id, a version number (7) or an alias (champion); <model> alone means <model>@champion.\nFiles land only once every one is verified: a corrupted object leaves the folder as it was (exit 2).\nWith --registry the registry is named on the command line and no mlops.yml is needed (e.g. on a deploy box).",
  positionals: [{ name: "model@ref", required: true, description: "what to pull, e.g. churn@champion or churn@7" }],
  options: {
    out: { type: "string", short: "o", valueName: "dir", description: "The folder to write the files into" },
    registry: {
      type: "string",
      valueName: "uri",
      description: "s3://bucket/prefix or a folder (default: registry.uri of mlops.yml)"
    },
    endpoint: { type: "string", valueName: "url", description: "With --registry: an S3-compatible endpoint" },
    region: { type: "string", valueName: "name", description: "With --registry: the bucket's AWS region" }
  },
  run: async (args, io) => {
    const [target = ""] = args.positionals;
    const { model, ref } = parseModelRef(target);
    const out = typeof args.values.out === "string" ? args.values.out : void 0;
    if (!out) throw new UsageError("pull needs --out <dir>", { hint: `mlops pull ${model}@${ref} --out model/` });
    const { registry, now } = await registryFor(args, io);
    const manifest = await registry.resolve(model, ref);
    if (!manifest) {
      throw new InputError(`${model} has no version or alias "${ref}" in ${registry.location}`, {
        hint: "see `mlops models list`"
      });
    }
    const outDir = path.resolve(io.cwd, out);
    const files = await registry.pull(manifest, outDir, {
      onProgress: progressReporter(
        (line) => args.logger.info(line),
        () => now().getTime()
      )
    });
    const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    const label = `${model} ${manifest.version}${manifest.sequence === void 0 ? "" : ` (#${manifest.sequence})`}`;
    return {
      exitCode: ExitCode.ok,
      result: {
        model,
        ref,
        version: manifest.version,
        sequence: manifest.sequence ?? null,
        out: outDir,
        files: manifest.files,
        manifest
      },
      text: [
        `Pulled ${label} into ${path.relative(io.cwd, outDir) || "."}: ${files.length} file(s), ${formatBytes(bytes)}, sha256 verified.`,
        ...manifest.files.map((f) => `  ${f.path}  ${formatBytes(f.size)}`)
      ].join("\n")
    };
  }
};
async function registryFor(args, io) {
  const uri = typeof args.values.registry === "string" ? args.values.registry : void 0;
  const endpoint = typeof args.values.endpoint === "string" ? args.values.endpoint : void 0;
  const region = typeof args.values.region === "string" ? args.values.region : void 0;
  if (uri === void 0) {
    if (endpoint !== void 0 || region !== void 0) {
      throw new UsageError("--endpoint and --region go with --registry", {
        hint: "otherwise mlops.yml's registry section is used"
      });
    }
    const context = await openProject(args, io);
    return { registry: await openRegistry(context), now: context.now };
  }
  const store = await openObjectStore(uri, io.cwd, { env: io.env, endpoint, region });
  const now = () => /* @__PURE__ */ new Date();
  return { registry: createRegistry(store, now), now };
}
export {
  pullCommand
};
