import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject
} from "./chunk-KATF5WDH.js";
import {
  sweepResultsDir
} from "./chunk-L6CW557L.js";
import {
  readLegResults
} from "./chunk-S2D6TMI3.js";
import {
  planLegs
} from "./chunk-CZTUXZTR.js";
import {
  readStageResult
} from "./chunk-SNPX46U6.js";
import {
  pairPredictions
} from "./chunk-ZZCSUO3L.js";
import {
  pairedBootstrap,
  predictionColumns,
  readPredictions,
  resolvePositiveLabel
} from "./chunk-QFBHIOL6.js";
import {
  directionOf
} from "./chunk-PMBSX2RF.js";
import {
  pairedStatistic
} from "./chunk-U3OKT6DL.js";
import {
  sha256File
} from "./chunk-CQ3WEECP.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  renderText
} from "./chunk-OSH67I4H.js";
import {
  builtinMetric
} from "./chunk-KIGM2236.js";
import {
  closestMatch
} from "./chunk-NFSXRCFZ.js";
import {
  InputError,
  UsageError,
  UserError
} from "./chunk-XOZC47AQ.js";

// src/compare/compare.ts
var COMPARE_LEVEL = 0.95;
async function compareRuns(sources, config) {
  checkTasks(sources);
  const settings = {
    resamples: config.gate?.bootstrap.resamples ?? 1e3,
    seed: config.gate?.bootstrap.seed ?? 42,
    level: COMPARE_LEVEL
  };
  const metricNames = unionOf(sources.map((s) => Object.keys(s.metrics)));
  const metrics = metricNames.map((name) => {
    const direction = directionOf(
      name,
      config.gate?.rules.find((rule) => rule.metric === name),
      config
    ) ?? null;
    const values = sources.map((s) => s.metrics[name] ?? null);
    const first = values[0] ?? null;
    const deltas = values.map((value, i) => i === 0 || value === null || first === null ? null : value - first);
    return {
      name,
      direction,
      values,
      deltas,
      better: deltas.map(
        (delta) => delta === null || direction === null || delta === 0 ? null : direction === "higher" ? delta > 0 : delta < 0
      ),
      intervals: sources.map(() => null)
    };
  });
  const pairings = [];
  const predictions = await readAll(sources, config);
  const reference = predictions[0];
  for (let i = 1; i < sources.length; i++) {
    const other = predictions[i];
    if (!reference || !other || "missing" in reference || "missing" in other) {
      const missing = [reference, other].find((p) => p && "missing" in p);
      pairings.push({
        run: i,
        paired: false,
        detail: missing && "missing" in missing ? missing.missing : "",
        rows: null
      });
      continue;
    }
    const positive = resolvePositiveLabel(config.model.positive_label, other.table.labels.classes);
    const pairing = pairPredictions(other.table, reference.table, positive);
    if (!pairing.paired) {
      pairings.push({ run: i, paired: false, detail: pairing.reason, rows: null });
      continue;
    }
    pairings.push({ run: i, paired: true, detail: pairing.how, rows: pairing.data.n });
    for (const row of metrics) {
      if (row.deltas[i] === null) continue;
      const built = pairedStatistic(row.name, pairing.data);
      if ("unavailable" in built) {
        row.intervals[i] = { unavailable: built.unavailable };
        continue;
      }
      const source = { metric: row.name, data: pairing.data };
      const outcome = pairedBootstrap(built.statistic, pairing.data.n, settings, false, source);
      row.intervals[i] = "unavailable" in outcome ? outcome : { low: outcome.interval.low, high: outcome.interval.high };
    }
  }
  return {
    command: "compare",
    runs: sources.map(({ ref, kind, label, task, commit, predictions: predictions2 }) => ({
      ref,
      kind,
      label,
      task,
      commit,
      predictions: predictions2
    })),
    params: paramRows(sources),
    metrics,
    pairings,
    bootstrap: settings
  };
}
function checkTasks(sources) {
  const known = sources.filter((s) => s.task !== null);
  const first = known[0];
  const other = known.find((s) => s.task !== first?.task);
  if (first && other) {
    throw new InputError(
      `${first.label} is a ${first.task ?? ""} model and ${other.label} a ${other.task ?? ""} one: their metrics do not compare`,
      { hint: "compare runs of models of the same task" }
    );
  }
}
async function readAll(sources, config) {
  const spec = config.evaluate?.predictions;
  if (!spec)
    return sources.map(() => ({ missing: "mlops.yml sets no evaluate.predictions, so rows cannot be paired" }));
  const columns = predictionColumns(spec);
  const task = config.model.task;
  const read = [];
  for (const source of sources) {
    if ("missing" in source.predictions) {
      read.push(source.predictions);
      continue;
    }
    try {
      const table = await readPredictions(source.predictions.file, columns, {
        task,
        slices: [],
        source: `the predictions of ${source.label}`
      });
      read.push({ table });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      read.push({ missing: error.message });
    }
  }
  return read;
}
function paramRows(sources) {
  const flat = sources.map((s) => flatten(s.params));
  return unionOf(flat.map((f) => [...f.keys()])).map((name) => {
    const values = flat.map((f) => f.get(name) ?? null);
    return { name, values, differs: new Set(values).size > 1 };
  });
}
function flatten(params, prefix = "", into = /* @__PURE__ */ new Map()) {
  for (const [key, value] of Object.entries(params)) {
    const name = prefix === "" ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      flatten(value, name, into);
    else into.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return into;
}
function unionOf(lists) {
  return [...new Set(lists.flat())];
}

// src/compare/sources.ts
import { existsSync } from "node:fs";
import path from "node:path";
var WORKSPACE_REF = "workspace";
var ALL_LEGS_REF = "legs";
async function resolveSources(refs, door) {
  const sources = [];
  for (const ref of refs) {
    if (ref === ALL_LEGS_REF) for (const found of await sweepLegs(door)) sources.push(await legSource(found, door));
    else sources.push(await resolveSource(ref, door, sources.length));
  }
  return sources;
}
async function resolveSource(ref, door, position) {
  if (ref === WORKSPACE_REF || ref === ".") return workspaceSource(door.context, ref);
  const leg = /^leg[:-](\d+)$/i.exec(ref)?.[1];
  if (leg !== void 0) return legSource(await findLeg(leg, door), door, ref);
  const at = ref.indexOf("@");
  const model = at > 0 ? ref.slice(0, at) : door.context.loaded.config.model.name;
  const versionRef = at >= 0 ? ref.slice(at + 1) : ref;
  if (versionRef === "") throw new UsageError(`"${ref}" names no version`, { hint: `e.g. ${model}@champion` });
  return versionSource(ref, model, versionRef, door, position);
}
async function workspaceSource(context, ref = WORKSPACE_REF) {
  const evaluation = await readStageResult(context, "evaluate");
  if (!evaluation || evaluation.status !== "ok") {
    throw new InputError(
      evaluation ? `the workspace's last evaluation ${evaluation.status === "failed" ? "failed" : "was skipped"}: it has no metrics to compare` : `there is no run in this workspace yet (no ${path.relative(context.loaded.root, context.workspace.resultFile("evaluate"))})`,
      { hint: "run `mlops run` (or `mlops train` and `mlops evaluate`) first" }
    );
  }
  const train = await readStageResult(context, "train");
  return {
    ref,
    kind: "workspace",
    label: describeWorkspace(evaluation.chain?.git ?? null),
    params: train?.params ?? {},
    metrics: evaluation.metrics,
    task: context.loaded.config.model.task,
    commit: evaluation.chain?.git?.commit ?? null,
    predictions: await keptPredictions(evaluation.predictions, [evaluation.predictions?.snapshot], "the workspace")
  };
}
function describeWorkspace(git) {
  if (!git) return "the workspace's run";
  return `the workspace's run, on ${git.commit.slice(0, 7)}${git.dirty ? " + uncommitted changes" : ""}`;
}
async function sweepLegs(door) {
  const dir = sweepResultsDir(door.context);
  const found = await readLegResults(dir);
  if (found.length === 0) {
    throw new InputError(
      `no sweep has run in this workspace (nothing in ${path.relative(door.context.loaded.root, dir) || "."})`,
      { hint: "run `mlops sweep` first" }
    );
  }
  return found;
}
async function findLeg(id, door) {
  const found = await sweepLegs(door);
  const number = (value) => value.trim().replace(/^0+(?=\d)/, "");
  const match = found.find((result) => result.train.leg && number(result.train.leg.id) === number(id));
  if (match) return match;
  const ids = found.flatMap((result) => result.train.leg ? [`leg:${number(result.train.leg.id)}`] : []);
  throw new InputError(`the last sweep has no leg "${id}"`, {
    hint: `its legs are ${ids.join(", ")}${suggestion(`leg:${id}`, ids)}`
  });
}
async function legSource(found, door, ref) {
  const id = found.train.leg?.id ?? path.basename(found.source);
  const plan = planLegs(door.context.loaded.config).find((leg) => leg.id === id);
  const metrics = Object.fromEntries(
    Object.entries(found.evaluate?.metrics ?? {}).filter((entry) => entry[1] !== null)
  );
  const source = (predictions) => ({
    ref: ref ?? `leg:${id.replace(/^0+(?=\d)/, "")}`,
    kind: "leg",
    label: `leg ${id}${plan ? ` (${plan.name})` : ""}`,
    params: found.train.params,
    metrics,
    task: door.context.loaded.config.model.task,
    commit: null,
    predictions
  });
  const snapshot = found.evaluate?.predictions ?? null;
  return source(
    await keptPredictions(
      snapshot,
      [snapshot ? path.join(found.source, path.basename(snapshot.snapshot)) : void 0, snapshot?.snapshot],
      `leg ${id}`
    )
  );
}
async function keptPredictions(snapshot, candidates, what) {
  if (!snapshot) return { missing: `${what} has no predictions file (evaluate.predictions)` };
  for (const file of candidates) {
    if (file === void 0 || !existsSync(file)) continue;
    if ((await sha256File(file)).sha256 === snapshot.sha256) return { file };
  }
  return {
    missing: `the predictions ${what} was evaluated on are no longer in the workspace (a later run replaced them)`
  };
}
async function versionSource(ref, model, versionRef, door, position) {
  const registry = await door.registry();
  const manifest = await registry.resolve(model, versionRef);
  if (!manifest) throw await unknownRef(ref, model, versionRef, registry, door);
  const aliases = Object.entries(await registry.aliases(model)).filter(([, version]) => version === manifest.version).map(([name]) => name);
  return {
    ref,
    kind: "version",
    label: `${model} ${manifest.version}${describeNames(manifest, aliases)}`,
    params: manifest.params,
    metrics: manifest.metrics,
    task: taskOfMetrics(manifest.metrics),
    commit: manifest.git.sha,
    predictions: await versionPredictions(manifest, registry, path.join(door.scratch, String(position)))
  };
}
function describeNames(manifest, aliases) {
  const names = [...manifest.sequence === void 0 ? [] : [`#${manifest.sequence}`], ...aliases];
  return names.length > 0 ? ` (${names.join(", ")})` : "";
}
async function versionPredictions(manifest, registry, dir) {
  const attachment = manifest.attachments.predictions;
  const what = `${manifest.model} ${manifest.version}`;
  if (!attachment) return { missing: `${what} has no stored predictions (it was published without an evaluate stage)` };
  const file = path.join(dir, path.basename(attachment.path));
  if (!await registry.pullAttachment(manifest, "predictions", file))
    return { missing: `the predictions of ${what} could not be downloaded` };
  return { file };
}
function taskOfMetrics(metrics) {
  const tasks = new Set(Object.keys(metrics).flatMap((name) => builtinMetric(name)?.task ?? []));
  return tasks.size === 1 ? [...tasks][0] ?? null : null;
}
async function unknownRef(ref, model, versionRef, registry, door) {
  const models = await registry.models();
  const ownModel = model === door.context.loaded.config.model.name && !ref.includes("@");
  if (!models.includes(model) && !ownModel) {
    const near2 = closestMatch(model, models);
    return new InputError(`the registry (${registry.location}) has no model "${model}"`, {
      hint: near2 ? `did you mean ${near2}@${versionRef}?` : `its models are ${models.join(", ") || "none yet"}; see \`mlops models list\``
    });
  }
  const [versions, aliases] = models.includes(model) ? await Promise.all([registry.versions(model), registry.aliases(model)]) : [[], {}];
  const names = [
    ...Object.keys(aliases),
    ...versions.flatMap((m) => [m.version, ...m.sequence === void 0 ? [] : [`v${m.sequence}`]])
  ];
  const others = ownModel ? [WORKSPACE_REF, ALL_LEGS_REF] : [];
  const near = closestMatch(versionRef, [...names, ...others]);
  const prefix = ref.includes("@") ? `${model}@` : "";
  return new InputError(
    ownModel && versions.length === 0 ? `"${ref}" is not the workspace or a sweep leg, and ${model} has no versions in ${registry.location} yet` : ownModel ? `"${ref}" is not the workspace, a sweep leg, or a version or alias of ${model}` : `${model} has no version or alias "${versionRef}"`,
    {
      hint: near ? `did you mean ${others.includes(near) ? near : `${prefix}${near}`}?` : `see \`mlops models list\`; \`workspace\` is the current run, \`leg:<id>\` a leg of the last sweep`
    }
  );
}
function suggestion(wanted, candidates) {
  const near = closestMatch(wanted, candidates);
  return near ? `; did you mean ${near}?` : "";
}

// src/cli/commands/comparison-door.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path2 from "node:path";

// src/compare/render.ts
function comparisonSection(comparison, title = "Comparison") {
  const { runs, params, metrics, pairings, bootstrap } = comparison;
  const others = runs.slice(1);
  const level = `${Math.round(bootstrap.level * 100)}%`;
  const unavailable = /* @__PURE__ */ new Map();
  const blocks = [
    {
      kind: "text",
      text: [
        `${runs.length} runs; each delta is the run minus ${runs[0]?.ref ?? "the first"}:`,
        ...runs.map(
          (run, i) => `  ${i + 1}. ${run.ref}: ${run.label}${run.commit ? `, commit ${run.commit.slice(0, 7)}` : ""}`
        )
      ].join("\n")
    },
    {
      kind: "table",
      table: {
        headers: [
          "metric",
          ...runs.map((run) => run.ref),
          ...others.flatMap((run) => [`\u0394 ${run.ref}`, `${level} interval`])
        ],
        rows: metrics.map((row) => [
          `${row.name}${row.direction ? ` (${row.direction === "higher" ? "\u2191" : "\u2193"})` : ""}`,
          ...row.values.map((value) => value === null ? "\u2014" : formatNumber(value)),
          ...others.flatMap((_, k) => {
            const i = k + 1;
            const delta = row.deltas[i] ?? null;
            const better = row.better[i] ?? null;
            const interval = row.intervals[i] ?? null;
            if (interval && "unavailable" in interval) unavailable.set(row.name, interval.unavailable);
            return [
              delta === null ? "\u2014" : `${signed(delta)}${better === null ? "" : better ? " better" : " worse"}`,
              describeInterval(interval, pairings.find((p) => p.run === i)?.paired ?? false, delta !== null)
            ];
          })
        ]),
        align: [
          "left",
          ...runs.map(() => "right"),
          ...others.flatMap(() => ["right", "left"])
        ]
      }
    },
    {
      kind: "text",
      text: [
        ...pairings.map((p) => {
          const run = runs[p.run]?.ref ?? "";
          return p.paired ? `${run} and ${runs[0]?.ref ?? ""} are ${p.detail}: intervals from ${bootstrap.resamples} paired bootstrap resamples (seed ${bootstrap.seed}), as the gate computes them.` : `${run} and ${runs[0]?.ref ?? ""} are not paired, so there is no interval: ${p.detail}.`;
        }),
        ...[...unavailable].map(([metric, reason]) => `No interval for ${metric}: ${reason}.`)
      ].join("\n")
    }
  ];
  if (params.length > 0) {
    const differ = params.filter((p) => p.differs).length;
    blocks.push(
      { kind: "text", text: `Params (${differ} of ${params.length} differ, marked *):` },
      {
        kind: "table",
        table: {
          headers: ["param", ...runs.map((run) => run.ref)],
          rows: params.map((row) => [
            `${row.differs ? "* " : ""}${row.name}`,
            ...row.values.map((value) => value ?? "\u2014")
          ])
        }
      }
    );
  }
  const worse = metrics.filter((row) => row.better.some((b) => b === false)).length;
  return {
    title,
    status: "ok",
    headline: `${runs.map((r) => r.ref).join(" vs ")}: ${metrics.length} metric(s), ${worse} worse in some run`,
    blocks
  };
}
function signed(value) {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}
function describeInterval(interval, paired, hasDelta) {
  if (!hasDelta) return "\u2014";
  if (!paired) return "not paired";
  if (!interval) return "\u2014";
  if ("unavailable" in interval) return "n/a";
  return `[${signed(interval.low)}, ${signed(interval.high)}]`;
}
function comparisonCsv(comparison) {
  const header = ["kind", "name", "run", "label", "value", "delta", "interval_low", "interval_high", "paired"];
  const lines = [header.join(",")];
  const { runs } = comparison;
  for (const row of comparison.metrics) {
    runs.forEach((run, i) => {
      const value = row.values[i] ?? null;
      const delta = row.deltas[i] ?? null;
      const interval = row.intervals[i] ?? null;
      const bounds = interval && !("unavailable" in interval) ? interval : null;
      const paired = i === 0 ? "" : String(comparison.pairings.find((p) => p.run === i)?.paired ?? false);
      lines.push(
        csvLine([
          "metric",
          row.name,
          run.ref,
          run.label,
          value === null ? "" : String(value),
          delta === null ? "" : String(delta),
          bounds ? String(bounds.low) : "",
          bounds ? String(bounds.high) : "",
          paired
        ])
      );
    });
  }
  for (const row of comparison.params) {
    runs.forEach((run, i) => {
      lines.push(csvLine(["param", row.name, run.ref, run.label, row.values[i] ?? "", "", "", "", ""]));
    });
  }
  return lines.join("\n");
}
function csvLine(fields) {
  return fields.map((field) => /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field).join(",");
}

// src/cli/commands/comparison-door.ts
var CSV_OPTION = {
  type: "boolean",
  description: "Print CSV (one row per run and metric or param) instead of tables"
};
async function withSourceDoor(args, io, use) {
  if (args.values.csv === true && args.json) throw new UsageError("--csv and --json cannot go together");
  const context = await openProject(args, io);
  const scratch = await mkdtemp(path2.join(tmpdir(), "mlops-compare-"));
  let registry;
  try {
    return await use({ context, registry: () => registry ??= openRegistry(context), scratch });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
function comparisonText(comparison, args, title) {
  return args.values.csv === true ? comparisonCsv(comparison) : renderText(comparisonSection(comparison, title), args.text);
}

export {
  compareRuns,
  resolveSources,
  workspaceSource,
  versionPredictions,
  taskOfMetrics,
  CSV_OPTION,
  withSourceDoor,
  comparisonText
};
