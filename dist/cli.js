#!/usr/bin/env node
import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  concludeRetrain,
  retrainGitHub
} from "./chunks/chunk-VOSPZ5CE.js";
import {
  decideRetrain
} from "./chunks/chunk-I55Y3CY6.js";
import {
  reportArtifact
} from "./chunks/chunk-JBQFOXKX.js";
import "./chunks/chunk-VKPGDWJQ.js";
import {
  runPlanStage,
  runSelectStage,
  selectSection,
  sweepResultsDir
} from "./chunks/chunk-P4WCPNVX.js";
import "./chunks/chunk-W6FJVNGP.js";
import {
  CACHE_CHOICES,
  createRegistry,
  displayPath,
  formatBytes,
  glob,
  mergeProfileFiles,
  openObjectStore,
  openRegistry,
  openRunCache,
  parseCacheChoice,
  parseModelRef,
  progressReporter,
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runPipeline,
  runProfile,
  runPublishStage,
  runTrainStage,
  runValidateStage
} from "./chunks/chunk-IMMM4ZD6.js";
import "./chunks/chunk-LVTSEMUF.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  DEFAULT_CONFIG_FILE,
  KIT_VERSION,
  NAME_PATTERN,
  ReportSection,
  closestMatch,
  findLeg,
  formatNumber,
  loadConfig,
  planSweep,
  profileSection,
  readProvenance,
  renderHeadline,
  renderText,
  renderTextTable,
  workspaceFor
} from "./chunks/chunk-L7SMWD5S.js";
import "./chunks/chunk-UTWGYE2F.js";
import {
  relativePathProblem
} from "./chunks/chunk-H6UPHFKP.js";
import {
  ConfigError,
  ExitCode,
  InputError,
  UsageError,
  UserError,
  asError,
  formatDiagnostic,
  formatPath
} from "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/logging.ts
function createStreamLogger(sink, options = {}) {
  const paint = (code, text) => options.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  const where = (location) => location ? `${location.file}${location.line ? `:${location.line}` : ""}${location.column ? `:${location.column}` : ""}: ` : "";
  return {
    info: (message) => void sink.write(`${message}
`),
    warn: (message, location) => void sink.write(`${paint("33", "warning")} ${where(location)}${message}
`),
    error: (message, location) => void sink.write(`${paint("31", "error")} ${where(location)}${message}
`),
    debug: (message) => {
      if (options.verbose) sink.write(`${paint("2", message)}
`);
    },
    group: async (name, fn) => {
      sink.write(`${paint("1", `\u25B8 ${name}`)}
`);
      return fn();
    }
  };
}

// src/cli/commands/check.ts
var checkCommand = {
  name: "check",
  summary: "Check mlops.yml: shape, cross-field rules and warnings, each with file:line:col",
  run: async (args, io) => {
    const loaded = await loadConfig(args.config, io.cwd);
    const lines = loaded.warnings.map(formatDiagnostic);
    const summary = `${loaded.displayFile} is valid${loaded.warnings.length > 0 ? ` (${loaded.warnings.length} warning(s))` : ""}: model ${loaded.config.model.name}, ${loaded.config.model.task}.`;
    return {
      exitCode: ExitCode.ok,
      result: { ok: true, file: loaded.displayFile, warnings: loaded.warnings },
      text: [...lines, summary].join("\n")
    };
  }
};

// src/cli/commands/init.ts
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";

// src/init/config-template.ts
function gateRules(task) {
  return task === "classification" ? "    - { metric: accuracy, min: 0.7 }\n    - { metric: accuracy, max_regression: 0.01 }" : "    - { metric: r2, min: 0.5 }\n    - { metric: r2, max_regression: 0.02 }";
}
function configTemplate(input) {
  return `# yaml-language-server: $schema=${input.schemaUrl}
# mlops-kit configuration. Reference: https://github.com/mlops-kit/mlops-kit#config-reference
version: 1

model:
  name: ${input.model}
  task: ${input.task}            # or regression

data:
  train: data/train.csv          # a path, a glob, or s3://bucket/key
  eval: data/eval.csv
  target: label
  schema:
    columns:
      label: { nullable: false }
    rows: { min: 1 }
  # drift: { reference: champion, method: auto }

train:
  command: ${input.trainCommand}
  params: params.yml             # exposed as $MLOPS_PARAMS_FILE and MLOPS_PARAM_<NAME>
  outputs: [model/]              # restored on a cache hit, published to the registry
  # inputs: [src/**]             # code whose change invalidates the run cache

evaluate:
  command: ${input.evaluateCommand}
  predictions: predictions.csv   # columns label, prediction${input.task === "classification" ? " (and score)" : ""} -> built-in metrics
  # metrics_file: metrics.json   # extra metrics your code computes

gate:
  baseline: champion             # the registry's current champion
  rules:
${gateRules(input.task)}

# registry: { uri: s3://my-bucket/models }   # default: a local folder, .mlops/registry
publish: { promote: champion }
# retrain: { schedule: "17 3 * * 1", when: { drift: true, max_age_days: 30 } }
`;
}

// src/cli/commands/init.ts
var SCHEMA_URL = `https://raw.githubusercontent.com/mlops-kit/mlops-kit/v${KIT_VERSION}/schema/mlops.schema.json`;
var initCommand = {
  name: "init",
  summary: "Write a commented mlops.yml for this repository (never overwrites without --force)",
  options: {
    name: { type: "string", valueName: "model", description: "Model name (default: the folder's name)" },
    task: { type: "string", valueName: "task", description: "classification (default) or regression" },
    force: { type: "boolean", description: "Overwrite an existing mlops.yml" }
  },
  run: async (args, io) => {
    const file = path.resolve(io.cwd, args.config);
    if (existsSync(file) && args.values.force !== true) {
      throw new UsageError(`${path.relative(io.cwd, file) || file} already exists`, {
        hint: "pass --force to overwrite it"
      });
    }
    const task = args.values.task ?? "classification";
    if (task !== "classification" && task !== "regression")
      throw new UsageError(`--task must be classification or regression, not "${String(task)}"`);
    const fallback = path.basename(io.cwd).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "") || "model";
    const model = typeof args.values.name === "string" ? args.values.name : fallback;
    if (!NAME_PATTERN.test(model))
      throw new UsageError(`"${model}" is not a valid model name`, { hint: "use letters, digits, '.', '_' and '-'" });
    const python = existsSync(path.join(io.cwd, "train.py"));
    const text = configTemplate({
      model,
      task,
      trainCommand: python ? "python train.py" : "node train.mjs",
      evaluateCommand: python ? "python evaluate.py" : "node evaluate.mjs",
      schemaUrl: SCHEMA_URL
    });
    await writeFile(file, text);
    const shown = path.relative(io.cwd, file) || file;
    return {
      exitCode: ExitCode.ok,
      result: { written: [shown] },
      text: `Wrote ${shown}. Next: edit the data paths and commands, then run \`mlops check\` and \`mlops run\`.`
    };
  }
};

// src/cli/project.ts
async function openProject(args, io) {
  const loaded = await loadConfig(args.config, io.cwd);
  for (const warning of loaded.warnings) {
    args.logger.warn(
      `${formatPath(warning.path)}: ${warning.message}${warning.hint ? ` (${warning.hint})` : ""}`,
      warning.location
    );
  }
  return {
    loaded,
    workspace: workspaceFor(loaded),
    logger: args.logger,
    env: io.env,
    now: () => /* @__PURE__ */ new Date(),
    provenance: await readProvenance(io.env, loaded.root)
  };
}
function stageOutcome(run) {
  return { exitCode: run.exitCode, result: run.result, text: renderText(run.section) };
}

// src/cli/commands/models.ts
var modelsCommand = {
  name: "models",
  summary: "List versions and aliases, show one version, trace the alias history, or clean up interrupted publishes",
  details: "A <ref> is a version id, a version number (7 or v7) or an alias (champion).\n`history --alias champion --at 2026-03-01` answers which version was champion then: at that moment, or for a\nbare date every version that served during that day (UTC).",
  positionals: [
    { name: "action", required: false, description: "list (default), show, history or clean" },
    { name: "ref", required: false, description: "for show: a version id, number or alias such as champion" }
  ],
  options: {
    alias: { type: "string", valueName: "name", description: "history: only this alias (default for --at: champion)" },
    at: { type: "string", valueName: "time", description: "history: the alias at this ISO time or date (UTC)" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const [action = "list", ref] = args.positionals;
    const headline = context.loaded.config.gate?.primary_metric ?? context.loaded.config.gate?.rules[0]?.metric;
    const alias = typeof args.values.alias === "string" ? args.values.alias : void 0;
    const at = typeof args.values.at === "string" ? args.values.at : void 0;
    if (action === "list") return listVersions(registry, model, headline);
    if (action === "show") {
      if (!ref) throw new UsageError("models show needs a version id or alias", { hint: "mlops models show champion" });
      const manifest = await registry.resolve(model, ref);
      if (!manifest)
        throw new InputError(`${model} has no version or alias "${ref}"`, { hint: "see `mlops models list`" });
      const aliases = Object.entries(await registry.aliases(model)).filter(([, version]) => version === manifest.version).map(([name]) => name);
      return { exitCode: ExitCode.ok, result: manifest, text: describeManifest(manifest, aliases) };
    }
    if (action === "history") {
      if (at !== void 0) return aliasAtTime(registry, model, alias ?? "champion", at);
      return showHistory(await registry.history(model, alias), model);
    }
    if (action === "clean") {
      const cleaned = await registry.clean(model);
      const text = cleaned.versions.length === 0 && cleaned.uploads === 0 ? "Nothing to clean: no interrupted publish older than a day." : `Removed ${cleaned.versions.length} interrupted publish(es) (${cleaned.objects} object(s)): ${cleaned.versions.join(", ") || "\u2014"}; aborted ${cleaned.uploads} unfinished upload(s).`;
      return { exitCode: ExitCode.ok, result: { model, ...cleaned }, text };
    }
    throw new UsageError(`unknown models action "${action}"`, { hint: "use list, show, history or clean" });
  }
};
async function listVersions(registry, model, headline) {
  const [versions, aliases] = await Promise.all([registry.versions(model), registry.aliases(model)]);
  const byVersion = /* @__PURE__ */ new Map();
  for (const [name, version] of Object.entries(aliases))
    byVersion.set(version, [...byVersion.get(version) ?? [], name]);
  const table = {
    headers: ["#", "version", "created", "gate", ...headline ? [headline] : [], "aliases"],
    rows: versions.map((m) => [
      m.sequence === void 0 ? "\u2014" : String(m.sequence),
      m.version,
      m.createdAt,
      m.gate?.verdict ?? "\u2014",
      ...headline ? [m.metrics[headline] === void 0 ? "\u2014" : formatNumber(m.metrics[headline])] : [],
      (byVersion.get(m.version) ?? []).join(", ")
    ])
  };
  const text = versions.length === 0 ? `No versions of ${model} in ${registry.location} yet.` : `${model} in ${registry.location}
${renderTextTable(table)}`;
  return { exitCode: ExitCode.ok, result: { model, registry: registry.location, versions, aliases }, text };
}
function describeManifest(m, aliases) {
  const lines = [
    `${m.model} ${m.version}${m.sequence === void 0 ? "" : ` (#${m.sequence})`}${aliases.length > 0 ? `, ${aliases.join(", ")}` : ""}`,
    `created   ${m.createdAt} by ${m.actor ?? "unknown"}${m.runUrl ? ` in ${m.runUrl}` : ""}`,
    `source    ${m.repository ? `${m.repository} ` : ""}${m.git.ref ?? "no ref"} ${m.git.sha ?? "no commit"}`,
    `gate      ${m.gate ? `${m.gate.verdict}${m.gate.baseline ? ` against ${m.gate.baseline}` : ""}` : "not run"}`,
    `metrics   ${Object.entries(m.metrics).map(([name, value]) => `${name} ${formatNumber(value)}`).join(", ") || "none"}`,
    `params    ${JSON.stringify(m.params)}`,
    "files",
    ...m.files.map((f) => `  ${f.path}  ${formatBytes(f.size)}  sha256 ${f.sha256}`),
    ...Object.entries(m.attachments).map(([name, f]) => `  (${name}) ${f.path}  ${formatBytes(f.size)}`),
    `kit       mlops-kit ${m.kitVersion}, ${m.format}`
  ];
  return lines.join("\n");
}
function showHistory(events, model) {
  const table = {
    headers: ["when", "alias", "from", "to", "by", "why"],
    rows: events.map((e) => [
      e.at,
      e.alias,
      e.from ?? "\u2014",
      e.to,
      e.actor ?? "\u2014",
      e.reason + (e.forced ? " (forced)" : "") + (e.kind === "rollback" ? " (rollback)" : "")
    ])
  };
  return {
    exitCode: ExitCode.ok,
    result: { model, events },
    text: events.length === 0 ? "No alias has moved yet." : renderTextTable(table)
  };
}
function parseWhen(text) {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const start = new Date(day ? `${text}T00:00:00.000Z` : text);
  if (Number.isNaN(start.getTime())) {
    throw new UsageError(`--at expects an ISO date or time, not "${text}"`, {
      hint: "e.g. --at 2026-03-01 or --at 2026-03-01T12:00Z"
    });
  }
  return { start, end: day ? new Date(start.getTime() + 24 * 60 * 60 * 1e3 - 1) : start };
}
async function aliasAtTime(registry, model, alias, when) {
  const { start, end } = parseWhen(when);
  const history = await registry.history(model, alias);
  const inForce = await registry.aliasAt(model, alias, start);
  const during = history.filter((e) => Date.parse(e.at) > start.getTime() && Date.parse(e.at) <= end.getTime());
  const served = [...inForce ? [inForce] : [], ...during];
  const text = served.length === 0 ? `${alias} did not exist yet at ${start.toISOString()}.` : served.map((e) => `${alias} -> ${e.to} since ${e.at} (by ${e.actor ?? "unknown"}: ${e.reason})`).join("\n");
  return {
    exitCode: ExitCode.ok,
    result: { model, alias, from: start.toISOString(), to: end.toISOString(), served },
    text
  };
}

// src/cli/commands/plan.ts
var planCommand = {
  name: "plan",
  summary: "List the legs of the train.matrix sweep and print the GitHub strategy.matrix JSON for them",
  details: "With --json, stdout holds { legs, runsOn, matrix }; `matrix` is the value for\n`strategy: { matrix: ${{ fromJSON(...) }} }` (actions/plan sets it as its `matrix` output).",
  run: async (args, io) => {
    const run = await runPlanStage(await openProject(args, io));
    const outcome = stageOutcome(run);
    return { ...outcome, text: `${outcome.text}

strategy.matrix: ${JSON.stringify(run.result.matrix)}` };
  }
};

// src/cli/commands/profile.ts
import path2 from "node:path";
var profileCommand = {
  name: "profile",
  summary: "Write a dataset's profile as JSON (or merge shard profiles: profile merge <files...>)",
  details: [
    "Examples:",
    "  mlops profile                          profile data.train",
    "  mlops profile --shard 2/4 --out p2.json  profile the 2nd of 4 blocks of data.train's files",
    "  mlops profile merge p*.json --out all.json"
  ].join("\n"),
  positionals: [
    {
      name: "files",
      required: false,
      variadic: true,
      description: "files or globs to profile; or `merge` then profiles"
    }
  ],
  options: {
    out: { type: "string", short: "o", valueName: "file", description: "Where to write the profile JSON" },
    shard: { type: "string", valueName: "i/n", description: "Profile the i-th of n blocks of the dataset's files" },
    dataset: { type: "string", valueName: "name", description: "train (default) or eval" },
    workers: { type: "string", valueName: "n", description: "Threads to read with (default: every core)" }
  },
  run: async (args, io) => {
    const [first, ...rest] = args.positionals;
    const out = typeof args.values.out === "string" ? path2.resolve(io.cwd, args.values.out) : null;
    if (first === "merge") {
      if (!out)
        throw new UsageError("profile merge needs --out <file>", {
          hint: "mlops profile merge p*.json --out all.json"
        });
      const files = (await Promise.all(rest.map((p) => glob(p, { cwd: io.cwd, absolute: true, expandDirectories: false })))).flat();
      if (files.length === 0)
        throw new UsageError("profile merge needs the profiles to merge", {
          hint: "mlops profile merge p1.json p2.json --out all.json"
        });
      const profile2 = await mergeProfileFiles(files, out, io.cwd);
      const shown2 = displayPath(io.cwd, out);
      return {
        exitCode: ExitCode.ok,
        result: { file: shown2, profile: profile2 },
        text: renderText(profileSection(profile2, shown2))
      };
    }
    const context = await openProject(args, io);
    const dataset = args.values.dataset ?? "train";
    if (dataset !== "train" && dataset !== "eval")
      throw new UsageError(`--dataset is train or eval, not "${String(dataset)}"`);
    const { profile, file } = await runProfile(context, {
      dataset,
      files: args.positionals.map((p) => path2.resolve(io.cwd, p)),
      shard: parseShard(args.values.shard),
      out,
      ...workersOf(args.values.workers)
    });
    const shown = displayPath(io.cwd, file);
    return {
      exitCode: ExitCode.ok,
      result: { file: shown, profile },
      text: renderText(profileSection(profile, shown))
    };
  }
};
function parseShard(value) {
  if (value === void 0) return null;
  const match = /^(\d+)\/(\d+)$/.exec(String(value));
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard is i/n with 1 <= i <= n, not "${String(value)}"`, { hint: "e.g. --shard 2/4" });
  return { index, count };
}
function workersOf(value) {
  if (value === void 0) return {};
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1)
    throw new UsageError(`--workers is a whole number of at least 1, not "${String(value)}"`);
  return { workers };
}

// src/cli/commands/promote.ts
var promoteCommand = {
  name: "promote",
  summary: "Point an alias (default champion) at a version, recording who, when and why",
  details: "<version> may also be a version number (7 or v7) or an alias whose version to promote (staging).\nRefuses a version whose gate did not pass (exit 1) unless --force; a forced promotion is marked in the history.",
  positionals: [{ name: "version", required: true, description: "the version id (see `mlops models`)" }],
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" },
    force: { type: "boolean", description: "Promote even though the version's gate did not pass (recorded as forced)" }
  },
  run: async (args, io) => {
    const [ref] = args.positionals;
    if (!ref) throw new UsageError("promote needs a version id", { hint: "mlops promote <version> --alias champion" });
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const manifest = await registry.resolve(model, ref);
    if (!manifest) throw new InputError(`${model} has no version ${ref}`, { hint: "see `mlops models list`" });
    const { version } = manifest;
    const alias = String(args.values.alias ?? "champion");
    const force = args.values.force === true;
    const verdict = manifest.gate?.verdict ?? "missing";
    if (verdict !== "pass" && !force) {
      return {
        exitCode: ExitCode.checkFailed,
        result: { promoted: false, model, version, alias, reason: `its gate verdict is ${verdict}` },
        text: `Not promoted: ${version}'s gate verdict is ${verdict}. Use --force to promote anyway (it is recorded).`
      };
    }
    const event = await registry.moveAlias(model, alias, version, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: typeof args.values.reason === "string" ? args.values.reason : "promoted by hand",
      runUrl: context.provenance.runUrl,
      forced: force && verdict !== "pass"
    });
    return {
      exitCode: ExitCode.ok,
      result: { promoted: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to}`
    };
  }
};

// src/cli/commands/pull.ts
import path3 from "node:path";
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
    const outDir = path3.resolve(io.cwd, out);
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
        `Pulled ${label} into ${path3.relative(io.cwd, outDir) || "."}: ${files.length} file(s), ${formatBytes(bytes)}, sha256 verified.`,
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

// src/cli/commands/report.ts
import { existsSync as existsSync2 } from "node:fs";
import path4 from "node:path";
var reportCommand = {
  name: "report",
  summary: "Post the gate's report to its pull request: a sticky comment and a check run",
  details: "Reads the gate's result (the report artifact) as untrusted input, so a trusted workflow_run job can post\nthe report of a fork's pull request. The pull request and commit come from the event (or --pr/--sha).\nNeeds GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise). Exit 0 when posted, whatever the verdict;\n2 when the report is invalid or GitHub refused it.",
  options: {
    from: { type: "string", valueName: "path", description: "The gate's result (default: <workspace>/out/gate.json)" },
    repo: { type: "string", valueName: "owner/name", description: "The repository (default: $GITHUB_REPOSITORY)" },
    pr: { type: "string", valueName: "number", description: "The pull request to comment on" },
    sha: { type: "string", valueName: "commit", description: "The commit the check run belongs on" },
    "dry-run": { type: "boolean", description: "Print the comment instead of posting anything" }
  },
  run: async (args, io) => {
    const configFile = path4.resolve(io.cwd, args.config);
    const loaded = existsSync2(configFile) ? await loadConfig(args.config, io.cwd) : null;
    const settings = loaded?.config.report ?? ReportSection.parse({});
    const from = typeof args.values.from === "string" ? path4.resolve(io.cwd, args.values.from) : loaded ? workspaceFor(loaded).resultFile("gate") : void 0;
    if (!from) throw new UsageError(`no ${args.config} here, so say where the report is: --from <gate.json>`);
    const pr = typeof args.values.pr === "string" ? Number(args.values.pr) : void 0;
    if (pr !== void 0 && !(Number.isInteger(pr) && pr > 0))
      throw new UsageError(`--pr must be a pull request number, not "${String(args.values.pr)}"`);
    const sha = typeof args.values.sha === "string" ? args.values.sha : void 0;
    if (sha !== void 0 && !/^[0-9a-f]{40}$/.test(sha))
      throw new UsageError("--sha must be a full 40-digit commit sha");
    const outcome = await reportArtifact({
      file: from,
      shown: path4.relative(io.cwd, from) || from,
      settings,
      env: io.env,
      target: {
        ...typeof args.values.repo === "string" ? { repository: args.values.repo } : {},
        ...pr === void 0 ? {} : { pullRequest: pr },
        ...sha === void 0 ? {} : { headSha: sha }
      },
      access: {
        token: io.env.GITHUB_TOKEN || void 0,
        baseUrl: io.env.GITHUB_API_URL || "https://api.github.com",
        logger: args.logger
      },
      dryRun: args.values["dry-run"] === true
    });
    const { report, published, target } = outcome;
    if (!published) {
      return {
        exitCode: ExitCode.ok,
        result: { posted: false, verdict: report.verdict, model: report.model, comment: outcome.comment },
        text: outcome.comment
      };
    }
    const lines = [
      `Gate report for ${report.model} (${report.verdict}) on ${target?.repository ?? ""}${target?.pullRequest ? ` #${target.pullRequest}` : ""}:`,
      published.commentUrl ? `  comment ${published.commentAction}: ${published.commentUrl}` : "  no comment (no pull request, or report.comment is off)",
      published.checkRunId !== null ? `  check run ${published.checkRunId} (${outcome.surfaces.check?.conclusion ?? ""})` : "  no check run",
      ...published.problems.map((problem) => `  could not post ${problem}`)
    ];
    for (const problem of published.problems) args.logger.error(`could not post ${problem}`);
    return {
      exitCode: published.problems.length > 0 ? ExitCode.usageOrConfig : ExitCode.ok,
      result: {
        posted: published.problems.length === 0,
        verdict: report.verdict,
        model: report.model,
        target,
        commentUrl: published.commentUrl,
        checkRunId: published.checkRunId,
        problems: published.problems
      },
      text: lines.join("\n")
    };
  }
};

// src/cli/commands/retrain.ts
var retrainCommand = {
  name: "retrain",
  summary: "Decide whether to retrain (drift, age, new data), retrain, and promote only a better model",
  details: "`mlops retrain decide` only decides. `mlops retrain` decides, then trains, evaluates, gates against the champion\nand concludes: a better model is published and promoted; a failure opens or updates one issue per model (when\nGITHUB_TOKEN and GITHUB_REPOSITORY are set), closed by the next success. `mlops retrain conclude` runs the last step\non results already in the workspace (what actions/retrain does). Exit 1 when retraining failed or was blocked.",
  positionals: [{ name: "step", required: false, description: "decide or conclude (default: the whole loop)" }],
  options: {
    force: { type: "boolean", description: "Retrain even if nothing calls for it" }
  },
  run: async (args, io) => {
    const [step] = args.positionals;
    if (step !== void 0 && step !== "decide" && step !== "conclude") {
      throw new UsageError(`unknown retrain step "${step}"`, {
        hint: "use `mlops retrain`, `mlops retrain decide` or `mlops retrain conclude`"
      });
    }
    const context = await openProject(args, io);
    const github = retrainGitHub(context, io.env.GITHUB_TOKEN);
    if (step === "conclude") return stageOutcome(await concludeRetrain(context, { github }));
    const decided = await decideRetrain(context, { force: args.values.force === true });
    if (step === "decide") return stageOutcome(decided);
    const sections = [decided.section];
    if (decided.result.shouldRetrain) {
      const params = await resolveTrainParams(context.loaded, []);
      const trained = await context.logger.group("train", () => runTrainStage(context, { params }));
      sections.push(trained.section);
      if (trained.exitCode === ExitCode.ok) {
        const evaluated = await context.logger.group("evaluate", () => runEvaluateStage(context));
        sections.push(evaluated.section);
        if (evaluated.exitCode === ExitCode.ok)
          sections.push((await context.logger.group("gate", () => runGateStage(context))).section);
      }
    }
    const concluded = await concludeRetrain(context, { github });
    sections.push(concluded.section);
    return {
      exitCode: concluded.exitCode,
      result: { decision: decided.result, outcome: concluded.result },
      text: sections.map(renderText).join("\n\n")
    };
  }
};

// src/cli/commands/rollback.ts
var rollbackCommand = {
  name: "rollback",
  summary: "Move an alias (default champion) back to the version it stood on before, recording it in the history",
  details: "Each rollback goes one step further back (v1, v2, v3 promoted: rollback -> v2, rollback again -> v1).\nTo go to any other version, use `mlops promote <version>`.",
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move back" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const alias = String(args.values.alias ?? "champion");
    const event = await registry.rollback(model, alias, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: typeof args.values.reason === "string" ? args.values.reason : "",
      runUrl: context.provenance.runUrl
    });
    return {
      exitCode: ExitCode.ok,
      result: { rolledBack: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to} (rolled back)`
    };
  }
};

// src/cli/commands/stages.ts
var validateCommand = {
  name: "validate",
  summary: "Check the data against data.schema, profile it, and measure drift against data.drift.reference",
  details: "Exit 1 when a rule with severity `error` is broken; 2 when the data cannot be read.\nWith --profiles, merges shard profiles (from `mlops profile --shard`) instead of reading data.train.",
  options: {
    profiles: {
      type: "string",
      multiple: true,
      valueName: "glob",
      description: "Shard profiles to merge instead of reading data.train (repeatable)"
    },
    workers: { type: "string", valueName: "n", description: "Threads to read with (default: every core)" }
  },
  run: async (args, io) => {
    const patterns = args.values.profiles ?? [];
    const profiles = (await Promise.all(patterns.map((p) => glob(p, { cwd: io.cwd, absolute: true, expandDirectories: false })))).flat().sort();
    if (patterns.length > 0 && profiles.length === 0)
      throw new UsageError(`no profile matches ${patterns.join(", ")}`, {
        hint: "write them with mlops profile --shard"
      });
    const context = await openProject(args, io);
    return stageOutcome(await runValidateStage(context, { profiles, ...workersOf(args.values.workers) }));
  }
};
var RUN_CACHE_OPTIONS = {
  force: { type: "boolean", description: "Train even when the run cache has this run (and save the result again)" },
  cache: {
    type: "string",
    valueName: "backend",
    description: `Run cache backend for this run: ${CACHE_CHOICES.join(", ")} (default: train.cache)`
  }
};
function runCacheChoices(values) {
  const cacheChoice = typeof values.cache === "string" ? parseCacheChoice(values.cache, "--cache") : void 0;
  return { force: values.force === true, ...cacheChoice === void 0 ? {} : { cacheChoice } };
}
var trainCommand = {
  name: "train",
  summary: "Run the training command with the resolved params, or reuse an identical earlier run from the run cache",
  details: "Params reach the command as $MLOPS_PARAMS_FILE (JSON) and MLOPS_PARAM_<NAME> variables.\nThe run cache key covers the command, params, train.inputs, the data, lockfiles, platform and runtimes;\na hit restores train.outputs byte for byte and skips the command.",
  options: {
    set: {
      type: "string",
      multiple: true,
      valueName: "name=value",
      description: "Override a param (repeatable), e.g. --set learning_rate=0.05"
    },
    leg: { type: "string", valueName: "id", description: "Train this leg of train.matrix (see `mlops plan`)" },
    ...RUN_CACHE_OPTIONS
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const leg = typeof args.values.leg === "string" ? findLeg(context.loaded.config, args.values.leg) : null;
    const params = await resolveTrainParams(context.loaded, args.values.set ?? [], leg);
    return stageOutcome(
      await runTrainStage(context, {
        params,
        leg,
        ...runCacheChoices(args.values)
      })
    );
  }
};
var evaluateCommand = {
  name: "evaluate",
  summary: "Run the evaluation command and compute metrics from predictions and metrics files",
  run: async (args, io) => stageOutcome(await runEvaluateStage(await openProject(args, io)))
};
var gateCommand = {
  name: "gate",
  summary: "Compare the evaluated metrics with the baseline (the registry's champion) under gate.rules",
  details: "Exit 1 when a rule fails; 2 when the gate cannot be evaluated (missing metric, unreadable baseline).",
  run: async (args, io) => stageOutcome(await runGateStage(await openProject(args, io)))
};
var publishCommand = {
  name: "publish",
  summary: "Store the model as a new registry version; promote it when its gate passed",
  run: async (args, io) => stageOutcome(await runPublishStage(await openProject(args, io)))
};

// src/cli/commands/run.ts
var runCommand = {
  name: "run",
  summary: "Run every stage in order: validate, train, evaluate, gate, publish",
  details: "Stops at the first stage that fails (data, training, evaluation). A failed gate still publishes the version\n(recorded with its verdict) but does not promote it. Use --no-publish for a pull-request style run.\nPrints one line per stage and the gate in full; --verbose prints every stage in full.",
  options: {
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param (repeatable)" },
    "no-publish": { type: "boolean", description: "Stop after the gate" },
    ...RUN_CACHE_OPTIONS
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const overrides = args.values.set ?? [];
    const pipeline = await runPipeline(context, {
      overrides,
      publish: args.values["no-publish"] !== true,
      ...runCacheChoices(args.values)
    });
    const verdict = pipeline.stoppedAt !== null ? `Stopped at ${pipeline.stoppedAt}.` : pipeline.exitCode === ExitCode.ok ? "All stages passed." : "The gate failed.";
    const text = [
      ...pipeline.stages.map(
        (stage) => args.verbose || stage.result.stage === "gate" || stage.exitCode !== ExitCode.ok ? renderText(stage.section) : renderHeadline(stage.section)
      ),
      verdict
    ].join("\n\n");
    return {
      exitCode: pipeline.exitCode,
      result: { ...pipeline, stages: pipeline.stages.map((stage) => stage.result) },
      text
    };
  }
};

// src/cli/commands/select.ts
import path5 from "node:path";
var selectCommand = {
  name: "select",
  summary: "Pick the best sweep leg by the gate's primary metric and print the sweep as a table",
  details: "Reads each leg's train.json and evaluate.json from --results (default: <workspace>/sweep, where\n`mlops sweep` leaves them; on GitHub, the folder the legs' artifacts were downloaded to).\nTies go to the earlier leg. Exit 1 when no leg produced the metric.",
  options: {
    results: { type: "string", valueName: "dir", description: "Folder holding the legs' results" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const results = typeof args.values.results === "string" ? path5.resolve(io.cwd, args.values.results) : void 0;
    return stageOutcome(await runSelectStage(context, results === void 0 ? {} : { resultsDir: results }));
  }
};

// src/train/local-sweep.ts
import { mkdir as mkdir2, rm, writeFile as writeFile2 } from "node:fs/promises";
import path7 from "node:path";

// src/train/shadow.ts
import { constants } from "node:fs";
import { copyFile, mkdir, readdir, stat, symlink } from "node:fs/promises";
import path6 from "node:path";
function writtenPaths(config) {
  const predictions = config.evaluate?.predictions;
  const metrics = config.evaluate?.metrics_file;
  return [
    ...config.train?.outputs ?? [],
    ...predictions === void 0 ? [] : [typeof predictions === "string" ? predictions : predictions.path],
    ...metrics === void 0 ? [] : typeof metrics === "string" ? [metrics] : metrics
  ].map(normalise);
}
function pathsOutsideRoot(config) {
  const params = typeof config.train?.params === "string" ? [config.train.params] : [];
  const data = [config.data?.train, config.data?.eval].flatMap(
    (s) => s === void 0 ? [] : typeof s === "string" ? [s] : s
  );
  return [...params, ...data, ...config.train?.inputs ?? [], ...writtenPaths(config), config.workspace].filter(
    (p) => !p.startsWith("s3://") && relativePathProblem(p) === "escapes"
  );
}
async function createShadow(root, target, config) {
  const workspace = normalise(config.workspace);
  const written = writtenPaths(config);
  const skipped = /* @__PURE__ */ new Set([workspace, ".git"]);
  const isWritten = (rel) => written.includes(rel);
  const holdsWritten = (rel) => [...written, workspace].some((w) => w.startsWith(`${rel}/`));
  const mirror = async (relative) => {
    const source = path6.join(root, relative);
    const destination = path6.join(target, relative);
    await mkdir(destination, { recursive: true });
    for (const entry of await readdir(source)) {
      const rel = relative === "" ? entry : `${relative}/${entry}`;
      if (skipped.has(rel) || isWritten(rel)) continue;
      const from = path6.join(source, entry);
      const to = path6.join(destination, entry);
      const info = await stat(from).catch(() => void 0);
      if (!info) continue;
      if (info.isDirectory()) {
        if (holdsWritten(rel)) await mirror(rel);
        else await symlink(from, to, process.platform === "win32" ? "junction" : "dir");
      } else if (info.isFile()) {
        await copyFile(from, to, constants.COPYFILE_FICLONE);
      }
    }
  };
  await mirror("");
}
function normalise(relative) {
  return path6.posix.normalize(relative).replace(/\/+$/, "").replace(/^\.\//, "");
}

// src/train/local-sweep.ts
async function runLocalSweep(context, options) {
  const { loaded, logger } = context;
  const plan = planSweep(loaded.config);
  const swept = new Set(plan.legs.flatMap((leg) => Object.keys(leg.values)));
  const clash = options.overrides.find((o) => swept.has(o.slice(0, o.indexOf("=")).trim()));
  if (clash) throw new UsageError(`--set ${clash}: that param is swept by train.matrix`);
  const parallel = Math.max(1, Math.floor(options.parallel));
  if (parallel > 1) {
    const outside = pathsOutsideRoot(loaded.config);
    if (outside.length > 0) {
      throw new UsageError(
        `--parallel runs each leg in a copy of ${path7.basename(loaded.root)}/, and ${outside.join(", ")} lie outside it`,
        {
          hint: "run the legs one after another (no --parallel), or on GitHub runners with `mlops plan`"
        }
      );
    }
  }
  const legParams = await Promise.all(plan.legs.map((leg) => resolveTrainParams(loaded, options.overrides, leg)));
  const cache = await openRunCache(context, options.cacheChoice);
  const resultsDir = sweepResultsDir(context);
  const workDir = path7.join(context.workspace.dir, "sweep-work");
  await rm(resultsDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
  const runLeg = async (leg) => {
    const params = legParams[leg.index] ?? {};
    const legContext = parallel > 1 ? await shadowContext(context, path7.join(workDir, `leg-${leg.id}`), leg) : context;
    const legCache = legContext === context ? cache : { ...cache, stampsFile: path7.join(legContext.workspace.cacheDir, "stamps.json") };
    const train = await runTrainStage(legContext, { params, leg, force: options.force, cache: legCache });
    const evaluate = train.exitCode === ExitCode.ok ? await runEvaluateStage(legContext) : null;
    const folder = path7.join(resultsDir, `leg-${leg.id}`);
    await mkdir2(folder, { recursive: true });
    await writeJson(path7.join(folder, "train.json"), train.result);
    if (evaluate) await writeJson(path7.join(folder, "evaluate.json"), evaluate.result);
    if (parallel > 1) await rm(path7.join(workDir, `leg-${leg.id}`), { recursive: true, force: true });
    logger.info(`sweep: leg ${leg.id} (${leg.name}): ${legSummary(train, evaluate)}`);
    return { leg, train: train.result, evaluate: evaluate?.result ?? null };
  };
  const legs = await inPool(plan.legs, parallel, runLeg);
  await rm(workDir, { recursive: true, force: true });
  const selected = await runSelectStage(context, { resultsDir });
  const winner = selected.result.winner;
  let final = null;
  let exitCode = selected.exitCode;
  if (winner) {
    if (!cache.backend)
      logger.warn("sweep: the run cache is off, so the best leg trains once more to put its outputs in place");
    logger.info(`sweep: putting leg ${winner.leg.id}'s outputs in place`);
    const train = await runTrainStage(context, {
      params: legParams[winner.leg.index] ?? {},
      leg: winner.leg,
      cache
    });
    const evaluate = train.exitCode === ExitCode.ok ? await runEvaluateStage(context) : null;
    final = { train: train.result, evaluate: evaluate?.result ?? null };
    exitCode = evaluate?.exitCode ?? train.exitCode;
  }
  return { stage: "sweep", exitCode, plan, legs, selection: selected.result, final };
}
async function shadowContext(context, dir, leg) {
  await createShadow(context.loaded.root, dir, context.loaded.config);
  const loaded = await loadConfig(path7.basename(context.loaded.file), dir);
  return {
    ...context,
    loaded,
    workspace: workspaceFor(loaded),
    logger: prefixedLogger(context.logger, `[leg ${leg.id}]`)
  };
}
function prefixedLogger(logger, prefix) {
  return {
    info: (message) => logger.info(`${prefix} ${message}`),
    warn: (message, location) => logger.warn(`${prefix} ${message}`, location),
    error: (message, location) => logger.error(`${prefix} ${message}`, location),
    debug: (message) => logger.debug(`${prefix} ${message}`),
    group: (name, fn) => {
      logger.info(`${prefix} \u25B8 ${name}`);
      return fn();
    }
  };
}
function legSummary(train, evaluate) {
  if (train.result.status !== "ok") return "training failed";
  const how = train.result.cache.status === "hit" ? "restored from the run cache" : `trained in ${(train.result.durationMs / 1e3).toFixed(1)} s`;
  if (!evaluate) return how;
  return evaluate.result.status === "ok" ? `${how}, evaluated` : `${how}, evaluation failed`;
}
async function inPool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  let failure;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
async function writeJson(file, value) {
  await writeFile2(file, `${JSON.stringify(value, null, 2)}
`);
}

// src/cli/commands/sweep.ts
var sweepCommand = {
  name: "sweep",
  summary: "Train and evaluate every leg of train.matrix here, pick the best, and put its outputs in place",
  details: "Legs run one after another in the project, or N at once with --parallel N, each in its own shadow copy\n(folders symlinked, written paths real). Every leg goes through the run cache, so the best leg's outputs\ncome back byte for byte at the end. Then `mlops gate` and `mlops publish` continue with the best leg.",
  options: {
    parallel: { type: "string", valueName: "n", description: "Legs to run at once (default 1)" },
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param in every leg" },
    force: { type: "boolean", description: "Train every leg even when the run cache has it" },
    cache: { type: "string", valueName: "backend", description: `Run cache backend: ${CACHE_CHOICES.join(", ")}` }
  },
  run: async (args, io) => {
    const parallelText = typeof args.values.parallel === "string" ? args.values.parallel : "1";
    if (!/^[1-9]\d*$/.test(parallelText)) {
      throw new UsageError(`--parallel must be a whole number of at least 1, not "${parallelText}"`);
    }
    const context = await openProject(args, io);
    const cacheChoice = typeof args.values.cache === "string" ? parseCacheChoice(args.values.cache, "--cache") : void 0;
    const sweep = await runLocalSweep(context, {
      parallel: Number(parallelText),
      overrides: args.values.set ?? [],
      force: args.values.force === true,
      ...cacheChoice === void 0 ? {} : { cacheChoice }
    });
    const winner = sweep.selection.winner;
    const closing = !winner ? "No leg succeeded." : sweep.final?.evaluate?.status === "ok" ? `Leg ${winner.leg.id}'s outputs are in place and evaluated: run \`mlops gate\` and \`mlops publish\` next.` : `Leg ${winner.leg.id} won, but putting its outputs in place failed: see above.`;
    return {
      exitCode: sweep.exitCode,
      result: sweep,
      text: `${renderText(selectSection(sweep.selection))}

${closing}`
    };
  }
};

// src/cli/commands/index.ts
var COMMANDS = [
  initCommand,
  checkCommand,
  validateCommand,
  profileCommand,
  trainCommand,
  evaluateCommand,
  gateCommand,
  reportCommand,
  publishCommand,
  runCommand,
  retrainCommand,
  planCommand,
  sweepCommand,
  selectCommand,
  modelsCommand,
  promoteCommand,
  rollbackCommand,
  pullCommand
];

// src/cli/main.ts
var GLOBAL_OPTIONS = {
  config: {
    type: "string",
    short: "c",
    valueName: "path",
    description: `Config file (default ./${DEFAULT_CONFIG_FILE})`
  },
  json: { type: "boolean", description: "Print one JSON result object on stdout; human text goes to stderr" },
  verbose: { type: "boolean", short: "v", description: "Print debug details" },
  help: { type: "boolean", short: "h", description: "Show help" }
};
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    (name === void 0 ? io.stderr : io.stdout).write(generalHelp());
    return name === void 0 ? ExitCode.usageOrConfig : ExitCode.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${KIT_VERSION}
`);
    return ExitCode.ok;
  }
  const json = rest.includes("--json");
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const near = closestMatch(
      name,
      COMMANDS.map((c) => c.name)
    );
    const error = new UsageError(`unknown command "${name}"`, {
      hint: near ? `did you mean "${near}"? Run \`mlops --help\` for the list` : "run `mlops --help` for the list"
    });
    return reportError(error, { json, io, command: name });
  }
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help === true) {
      io.stdout.write(commandHelp(command));
      return ExitCode.ok;
    }
    const logger = createStreamLogger(io.stderr, { verbose: parsed.values.verbose === true, color: io.color });
    const outcome = await command.run(
      {
        config: typeof parsed.values.config === "string" ? parsed.values.config : DEFAULT_CONFIG_FILE,
        json,
        verbose: parsed.values.verbose === true,
        values: parsed.values,
        positionals: parsed.positionals,
        logger
      },
      io
    );
    if (json) {
      io.stderr.write(`${outcome.text}
`);
      io.stdout.write(`${JSON.stringify(outcome.result, null, 2)}
`);
    } else {
      io.stdout.write(`${outcome.text}
`);
    }
    return outcome.exitCode;
  } catch (thrown) {
    return reportError(asError(thrown), { json, io, command: command.name });
  }
}
function parseCommandArgs(command, args) {
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const positionals = command.positionals ?? [];
  try {
    const parsed = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(options).map(([key, spec]) => [
          key,
          {
            type: spec.type,
            ...spec.short ? { short: spec.short } : {},
            ...spec.multiple ? { multiple: true } : {},
            ...spec.default === void 0 ? {} : { default: spec.default }
          }
        ])
      ),
      allowPositionals: positionals.length > 0,
      strict: true
    });
    if (parsed.values.help !== true) {
      const missing = positionals.slice(parsed.positionals.length).find((p) => p.required);
      if (missing)
        throw new UsageError(`mlops ${command.name} needs <${missing.name}>: ${missing.description}`, {
          hint: `see \`mlops ${command.name} --help\``
        });
      if (parsed.positionals.length > positionals.length && !positionals[positionals.length - 1]?.variadic) {
        throw new UsageError(`unexpected argument "${parsed.positionals[positionals.length]}"`, {
          hint: `see \`mlops ${command.name} --help\``
        });
      }
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = error.message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const near = closestMatch(unknown.replace(/^-+/, ""), Object.keys(options));
      throw new UsageError(`unknown option ${unknown} for \`mlops ${command.name}\``, {
        hint: near ? `did you mean --${near}?` : `see \`mlops ${command.name} --help\``
      });
    }
    throw new UsageError(message.split("\n")[0] ?? message, { hint: `see \`mlops ${command.name} --help\`` });
  }
}
function reportError(error, context) {
  const { io } = context;
  if (error instanceof UserError) {
    const label = error instanceof ConfigError ? "" : "error: ";
    io.stderr.write(`${label}${error.describe()}
`);
    if (context.json) {
      const diagnostics = error instanceof ConfigError ? error.diagnostics : void 0;
      io.stdout.write(
        `${JSON.stringify({ ok: false, error: { kind: error.name, message: error.message, hint: error.hint ?? null, location: error.location ?? null, ...diagnostics ? { diagnostics } : {} } }, null, 2)}
`
      );
    }
    return error.exitCode;
  }
  io.stderr.write(
    `internal error in \`mlops ${context.command}\` (this is a bug in mlops-kit; please report it):
${error.stack ?? error.message}
`
  );
  if (error.cause !== void 0) {
    const cause = asError(error.cause);
    io.stderr.write(`caused by: ${cause.stack ?? cause.message}
`);
  }
  if (context.json)
    io.stdout.write(
      `${JSON.stringify({ ok: false, error: { kind: "InternalError", message: error.message } }, null, 2)}
`
    );
  return ExitCode.usageOrConfig;
}
function generalHelp() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `mlops ${KIT_VERSION}: CI, CD and continuous training for ML repositories, from one mlops.yml`,
    "",
    "Usage: mlops <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --config <path>, --json and --help.",
    "Exit codes: 0 ok, 1 a check failed (data rules, gate), 2 usage or config error.",
    ""
  ].join("\n");
}
function commandHelp(command) {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  const label = (key, spec) => `${spec.short ? `-${spec.short}, ` : "    "}--${key}${spec.type === "string" ? ` <${spec.valueName ?? "value"}>` : ""}`;
  const width = Math.max(...Object.entries(options).map(([k, s]) => label(k, s).length));
  const positionals = command.positionals ?? [];
  const usage = `mlops ${command.name}${positionals.map((p) => p.required ? ` <${p.name}>` : ` [${p.name}${p.variadic ? "..." : ""}]`).join("")} [options]`;
  return [
    `${command.summary}.`,
    "",
    `Usage: ${usage}`,
    ...command.details ? ["", command.details] : [],
    ...positionals.length > 0 ? ["", "Arguments:", ...positionals.map((p) => `  ${p.name.padEnd(width)}  ${p.description}`)] : [],
    "",
    "Options:",
    ...Object.entries(options).map(
      ([key, spec]) => `  ${label(key, spec).padEnd(width)}  ${spec.description}${spec.multiple ? " (repeatable)" : ""}`
    ),
    ""
  ].join("\n");
}

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  color: process.stderr.isTTY === true && process.env.NO_COLOR === void 0
});
