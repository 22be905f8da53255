import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  declaredColumns,
  liveSchema,
  logLayout
} from "./chunk-LFMJASVH.js";
import {
  pullForCommand
} from "./chunk-OFMUSNDP.js";
import {
  describeFile,
  fingerprintFiles
} from "./chunk-MCQ3S4MW.js";
import {
  buildProfile,
  findingsOf,
  planDataset,
  scanDataset
} from "./chunk-CY6NSRLG.js";
import {
  saveStageRun
} from "./chunk-SNPX46U6.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  describeFailure,
  runCommand
} from "./chunk-LFNSLPCM.js";
import {
  fetchSources,
  listSources,
  shardOf
} from "./chunk-LGIA7PQF.js";
import {
  DamagedFileError,
  UnverifiedVersionError,
  openRegistry
} from "./chunk-GPXSHNAX.js";
import {
  registryTokenOption,
  withRegistryToken
} from "./chunk-BO5Z4RF3.js";
import {
  openObjectStore,
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  redactorFor
} from "./chunk-5PEOAABG.js";
import {
  NAME_PATTERN
} from "./chunk-LNIKRDBK.js";
import {
  flagOption,
  shardOption,
  textOption
} from "./chunk-SUPM4SWD.js";
import {
  _nonnegative,
  _positive,
  int,
  literal,
  nullable,
  number,
  object,
  string
} from "./chunk-MOKAEFJD.js";
import {
  ExitCode,
  InputError,
  UsageError,
  UserError
} from "./chunk-XOZC47AQ.js";

// src/predict/predict.ts
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";

// src/predict/location.ts
var SUCCESS_MARKER = "_SUCCESS";
var COMPLETION_FORMAT = "mlops-kit/scoring-result@1";
var PartRecordSchema = object({
  format: literal("mlops-kit/scoring-part@1"),
  version: string(),
  input: string(),
  file: string(),
  rowsIn: number().check(int(), _nonnegative()),
  rowsOut: number().check(int(), _nonnegative()),
  bytes: number().check(int(), _nonnegative()),
  sha256: string(),
  shard: nullable(
    object({ index: number().check(int(), _positive()), count: number().check(int(), _positive()) })
  )
});
var CompletionSchema = object({
  format: literal(COMPLETION_FORMAT),
  model: string(),
  version: string(),
  input: string(),
  rows: number().check(int(), _nonnegative()),
  parts: number().check(int(), _nonnegative()),
  scoredAt: string()
});
function expandLayout(layout, values) {
  return layout.replace(/\{(\w+)\}/g, (_, name) => {
    if (name === "alias") return values.alias ?? "pinned";
    return values[name];
  }).replace(/\/+/g, "/").replace(/^\/|\/$/g, "");
}
function partName(index, format) {
  return `part-${String(index).padStart(5, "0")}.${format}`;
}
var partRecordName = (index) => `part-${String(index).padStart(5, "0")}.json`;
var keyIn = (place, name) => place.prefix ? `${place.prefix}/${name}` : name;
async function readCompletion(place) {
  const body = await place.store.get(keyIn(place, SUCCESS_MARKER));
  if (body === void 0) return void 0;
  return parseOrRefuse(CompletionSchema, body, `${place.location}/${SUCCESS_MARKER}`);
}
async function readPartRecord(place, index) {
  const body = await place.store.get(keyIn(place, partRecordName(index)));
  if (body === void 0) return void 0;
  return parseOrRefuse(PartRecordSchema, body, `${place.location}/${partRecordName(index)}`);
}
async function writePartRecord(place, index, record) {
  const body = { format: "mlops-kit/scoring-part@1", ...record };
  await place.store.put(keyIn(place, partRecordName(index)), `${JSON.stringify(body, null, 2)}
`);
}
async function writeCompletion(place, completion) {
  const body = { format: COMPLETION_FORMAT, ...completion };
  return place.store.create(keyIn(place, SUCCESS_MARKER), `${JSON.stringify(body, null, 2)}
`);
}
function parseOrRefuse(schema, body, shown) {
  let raw;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch {
    raw = void 0;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InputError(`${shown} is not a record mlops-kit wrote (damaged, or another tool's file)`, {
    hint: "predict.output must be a location only batch scoring writes to; delete that file if it is debris"
  });
}

// src/predict/complete.ts
async function completeResult(place, registry, run) {
  const { manifest, input } = run;
  let rows = 0;
  let inputRows = 0;
  let shards = 1;
  for (let index = 1; index <= input.files.length; index++) {
    const file = input.files[index - 1].path;
    const record2 = await readPartRecord(place, index);
    const name = partName(index, run.format);
    if (!record2) {
      return {
        failure: `part ${index} of ${input.files.length} (${file}) is missing from ${place.location}: its matrix leg failed or did not run; run that leg again, then finish`
      };
    }
    if (record2.version !== manifest.version || record2.input !== input.id) {
      return {
        failure: `${place.location}/${name} was written by ${record2.version} for input ${record2.input}, not by ${manifest.version} for ${input.id}: score that part again (--force)`
      };
    }
    const head = await place.store.head(keyIn(place, name));
    if (!head || head.size !== record2.bytes) {
      return {
        failure: `${place.location}/${name} is ${head ? `${head.size} bytes, not the ${record2.bytes} its record says` : "missing though its record is there"}: score that part again (--force)`
      };
    }
    rows += record2.rowsOut;
    inputRows += record2.rowsIn;
    shards = Math.max(shards, record2.shard?.count ?? 1);
  }
  const completion = {
    model: manifest.model,
    version: manifest.version,
    input: input.id,
    rows,
    parts: input.files.length,
    scoredAt: run.scoredAt
  };
  if (!await writeCompletion(place, completion)) {
    const there = await readCompletion(place);
    if (!there || there.version !== manifest.version || there.input !== input.id) {
      return {
        failure: `${place.location} was completed by another run (${there?.version ?? "unknown version"}) meanwhile`
      };
    }
    return { rows: there.rows, parts: there.parts, shards, record: null };
  }
  const record = await registry.appendScoringRecord(manifest.model, {
    alias: run.alias,
    version: manifest.version,
    scoredAt: run.scoredAt,
    runUrl: run.runUrl,
    input: { fingerprint: input.id, files: input.files, rows: inputRows },
    output: { location: place.location, format: run.format, parts: input.files.length, rows },
    shards
  });
  return { rows, parts: input.files.length, shards, record };
}

// src/predict/require.ts
function requirePredict(config) {
  if (!config.predict) {
    throw new UsageError("mlops.yml has no predict section", {
      hint: "add `predict: { input: data/new/*.csv, command: ..., output: s3://bucket/scores }` (docs/batch-scoring.md)"
    });
  }
  return config.predict;
}

// src/predict/resolve.ts
async function resolveScoringVersion(context, registry, request) {
  const { config } = context.loaded;
  const predict = requirePredict(config);
  const model = config.model.name;
  const ref = request.ref ?? predict.alias;
  if (request.alias && !NAME_PATTERN.test(request.alias)) {
    throw new UsageError(`--alias names an alias, not "${request.alias}"`, {
      hint: "pass the alias the plan job resolved (its `alias` output)"
    });
  }
  const aliases = await registry.aliases(model);
  const manifest = await registry.resolve(model, ref);
  if (!manifest) {
    throw new InputError(
      request.ref === null ? `${predict.alias} of ${model} points nowhere yet, so there is no version to score with` : `${model} has no version ${ref}`,
      { hint: "publish and promote a version first (see `mlops models list`), or name one with --version" }
    );
  }
  return { manifest, alias: request.alias || (ref in aliases ? ref : null) };
}
async function planScoring(context, registry, ref) {
  const { manifest, alias } = await resolveScoringVersion(context, registry, { ref });
  context.logger.info(
    `${manifest.model}: ${alias ? `${alias} is ${manifest.version}` : manifest.version}; scoring nothing yet`
  );
  return {
    stage: "predict",
    state: "planned",
    verdict: "pass",
    model: manifest.model,
    alias,
    version: manifest.version
  };
}

// src/predict/input.ts
import { createHash } from "node:crypto";
import os from "node:os";
async function fingerprintInput(entries, root) {
  const files = await fingerprintFiles(entries, root);
  const text = files.map(describeFile).join("\n");
  return { id: createHash("sha256").update(text).digest("hex").slice(0, 16), files };
}
async function checkInput(files, config, predict, tempDir) {
  const target = config.data?.target;
  const schema = config.data?.schema;
  const features = Object.keys(schema?.columns ?? {}).filter((column) => column !== target);
  const rules = predict.validate ? liveSchema(schema, features) : void 0;
  const profile = await profileFiles("input", files, predict.format, config.data?.header ?? true, rules, tempDir);
  const findings = rules ? findingsOf(profile.profile, rules) : [];
  return {
    rows: files.map((file) => profile.profile.files.find((f) => f.path === file.shown)?.rows ?? 0),
    findings,
    errors: findings.filter((f) => f.severity === "error").length
  };
}
async function tableShape(file, format, tempDir) {
  const { profile } = await profileFiles("output", [file], format, true, void 0, tempDir);
  return { rows: profile.rows, columns: profile.files[0]?.columns ?? [] };
}
async function profileFiles(name, files, format, header, schema, tempDir) {
  const plan = await planDataset(name, [...files], { format, header }, schema);
  const outcome = await scanDataset(plan, { workers: os.availableParallelism(), tempDir });
  return { profile: buildProfile(plan, outcome) };
}
function missingMonitorColumns(config, columns) {
  if (!config.monitor) return [];
  const layout = logLayout(config.monitor);
  const missing = declaredColumns(layout).filter((column) => !columns.includes(column));
  const prefix = layout.scorePrefix;
  if (prefix !== void 0 && !columns.some((column) => column.startsWith(prefix))) missing.push(`${prefix}*`);
  return missing;
}

// src/predict/predict.ts
async function predictBatch(context, registry, request) {
  const started = context.now();
  const { config, root } = context.loaded;
  const predict = requirePredict(config);
  const model = config.model.name;
  const { manifest, alias } = await resolveScoringVersion(context, registry, request);
  const settings = projectStoreSettings(config.registry, context.env);
  const entries = await listSources(predict.input, root, settings);
  const input = await fingerprintInput(entries, root);
  const prefix = expandLayout(predict.layout, {
    model,
    version: manifest.version,
    alias,
    input: input.id,
    date: started.toISOString().slice(0, 10)
  });
  const store = await openObjectStore(predict.output, root, settings);
  const place = { store, prefix, location: `${predict.output.replace(/\/+$/, "")}/${prefix}` };
  const result = {
    stage: "predict",
    model,
    alias,
    version: manifest.version,
    input: { fingerprint: input.id, files: entries.length },
    location: place.location,
    verdict: "pass",
    state: "partial",
    failure: null,
    findings: [],
    parts: [],
    rows: null,
    record: null,
    shard: request.shard,
    durationMs: 0
  };
  const finished = (changes) => ({
    ...result,
    ...changes,
    durationMs: context.now().getTime() - started.getTime()
  });
  const failed = (failure, changes = {}) => finished({ verdict: "fail", state: "failed", failure, ...changes });
  const done = await readCompletion(place);
  if (done && (done.version !== manifest.version || done.input !== input.id)) {
    return failed(
      `${place.location} holds a complete result of ${done.version} for input ${done.input}; it is not replaced by ${manifest.version}'s (put {version} and {input} in predict.layout to give each result its own place)`
    );
  }
  if (done && !request.force) {
    context.logger.info(
      `${place.location} is complete already (${manifest.version}, input ${input.id}); --force scores again`
    );
    return finished({ state: "already", rows: done.rows });
  }
  if (!done && !request.force) {
    const earlier = (await registry.scoringLog(model)).findLast(
      (r) => r.version === manifest.version && r.input.fingerprint === input.id && r.output.location !== place.location
    );
    if (earlier) {
      context.logger.info(
        `${manifest.version} scored this input already, into ${earlier.output.location}; --force scores again`
      );
      return finished({ state: "already", rows: earlier.output.rows, location: earlier.output.location });
    }
  }
  if (done) await store.delete(keyIn(place, SUCCESS_MARKER));
  const run = { manifest, alias, input, format: predict.output_format, runUrl: context.provenance.runUrl };
  if (!request.finish) {
    const scored = await scoreParts(context, registry, place, entries, { ...run, predict, request });
    if (scored.failure !== null) return failed(scored.failure, { findings: scored.findings, parts: scored.parts });
    result.findings = scored.findings;
    result.parts = scored.parts;
    if (request.shard !== null) return finished({ state: "partial" });
  }
  const completed = await completeResult(place, registry, { ...run, scoredAt: started.toISOString() });
  if ("failure" in completed) return failed(completed.failure, { parts: result.parts });
  context.logger.info(`${place.location} is complete: ${completed.rows} rows in ${completed.parts} part(s)`);
  return finished({ state: "complete", rows: completed.rows, record: completed.record });
}
async function scoreParts(context, registry, place, entries, run) {
  const { manifest, input, predict, request } = run;
  const indexed = entries.map((entry, i) => ({ entry, index: i + 1 }));
  const mine = request.shard ? shardOf(indexed, request.shard.index, request.shard.count) : indexed;
  const parts = [];
  const todo = [];
  for (const item of mine) {
    const record = request.force ? void 0 : await readPartRecord(place, item.index);
    if (record && record.version === manifest.version && record.input === input.id) {
      parts.push({
        index: item.index,
        file: item.entry.shown,
        state: "kept",
        rowsIn: record.rowsIn,
        rowsOut: record.rowsOut
      });
    } else todo.push(item);
  }
  if (todo.length === 0) return { failure: null, findings: [], parts };
  const work = path.join(context.workspace.dir, "predict");
  await mkdir(work, { recursive: true });
  const temp = await mkdtemp(path.join(work, "run-"));
  try {
    const files = await fetchSources(
      todo.map((item) => item.entry),
      path.join(temp, "input")
    );
    const checked = await checkInput(files, context.loaded.config, predict, temp);
    if (checked.errors > 0) {
      return {
        failure: `the input broke ${checked.errors} rule(s) of data.schema; nothing was scored`,
        findings: checked.findings,
        parts
      };
    }
    const pulled = await pullModel(context, registry, manifest, path.join(temp, "model"));
    if ("failure" in pulled) return { failure: pulled.failure, findings: checked.findings, parts };
    for (let i = 0; i < todo.length; i++) {
      const { index, entry } = todo[i];
      const file = files[i];
      const rowsIn = checked.rows[i] ?? 0;
      const part = partName(index, run.format);
      const output = path.join(temp, part);
      const failure = await runScoring(context, run, { ...pulled, input: file.path, output, part: index });
      const outcome = { index, file: entry.shown, state: "failed", rowsIn, rowsOut: null };
      parts.push(outcome);
      if (failure !== null) return { failure, findings: checked.findings, parts };
      const shape = await tableShape({ path: output, shown: part }, run.format, temp).catch((error) => {
        if (error instanceof UserError) return error.message;
        throw error;
      });
      if (typeof shape === "string")
        return {
          failure: `the predict command's output for ${entry.shown} cannot be read: ${shape}`,
          findings: checked.findings,
          parts
        };
      outcome.rowsOut = shape.rows;
      const problem = partProblem(context.loaded.config, predict, entry.shown, rowsIn, shape);
      if (problem !== null) return { failure: problem, findings: checked.findings, parts };
      const digest = await place.store.upload(keyIn(place, part), output);
      await writePartRecord(place, index, {
        version: manifest.version,
        input: input.id,
        file: entry.shown,
        rowsIn,
        rowsOut: shape.rows,
        bytes: digest.size,
        sha256: digest.sha256,
        shard: request.shard
      });
      outcome.state = "scored";
      context.logger.info(`scored ${entry.shown}: ${shape.rows} rows into ${place.location}/${part}`);
    }
    return { failure: null, findings: checked.findings, parts };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
function partProblem(config, predict, shown, rowsIn, shape) {
  if (shape.rows !== rowsIn) {
    return `the predict command wrote ${shape.rows} rows for the ${rowsIn} rows of ${shown}: one row per input row, in order`;
  }
  const missing = predict.monitored ? missingMonitorColumns(config, shape.columns) : [];
  if (missing.length > 0) {
    return `the predict command's output for ${shown} lacks ${missing.join(", ")}, which the monitor reads (monitor.logs); write them, or set predict.monitored: false`;
  }
  return null;
}
async function pullModel(context, registry, manifest, dir) {
  const modelDir = path.join(dir, "files");
  const manifestFile = path.join(dir, "manifest.json");
  try {
    await pullForCommand(context, registry, manifest, { modelDir, manifestFile });
  } catch (error) {
    if (error instanceof UnverifiedVersionError || error instanceof DamagedFileError) {
      return { failure: `${error.message}; nothing was scored` };
    }
    throw error;
  }
  return { modelDir, manifestFile };
}
async function runScoring(context, run, files) {
  const env = {
    ...context.env,
    ...run.predict.env,
    MLOPS_MODEL: run.manifest.model,
    MLOPS_VERSION: run.manifest.version,
    MLOPS_ALIAS: run.alias ?? "",
    MLOPS_MODEL_DIR: files.modelDir,
    MLOPS_MANIFEST: files.manifestFile,
    MLOPS_INPUT: files.input,
    MLOPS_INPUT_FINGERPRINT: run.input.id,
    MLOPS_PART: String(files.part),
    MLOPS_OUTPUT: files.output,
    MLOPS_SCORED_AT: context.now().toISOString()
  };
  const redact = redactorFor(env);
  const command = run.predict.command;
  context.logger.info(`$ ${redact(command)}`);
  const timeoutMs = run.predict.timeout_minutes * 6e4;
  const result = await runCommand({
    command,
    cwd: context.loaded.root,
    env,
    logger: context.logger,
    label: "predict",
    redact,
    timeoutMs,
    ...context.onInterrupt ? { onInterrupt: context.onInterrupt } : {}
  });
  if (result.exitCode !== 0) return describeFailure("predict", redact(command), result, timeoutMs);
  return null;
}

// src/predict/section.ts
function predictSection(result) {
  const leg = result.shard ? ` (leg ${result.shard.index}/${result.shard.count})` : "";
  const rows = [
    ["Version", `${result.version}${result.alias ? ` (${result.alias})` : ""}`],
    ["Input", `${result.input.files} file(s), fingerprint ${result.input.fingerprint}`],
    ["Output", result.location],
    ["State", STATE_TEXT[result.state]]
  ];
  if (result.rows !== null) rows.push(["Rows", String(result.rows)]);
  if (result.record !== null) rows.push(["Record", result.record]);
  const blocks = [{ kind: "table", table: { headers: ["", ""], rows } }];
  if (result.parts.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["part", "input file", "state", "rows in", "rows out"],
        rows: result.parts.map((p) => [
          String(p.index),
          p.file,
          p.state,
          p.rowsIn === null ? "-" : String(p.rowsIn),
          p.rowsOut === null ? "-" : String(p.rowsOut)
        ])
      }
    });
  }
  if (result.findings.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["severity", "column", "rule", "problem"],
        rows: result.findings.map((f) => [f.severity, f.column ?? "-", f.rule, f.message])
      }
    });
  }
  if (result.failure) blocks.unshift({ kind: "text", text: `Failed: ${result.failure}` });
  return {
    title: `Batch scoring${leg}`,
    status: result.verdict === "pass" ? "pass" : "fail",
    headline: result.verdict === "pass" ? `${result.model} ${result.version} \u2192 ${result.location}: ${STATE_TEXT[result.state]}` : `${result.model} ${result.version} did not score the input; nothing was marked complete`,
    blocks
  };
}
var STATE_TEXT = {
  complete: "complete (every part written, _SUCCESS marked, recorded in the registry)",
  already: "scored already by this version for this input (--force scores again)",
  partial: "this leg's parts written; the finish job marks the result complete",
  failed: "failed"
};
function scoringHistorySection(model, records) {
  const newest = [...records].reverse();
  return {
    title: `Batch scoring of ${model}`,
    status: "ok",
    headline: records.length === 0 ? `${model} has no batch-scoring records yet` : `${records.length} scoring run(s) of ${model}, newest first`,
    blocks: newest.length === 0 ? [] : [
      {
        kind: "table",
        table: {
          headers: ["scored at", "version", "alias", "input", "rows", "output", "run"],
          rows: newest.map((r) => [
            r.scoredAt,
            r.version,
            r.alias ?? "-",
            `${r.input.fingerprint} (${r.input.files.length} file(s))`,
            String(r.output.rows),
            r.output.location,
            r.runUrl ?? "-"
          ])
        }
      }
    ]
  };
}

// src/stages/predict.ts
var PredictOptions = object({
  version: textOption({
    cli: {
      flag: "version",
      valueName: "ref",
      description: "The version to score with: an id, a number or an alias (default predict.alias)"
    },
    action: {
      input: "version",
      description: "The version to score with: an id, a number (7, v7) or an alias. Default: predict.alias. The legs of a matrix and its finish job pass the version the first job resolved."
    }
  }),
  alias: textOption({
    cli: {
      flag: "alias",
      valueName: "alias",
      description: "The alias a pinned --version was resolved from (kept in the scoring record)"
    },
    action: {
      input: "alias",
      description: "The alias the plan job resolved the version from (its `alias` output), kept in the scoring record of a matrix's legs and finish job, which score with the pinned version."
    }
  }),
  shard: shardOption({
    cli: { flag: "shard", valueName: "i/n", description: "Score only the i-th of n blocks of the input's files" },
    action: {
      input: "shard",
      description: "i/n: score only the i-th of n blocks of the input's files (a matrix leg); the finish job marks the result complete."
    }
  }),
  finish: flagOption({
    cli: { flag: "finish", description: "Only check that every part is there and mark the result complete" },
    action: {
      input: "finish",
      description: "true to only check that every part is there, mark the result complete and record it (the matrix's last job)."
    }
  }),
  force: flagOption({
    cli: { flag: "force", description: "Score again what this version scored already for this input" },
    action: { input: "force", description: "true to score again what this version scored already for this input." }
  }),
  plan: flagOption({
    cli: {
      flag: "plan",
      description: "Only resolve the version to score with (--version or predict.alias) and score nothing"
    },
    action: {
      input: "plan",
      description: "true to only resolve the version (version, else predict.alias) into the version output, scoring nothing: the first job of a matrix, which pins the version every leg and the finish job pass."
    }
  }),
  /** The scoring record is appended to the registry. */
  registryToken: registryTokenOption("write")
});
async function runPredictStage(context, options) {
  if (options.finish && options.shard) {
    throw new UsageError("--finish completes the whole result; it takes no --shard", {
      hint: "run the legs with --shard i/n, then one job with --finish"
    });
  }
  if (options.plan && (options.finish || options.shard || options.force)) {
    throw new UsageError("--plan only resolves the version; it takes no --shard, --finish or --force", {
      hint: "run `mlops predict --plan` first, then the legs and the finish job with the --version it printed"
    });
  }
  const withToken = withRegistryToken(context, options.registryToken);
  if (options.plan) {
    const plan = await planScoring(withToken, await openRegistry(withToken), options.version?.trim() || null);
    return saveStageRun(context, "predict", plan, planSection(plan), ExitCode.ok);
  }
  const result = await predictBatch(withToken, await openRegistry(withToken), {
    ref: options.version?.trim() || null,
    alias: options.alias?.trim() || null,
    shard: options.shard ?? null,
    finish: options.finish,
    force: options.force
  });
  const exit = result.verdict === "pass" ? ExitCode.ok : ExitCode.checkFailed;
  return saveStageRun(context, "predict", result, predictSection(result), exit);
}
function planSection(plan) {
  const named = plan.alias ? `${plan.alias} \u2192 ${plan.version}` : plan.version;
  return {
    title: "Batch scoring: the version",
    status: "pass",
    headline: `${plan.model} ${named}: every leg and the finish job score with ${plan.version}`,
    blocks: []
  };
}
var predictStage = defineStage({
  name: "predict",
  options: PredictOptions,
  run: runPredictStage,
  command: null,
  action: {
    description: "Batch scoring: pull and verify the version an alias points at, check the input against data.schema, run the predict command on each input file, write the predictions to a location named by the version and the input, and record which version scored what in the registry.",
    icon: "layers",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description: "pass (scored, or scored already), fail (the input broke a rule, the command failed or wrote the wrong rows, a part is missing); error when it could not run.",
        value: ({ result }) => result.verdict
      },
      version: {
        description: "The version that scored (with plan: the one to score with).",
        value: ({ result }) => result.version
      },
      location: {
        description: "Where the predictions are (a folder or an s3:// URI); empty with plan.",
        value: ({ result }) => result.state === "planned" ? "" : result.location
      },
      state: {
        description: "complete, already (scored before), partial (a matrix leg's parts), failed, or planned (plan: resolved only).",
        value: ({ result }) => result.state
      },
      rows: {
        description: "Rows of the complete result; empty when this run did not complete it.",
        value: ({ result }) => result.state === "planned" || result.rows === null ? "" : result.rows
      },
      alias: {
        description: "The alias the version was resolved from; empty when a version was named directly.",
        value: ({ result }) => result.alias ?? ""
      },
      "input-fingerprint": {
        description: "The input's fingerprint (16 hex digits), part of the location; empty with plan.",
        value: ({ result }) => result.state === "planned" ? "" : result.input.fingerprint
      }
    },
    failureMessage: ({ result }) => `batch scoring failed: ${result.state !== "planned" && result.failure || "see the job summary"}`
  }
});

export {
  requirePredict,
  scoringHistorySection,
  PredictOptions,
  runPredictStage,
  predictStage
};
