import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  validateSection
} from "./chunk-IKP5MKZU.js";
import {
  parseGateResult
} from "./chunk-SLSOLTLA.js";
import {
  confusionBlock,
  confusionHeatmap,
  evaluateSection,
  gateSection
} from "./chunk-533AISZH.js";
import {
  renderHtmlDocument
} from "./chunk-HHR3RJXW.js";
import {
  isSafeUrl
} from "./chunk-OSH67I4H.js";
import {
  READ_LIMITS,
  readTextIfExists
} from "./chunk-5AQJPSN5.js";
import {
  plainText
} from "./chunk-PEZVGW4L.js";
import {
  _enum,
  _gte,
  _maxLength,
  _regex,
  array,
  boolean,
  int,
  literal,
  nullable,
  number,
  object,
  optional,
  record,
  refine,
  string,
  union
} from "./chunk-MOKAEFJD.js";
import {
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/pipeline/run-report-file.ts
import { mkdir, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/pipeline/run-report.ts
function buildRunReport(results, options) {
  const { validate, gate } = results;
  const notes = [];
  let evaluate = results.evaluate;
  if (evaluate && gate && gate.chain.evaluation !== null && gate.chain.evaluation !== evaluate.chain.id) {
    notes.push(
      "The workspace's evaluation is newer than the one the gate judged, so it is left out: run `mlops gate` (or `mlops run`) again to report on it."
    );
    evaluate = null;
  }
  const model = gate?.model ?? options.model;
  const shown = { validate, evaluate, gate };
  const header = headerSection(shown, model, options);
  const sections = [header];
  if (validate) sections.push(validateSection(validate, { everyDriftedColumn: true }));
  if (evaluate) {
    const section = evaluateSection(evaluate);
    sections.push(gate?.evaluation.confusion ? section : withHeatmap(section, evaluate.confusion, "the model"));
  }
  if (gate) {
    const section = gateSection(gate, options.userSections);
    sections.push(withHeatmap(section, gate.evaluation.confusion, "the candidate"));
  }
  const commit = commitOf(shown);
  return {
    title: `${model}: run report`,
    subtitle: [verdictText(gate), commit ? `commit ${commit.slice(0, 7)}` : null, ranAt(shown)].filter((part) => part !== null).join(" \xB7 "),
    generated: options.generated.toISOString(),
    sections,
    notes
  };
}
function headerSection(results, model, options) {
  const { gate } = results;
  const git = gate?.chain.git ?? results.evaluate?.chain.git ?? null;
  const commit = commitOf(results);
  const runUrl = runUrlOf(gate, options.runUrl);
  const stages = ["validate", "evaluate", "gate"].filter((stage) => results[stage] !== null);
  const rows = [
    ["model", model],
    ["verdict", verdictText(gate)],
    // The working tree's state belongs to the commit it was taken at (a pull request's merge commit, not its head).
    [
      "commit",
      commit ? `${commit}${git?.dirty && git.commit === commit ? " + uncommitted changes" : ""}` : "unknown (not a git checkout)"
    ],
    ["ran", ranAt(results) ?? "unknown"],
    ["where", runUrl ?? "locally (no workflow run)"],
    ["report made", options.generated.toISOString()]
  ];
  if (gate?.source.pullRequest) {
    const pr = gate.source.pullRequest;
    rows.splice(2, 0, ["pull request", `#${pr.number}, ${pr.headRef} into ${pr.baseRef}`]);
  }
  const blocks = [
    { kind: "table", table: { headers: ["", "this run"], rows, align: ["left", "left"] } },
    { kind: "text", text: `From the workspace's results of: ${stages.join(", ")}.` }
  ];
  if (runUrl) blocks.push({ kind: "link", text: "The workflow run", url: runUrl });
  const status = gate ? gate.verdict : "ok";
  return { title: "Run", status, headline: `${model}, ${verdictText(gate)}`, blocks };
}
function verdictText(gate) {
  return gate ? `gate ${gate.verdict}` : "not gated";
}
function commitOf(results) {
  const { gate, evaluate, validate } = results;
  return gate?.source.commit ?? gate?.chain.git?.commit ?? evaluate?.chain.git?.commit ?? validate?.chain?.git?.commit ?? null;
}
function runUrlOf(gate, current) {
  const isRunPage = (url) => typeof url === "string" && isSafeUrl(url) && /\/actions\/runs\/\d+(\/attempts\/\d+)?$/.test(url);
  if (isRunPage(gate?.source.runUrl)) return gate.source.runUrl;
  return isRunPage(current) ? current : null;
}
function ranAt(results) {
  const id = results.gate?.chain.id ?? results.evaluate?.chain.id ?? null;
  const parts = id ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\d*Z-/.exec(id) : null;
  if (!parts) return null;
  const [, year, month, day, hour, minute, second] = parts;
  return `${year}-${month}-${day} ${hour}:${minute}:${second} UTC`;
}
function withHeatmap(section, confusion, whose) {
  if (!confusion || confusion.labels.length === 0) return section;
  const table = JSON.stringify(confusionBlock(confusion));
  const at = section.blocks.findIndex((block) => JSON.stringify(block) === table);
  const heatmap = confusionHeatmap(confusion, whose);
  const blocks = at < 0 ? [...section.blocks, heatmap, confusionBlock(confusion)] : [...section.blocks.slice(0, at), heatmap, ...section.blocks.slice(at)];
  return { ...section, blocks };
}

// src/pipeline/run-results.ts
import path from "node:path";
var MAX_TEXT = 4e3;
var MAX_ITEMS = 2e4;
var Text = string().check(_maxLength(MAX_TEXT));
var Finite = number().check(refine(Number.isFinite, { error: "expected a finite number" }));
var Count = number().check(int(), _gte(0));
var List = (item) => array(item).check(_maxLength(MAX_ITEMS));
var Numbers = record(Text, Finite);
var Strings = record(Text, Text);
var Git = optional(
  nullable(object({ commit: string().check(_regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/)), dirty: boolean() }))
);
var Chain = object({ id: Text, git: Git });
var Scalar = nullable(union([Finite, Text]));
var Column = object({
  name: Text,
  type: _enum(["integer", "number", "string", "boolean", "category", "datetime"]),
  declared: boolean(),
  count: Count,
  nulls: Count,
  distinct: nullable(object({ value: Count, exact: boolean() })),
  min: Scalar,
  max: Scalar,
  mean: Scalar,
  std: nullable(Finite),
  quantiles: List(object({ q: Finite, value: union([Finite, Text]) })),
  top: List(object({ value: Text, count: Count }))
});
var Finding = object({
  dataset: Text,
  column: nullable(Text),
  rule: Text,
  severity: _enum(["error", "warn"]),
  message: Text,
  observed: Text,
  count: Count,
  rows: List(Count)
});
var ColumnDrift = object({
  column: Text,
  kind: _enum(["numeric", "categorical"]),
  method: _enum(["psi", "ks", "chi2", "jensen_shannon", "wasserstein"]),
  chosenBy: _enum(["auto", "config"]),
  value: Finite,
  measure: Text,
  unit: Text,
  threshold: Finite,
  driftWhen: _enum(["below", "at or above"]),
  drifted: boolean(),
  sources: object({ reference: Text, current: Text }),
  approximation: nullable(Text),
  warnings: List(Text),
  // The kit keeps at most 12 bins (10 deciles, or the 12 most common categories).
  bins: array(object({ label: Text, reference: Finite, current: Finite })).check(_maxLength(100))
});
var Drift = nullable(
  object({
    comparison: _enum(["drift", "skew"]),
    dataset: Text,
    reference: Text,
    columns: List(ColumnDrift),
    skipped: List(object({ column: Text, reason: Text })),
    drifted: Count,
    share: Finite,
    maxDriftedShare: Finite,
    datasetDrift: boolean(),
    severity: _enum(["error", "warn"])
  })
);
var ValidateSchema = object({
  stage: literal("validate"),
  verdict: _enum(["pass", "fail", "skipped"]),
  datasets: List(
    object({
      name: Text,
      files: List(Text),
      rows: Count,
      columns: List(Column),
      findings: List(Finding),
      notes: List(Text)
    })
  ),
  errors: Count,
  warnings: Count,
  drift: Drift,
  evalDrift: Drift,
  skew: Drift,
  driftNote: nullable(Text),
  chain: optional(Chain)
});
var Confusion = nullable(
  object({
    labels: array(Text).check(_maxLength(100)),
    matrix: array(array(Count).check(_maxLength(100))).check(_maxLength(100))
  })
);
var EvaluateSchema = object({
  stage: literal("evaluate"),
  status: _enum(["ok", "failed", "skipped"]),
  metrics: Numbers,
  undefinedMetrics: optional(Strings),
  sources: Strings,
  slices: List(
    object({ column: Text, value: Text, rows: Count, metrics: Numbers, undefinedMetrics: optional(Strings) })
  ),
  rows: Count,
  confusion: Confusion,
  predictions: nullable(object({ path: Text })),
  warnings: List(Text),
  failure: nullable(string().check(_maxLength(64e3))),
  chain: Chain
});
async function readResult(workspace, stage, cwd) {
  const file = workspace.resultFile(stage);
  const shown = path.relative(cwd, file) || file;
  const text = await readTextIfExists(file, { shown, what: `${stage} result`, limit: READ_LIMITS.stageResult });
  return text === void 0 ? null : { text, shown };
}
function parseResult(schema, text, shown, stage) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} is not valid JSON: ${plainText(error.message)}`, {
      hint: `run \`mlops ${stage}\` again`
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? issue.path.join(".") : "(top level)";
    throw new InputError(
      `${shown} is not a valid ${stage} result: ${plainText(`${at}: ${issue?.message ?? "invalid"}`)}`,
      {
        hint: `it must be the ${stage}.json \`mlops ${stage}\` wrote, unchanged; run \`mlops ${stage}\` again`
      }
    );
  }
  return parsed.data;
}
async function readRunResults(workspace, cwd) {
  const [validate, evaluate, gate] = await Promise.all(
    ["validate", "evaluate", "gate"].map((stage) => readResult(workspace, stage, cwd))
  );
  if (!validate && !evaluate && !gate) {
    throw new UsageError(`there is nothing to report: no validate, evaluate or gate result in ${workspace.outDir}`, {
      hint: "run `mlops run` (or the stages: `mlops validate`, `mlops evaluate`, `mlops gate`) first"
    });
  }
  return {
    validate: validate ? parseResult(ValidateSchema, validate.text, validate.shown, "validate") : null,
    evaluate: evaluate ? parseResult(EvaluateSchema, evaluate.text, evaluate.shown, "evaluate") : null,
    gate: gate ? parseGateResult(gate.text, gate.shown) : null
  };
}

// src/pipeline/run-report-file.ts
var RUN_REPORT_FILE = "report.html";
function runReportFile(workspace) {
  return path2.join(workspace.outDir, RUN_REPORT_FILE);
}
async function writeRunReport(workspace, options) {
  const results = await readRunResults(workspace, options.cwd);
  const report = buildRunReport(results, options);
  const html = renderHtmlDocument(report);
  const file = options.file ?? runReportFile(workspace);
  await mkdir(path2.dirname(file), { recursive: true });
  await writeFile(file, html);
  return { file, report, bytes: Buffer.byteLength(html) };
}

export {
  runReportFile,
  writeRunReport
};
