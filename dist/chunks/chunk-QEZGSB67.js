import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DATA_FORMATS,
  DataSection,
  Duration,
  GateRule,
  GateSection,
  MonitorSection,
  WINDOW_MS,
  durationMs
} from "./chunk-35MZIMAV.js";
import {
  ESTIMATED_PREFIX,
  MEASURE_NAMES,
  windowMetricKind
} from "./chunk-TEWQFG7M.js";
import {
  TrainSection
} from "./chunk-RRG6TSJC.js";
import {
  PublishSection,
  RegistrySection,
  checkSigning
} from "./chunk-EYMTTHNR.js";
import {
  ReportSection
} from "./chunk-WYGES5K7.js";
import {
  YamlSourceError,
  locate,
  parseYamlText,
  readYamlFile
} from "./chunk-VJBMOATJ.js";
import {
  Command,
  DataSources,
  Direction,
  MatrixShards,
  Name,
  PathOrS3Uri,
  RelativePath,
  Scalar,
  TimeoutMinutes,
  pathMarks
} from "./chunk-LNIKRDBK.js";
import {
  MAX_LEGS,
  legCount
} from "./chunk-XJ2QCSOL.js";
import {
  _default,
  _enum,
  _maxLength,
  _minLength,
  _positive,
  _regex,
  _trim,
  array,
  boolean,
  described,
  globalRegistry,
  int,
  literal,
  number,
  optional,
  prefault,
  record,
  refine,
  safeParse,
  strictObject,
  string,
  union,
  url
} from "./chunk-MOKAEFJD.js";
import {
  BUILTIN_METRICS,
  bestValueIsZero,
  builtinMetric
} from "./chunk-KIGM2236.js";
import {
  describePathProblem,
  hasControlCharacters,
  isGitHubUri,
  isInside,
  isS3Uri,
  parseGitHubUri,
  parseS3Uri,
  relativePathProblem
} from "./chunk-SN54LWLO.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-MFRW4TDE.js";
import {
  closestMatch
} from "./chunk-NFSXRCFZ.js";
import {
  ConfigError,
  formatPath
} from "./chunk-XOZC47AQ.js";

// src/config/load.ts
import { existsSync } from "node:fs";
import path4 from "node:path";

// src/config/issues.ts
function diagnosticsFromIssues(issues, schema) {
  const diagnostics = issues.flatMap((issue) => fromIssue(issue, [], schema));
  const suggested = new Set(
    diagnostics.flatMap((d) => {
      const near = d.pointAt === "key" ? /did you mean `([^`]+)`/.exec(d.hint ?? "")?.[1] : void 0;
      return near === void 0 ? [] : [JSON.stringify([...d.path.slice(0, -1), near])];
    })
  );
  return diagnostics.filter(
    (d) => !(d.message.startsWith("missing required field") && suggested.has(JSON.stringify(d.path)))
  );
}
function fromIssue(issue, prefix, schema) {
  const path5 = [...prefix, ...issue.path.map((p) => typeof p === "symbol" ? String(p) : p)];
  const found = "input" in issue ? describeValue(issue.input) : void 0;
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === void 0) {
        const key = String(path5.at(-1));
        const what = describeSchemaHint(schema, path5);
        const where = path5.length > 1 ? ` under \`${String(path5.at(-2))}\`` : "";
        return [
          error(
            path5,
            `missing required field \`${key}\``,
            `add \`${key}:\`${where}${what ? `: ${lowerFirst(what)}` : ""}`
          )
        ];
      }
      return [error(path5, `expected ${describeType(issue.expected)}, found ${found}`)];
    }
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v));
      if (issue.input === void 0) {
        const expected = options.length === 1 ? `${options[0]}` : `one of ${options.join(", ")}`;
        return [error(path5, `missing required field \`${String(path5.at(-1))}\``, `expected ${expected}`)];
      }
      const message = options.length === 1 ? `expected ${options[0]}, found ${found}` : `expected one of ${options.join(", ")}, found ${found}`;
      const near = typeof issue.input === "string" ? closestMatch(
        issue.input,
        issue.values.filter((v) => typeof v === "string")
      ) : void 0;
      return [error(path5, message, near === void 0 ? void 0 : `did you mean "${near}"?`)];
    }
    case "unrecognized_keys": {
      const allowed = allowedKeys(schema, path5);
      return issue.keys.map((key) => {
        const near = allowed ? closestMatch(key, allowed) : void 0;
        const hint = near !== void 0 ? `did you mean \`${near}\`?` : allowed && allowed.length > 0 ? `allowed here: ${allowed.join(", ")}` : void 0;
        return { ...error([...path5, key], `unknown key \`${key}\``, hint), pointAt: "key" };
      });
    }
    case "invalid_union": {
      const branch = matchingBranch(issue);
      if (branch) return branch.flatMap((inner) => fromIssue(inner, path5, schema));
      return [error(path5, `${issue.message}, found ${found}`)];
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array") return [error(path5, `expected at least ${min} item${min === 1 ? "" : "s"}`)];
      if (issue.origin === "string") return [error(path5, issue.message)];
      const op = issue.inclusive ? "at least" : "more than";
      return [error(path5, `expected a number ${op} ${min}, found ${found}`)];
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array") return [error(path5, `expected at most ${max} items`)];
      const op = issue.inclusive ? "at most" : "less than";
      return [error(path5, `expected a number ${op} ${max}, found ${found}`)];
    }
    default:
      return [error(path5, found === void 0 ? issue.message : `${issue.message}, found ${found}`)];
  }
}
function matchingBranch(issue) {
  const typeMatched = issue.errors.filter(
    (branch) => !branch.every((inner) => inner.path.length === 0 && isTypeMismatch(inner))
  );
  return typeMatched.length === 1 ? typeMatched[0] : void 0;
}
function isTypeMismatch(issue) {
  if (issue.code === "invalid_type") return true;
  return issue.code === "invalid_value" || issue.code === "invalid_union";
}
function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
function error(path5, message, hint) {
  return hint === void 0 ? { severity: "error", path: path5, message } : { severity: "error", path: path5, message, hint };
}
var TYPE_WORDS = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)"
};
function describeType(expected) {
  return TYPE_WORDS[expected] ?? expected;
}
function describeValue(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `text ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  return typeof value;
}
function defOf(schema) {
  return schema._zod.def;
}
function unwrap(schema) {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else if (def.type === "lazy" && def.getter) current = def.getter();
    else break;
  }
  return current;
}
function schemasAt(schema, path5) {
  let current = [unwrap(schema)];
  for (const segment of path5) {
    const next = [];
    for (const candidate of current.flatMap(expandUnion)) {
      const def = defOf(candidate);
      if (def.type === "object" && def.shape && typeof segment === "string" && def.shape[segment]) {
        next.push(unwrap(def.shape[segment]));
      } else if (def.type === "record" && def.valueType) {
        next.push(unwrap(def.valueType));
      } else if (def.type === "array" && def.element && typeof segment === "number") {
        next.push(unwrap(def.element));
      }
    }
    current = next;
  }
  return current.flatMap(expandUnion);
}
function expandUnion(schema) {
  const def = defOf(schema);
  return def.type === "union" && def.options ? def.options.map(unwrap).flatMap(expandUnion) : [schema];
}
function schemaHasPath(schema, path5) {
  return schemasAt(schema, path5).length > 0;
}
function allowedKeys(schema, path5) {
  const keys = schemasAt(schema, path5).flatMap((candidate) => {
    const def = defOf(candidate);
    return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
  });
  return keys.length > 0 ? [...new Set(keys)] : void 0;
}
function shorthandKey(schema, path5, value) {
  const options = schemasAt(schema, path5);
  if (!options.some((option) => option.safeParse(value).success)) return void 0;
  for (const option of options) {
    const def = defOf(option);
    if (def.type !== "object" || !def.shape) continue;
    const required = Object.entries(def.shape).filter(([, field]) => !field.safeParse(void 0).success);
    const [only] = required;
    if (required.length === 1 && only && only[1].safeParse(value).success) return only[0];
  }
  return void 0;
}
function describeSchemaHint(schema, path5) {
  for (const candidate of schemasAt(schema, path5)) {
    const description = globalRegistry.get(candidate)?.description;
    if (description) return description;
  }
  return void 0;
}

// src/config/rules/data.ts
function checkData(config, report) {
  checkDrift(config, report);
  checkHeader(config, report);
  const schema = config.data?.schema;
  if (!schema) return;
  for (const [name, column] of Object.entries(schema.columns)) {
    const at = ["data", "schema", "columns", name];
    if (typeof column.min === "number" && typeof column.max === "number" && column.min > column.max) {
      report("error", [...at, "min"], `min (${column.min}) is greater than max (${column.max})`);
    }
    if (column.regex !== void 0) {
      try {
        new RegExp(column.regex, "u");
      } catch (error2) {
        report("error", [...at, "regex"], `invalid regular expression: ${error2.message}`);
      }
    }
    if (column.values !== void 0 && column.type !== void 0 && column.type !== "category" && column.type !== "string") {
      report("warning", [...at, "values"], `allowed values are checked as text, but the column type is ${column.type}`);
    }
    if (!column.nullable && column.max_null_fraction !== void 0) {
      report("warning", [...at, "max_null_fraction"], "max_null_fraction has no effect when nullable is false");
    }
  }
  const target = config.data?.target;
  if (target !== void 0 && Object.keys(schema.columns).length > 0 && !(target in schema.columns)) {
    report("warning", ["data", "target"], `the target "${target}" is not declared in data.schema.columns`);
  }
  if (schema.rows?.min !== void 0 && schema.rows.max !== void 0 && schema.rows.min > schema.rows.max) {
    report(
      "error",
      ["data", "schema", "rows", "min"],
      `rows.min (${schema.rows.min}) is greater than rows.max (${schema.rows.max})`
    );
  }
}
var TESTS = /* @__PURE__ */ new Set(["ks", "chi2"]);
function checkDrift(config, report) {
  const drift = config.data?.drift;
  if (!drift) return;
  if (drift.threshold !== void 0 && drift.method === "auto") {
    report(
      "warning",
      ["data", "drift", "threshold"],
      "with method auto the statistic differs per column (a p-value for tests, a distance otherwise), so this threshold is not used",
      "set data.drift.method, or put thresholds in data.drift.columns"
    );
  }
  const pValue = (method, threshold, at) => {
    if (method !== void 0 && TESTS.has(method) && threshold !== void 0 && threshold >= 1) {
      report(
        "error",
        at,
        `${method} is a test: its threshold is a p-value below 1, not ${threshold}`,
        "the usual value is 0.05"
      );
    }
  };
  pValue(drift.method, drift.threshold, ["data", "drift", "threshold"]);
  const declared = config.data?.schema?.columns ?? {};
  for (const [name, column] of Object.entries(drift.columns)) {
    const at = ["data", "drift", "columns", name];
    pValue(column.method, column.threshold, [...at, "threshold"]);
    const type = declared[name]?.type;
    if ((column.method === "ks" || column.method === "wasserstein") && (type === "string" || type === "category" || type === "boolean")) {
      report(
        "error",
        [...at, "method"],
        `${column.method} compares numbers, and "${name}" is declared ${type}`,
        "use chi2, jensen_shannon or psi"
      );
    }
    if (Object.keys(declared).length > 0 && !(name in declared)) {
      report("warning", at, `"${name}" is not declared in data.schema.columns`, "check the column name");
    }
  }
}
var isIndexLike = (name) => /^(?:0|[1-9]\d*)$/.test(name) && Number(name) <= 4294967294;
function checkHeader(config, report) {
  const data = config.data;
  if (!data || data.header) return;
  const names = Object.keys(data.schema?.columns ?? {});
  if (names.length === 0) {
    report(
      "error",
      ["data", "header"],
      "header: false takes the column names from data.schema.columns, which lists none",
      "declare every column of the files under data.schema.columns, in their order in the file"
    );
  }
  for (const name of names.filter(isIndexLike)) {
    report(
      "error",
      ["data", "schema", "columns", name],
      `with header: false the columns are taken in their order here, and a column named "${name}" (a whole number) loses its place when the config is read`,
      `give it a name that is not a whole number, e.g. "c${name}"`
    );
  }
  if (data.format === "jsonl" || data.format === "parquet") {
    report(
      "error",
      ["data", "header"],
      `header: false does not apply to ${data.format === "jsonl" ? "JSON Lines" : "Parquet"} files: they name their columns themselves`,
      "remove data.header (it is for CSV and TSV files)"
    );
    return;
  }
  if (data.format !== "auto") return;
  const sources = [];
  for (const dataset of ["train", "eval"]) {
    const value = data[dataset];
    if (value === void 0) continue;
    if (typeof value === "string") sources.push([["data", dataset], value]);
    else value.forEach((source, i) => sources.push([["data", dataset, i], source]));
  }
  const reference = data.drift?.reference;
  if (reference !== void 0 && reference !== "champion") sources.push([["data", "drift", "reference"], reference]);
  for (const [at, source] of sources) {
    const kind = namedFormat(source);
    if (kind === null) continue;
    report(
      "error",
      ["data", "header"],
      `header: false does not apply to ${source} (${formatPath(at)}): ${kind} files name their columns themselves`,
      "remove data.header, or set data.format if the file is really CSV or TSV"
    );
  }
}
function namedFormat(source) {
  const name = source.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "JSON Lines";
  if (name.endsWith(".parquet") || name.endsWith(".pq")) return "Parquet";
  return null;
}

// src/config/rules/gate.ts
function checkGate(config, report) {
  const gate = config.gate;
  if (!gate) return;
  if (gate.rules.length === 0) {
    report(
      "error",
      ["gate", "rules"],
      "the gate has no rules, so it could never fail",
      "add a rule such as `- { metric: accuracy, min: 0.8 }`, or remove the gate section"
    );
    return;
  }
  if (!config.evaluate) {
    report(
      "error",
      ["gate"],
      "the gate has rules but nothing computes metrics",
      "add an `evaluate` section with `predictions` or `metrics_file`"
    );
  }
  gate.rules.forEach((rule, index) => checkRule(config, rule, ["gate", "rules", index], report));
  if (gate.primary_metric !== void 0 && !gate.rules.some((rule) => rule.metric === gate.primary_metric)) {
    if (!builtinMetric(gate.primary_metric) && !config.evaluate?.custom_metrics[gate.primary_metric]) {
      report("error", ["gate", "primary_metric"], `no rule or declared metric is named "${gate.primary_metric}"`);
    }
  }
}
function checkRule(config, rule, at, report) {
  const hasChangeRule = rule.max_regression !== void 0 || rule.min_improvement !== void 0;
  checkRuleBounds(rule, at, report);
  checkRuleMetric(config, rule, at, report);
  if (rule.significance !== void 0 && !hasChangeRule) {
    report(
      "error",
      [...at, "significance"],
      "significance applies to change rules only",
      "add `max_regression` or `min_improvement`, or remove `significance`"
    );
  }
  if (rule.significance !== void 0 && !builtinMetric(rule.metric)) {
    report(
      "error",
      [...at, "significance"],
      `"${rule.metric}" comes from a metrics file, which has no per-example values to test`,
      "significance needs a built-in metric computed from predictions"
    );
  }
  if (rule.test === "mcnemar" && rule.metric !== "accuracy") {
    report(
      "error",
      [...at, "test"],
      "McNemar's test compares accuracies only",
      "use `test: bootstrap` for other metrics"
    );
  }
  if (rule.slice !== void 0 && !builtinMetric(rule.metric) && (config.evaluate?.slices ?? []).includes(rule.slice)) {
    report(
      "error",
      [...at, "slice"],
      `"${rule.metric}" comes from a metrics file, and per-slice metrics are the built-in ones computed from predictions`,
      "slice a built-in metric, or write the per-slice values into your metrics file as separate metrics"
    );
  }
  if (rule.slice !== void 0 && !(config.evaluate?.slices ?? []).includes(rule.slice)) {
    report(
      "error",
      [...at, "slice"],
      `"${rule.slice}" is not one of evaluate.slices`,
      "add it to evaluate.slices so per-slice metrics are computed"
    );
  }
}
function checkRuleMetric(config, rule, at, report) {
  const evaluate = config.evaluate;
  const builtin = builtinMetric(rule.metric);
  if (builtin) {
    if (builtin.task !== config.model.task) {
      report(
        "error",
        [...at, "metric"],
        `"${rule.metric}" is a ${builtin.task} metric but model.task is ${config.model.task}`
      );
    } else if (evaluate && !evaluate.predictions) {
      report(
        "error",
        [...at, "metric"],
        `nothing produces "${rule.metric}": built-in metrics are computed from evaluate.predictions`,
        "set evaluate.predictions to the file your evaluate command writes"
      );
    }
    if (rule.direction !== void 0 && rule.direction !== builtin.direction) {
      report(
        "error",
        [...at, "direction"],
        `"${rule.metric}" is ${builtin.direction}-is-better; a rule cannot turn it around`,
        "remove `direction`"
      );
    }
    return;
  }
  const declared = evaluate?.custom_metrics[rule.metric];
  if (!evaluate?.metrics_file) {
    const near = closestMatch(rule.metric, Object.keys(BUILTIN_METRICS));
    report(
      "error",
      [...at, "metric"],
      `nothing produces "${rule.metric}": it is not a built-in metric and evaluate.metrics_file is not set`,
      near ? `did you mean "${near}"?` : "set evaluate.metrics_file to the JSON or YAML file your code writes"
    );
    return;
  }
  if (rule.direction === void 0 && declared === void 0) {
    const near = closestMatch(rule.metric, Object.keys(BUILTIN_METRICS));
    report(
      "error",
      [...at, "metric"],
      `custom metric "${rule.metric}" has no direction`,
      near ? `did you mean the built-in "${near}"? Otherwise add \`direction: higher\` or \`lower\`` : "add `direction: higher` or `direction: lower` to the rule, or declare it in evaluate.custom_metrics"
    );
  }
  if (rule.direction !== void 0 && declared !== void 0 && rule.direction !== declared.direction) {
    report(
      "error",
      [...at, "direction"],
      `the rule says "${rule.direction}" but evaluate.custom_metrics says "${declared.direction}"`
    );
  }
}
function checkRuleBounds(rule, at, report, range) {
  const hasValueRule = rule.min !== void 0 || rule.max !== void 0;
  const hasChangeRule = rule.max_regression !== void 0 || rule.min_improvement !== void 0;
  if (!hasValueRule && !hasChangeRule) {
    report(
      "error",
      at,
      `the rule on "${rule.metric}" checks nothing`,
      "give it `min`, `max`, `max_regression` or `min_improvement`"
    );
  }
  const [lowest, highest] = range ?? builtinMetric(rule.metric)?.bounds ?? [-Infinity, Infinity];
  if (rule.min !== void 0 && rule.max !== void 0 && rule.min > rule.max) {
    report("error", [...at, "min"], `min (${rule.min}) is greater than max (${rule.max}), so the rule can never pass`);
  } else if (rule.min !== void 0 && rule.min > highest) {
    report(
      "error",
      [...at, "min"],
      `min (${rule.min}) is above the highest ${rule.metric} there is (${highest}), so the rule can never pass`,
      // `min: 80` for 80% accuracy is the likely slip.
      highest === 1 && rule.min >= 2 && rule.min <= 100 ? `write fractions: ${rule.min}% is ${rule.min / 100}` : void 0
    );
  }
  if (rule.max !== void 0 && highest === 1 && rule.max >= 2 && rule.max <= 100) {
    report(
      "error",
      [...at, "max"],
      `max (${rule.max}) is above the highest ${rule.metric} there is (1), so the rule can never break`,
      `write fractions: ${rule.max}% is ${rule.max / 100}`
    );
  }
  if (rule.max !== void 0 && rule.max < lowest) {
    report(
      "error",
      [...at, "max"],
      `max (${rule.max}) is below the lowest ${rule.metric} there is (${lowest}), so the rule can never pass`
    );
  }
  if (rule.max_regression !== void 0 && rule.min_improvement !== void 0) {
    report(
      "error",
      [...at, "min_improvement"],
      "a rule has either max_regression or min_improvement, not both",
      "split it into two rules"
    );
  }
  if (rule.relative && !hasChangeRule) {
    report("warning", [...at, "relative"], "`relative` only affects change rules; this rule has none");
  }
  if (rule.relative && hasChangeRule) {
    const tolerance = rule.max_regression ?? rule.min_improvement ?? 0;
    if (tolerance >= 1) {
      report(
        "warning",
        [...at, rule.max_regression !== void 0 ? "max_regression" : "min_improvement"],
        `a relative tolerance of ${tolerance} means ${tolerance * 100}%`,
        `write fractions: 5% is 0.05`
      );
    }
    if (bestValueIsZero(rule.metric)) {
      report(
        "warning",
        [...at, "relative"],
        `a relative change of "${rule.metric}" is undefined when the baseline is 0 (a perfect score); the rule then fails`,
        "prefer an absolute tolerance for this metric"
      );
    }
  }
}

// src/config/rules/deploy.ts
function checkDeploy(config, report) {
  const deploy = config.deploy;
  if (!deploy) return;
  const owner = /* @__PURE__ */ new Map();
  for (const [name, target] of Object.entries(deploy.targets)) {
    const claimed = owner.get(target.alias);
    if (claimed !== void 0) {
      report(
        "error",
        ["deploy", "targets", name, "alias"],
        `targets "${claimed}" and "${name}" both serve the alias "${target.alias}": one alias is one place`,
        "give each target an alias of its own"
      );
    } else owner.set(target.alias, name);
  }
  const promote = config.publish.promote;
  if (promote !== false && owner.has(promote)) {
    report(
      "error",
      ["publish", "promote"],
      `"${promote}" is served by the deploy target "${owner.get(promote)}", so only its deploy job may move it`,
      "set `publish.promote: false` (the deploy job promotes after approval), or promote another alias such as candidate"
    );
  }
  const canary = deploy.canary;
  if (!canary) return;
  const targetNames = Object.keys(deploy.targets);
  for (const field of ["target", "promote_to"]) {
    if (!(canary[field] in deploy.targets)) {
      const near = closestMatch(canary[field], targetNames);
      report(
        "error",
        ["deploy", "canary", field],
        `there is no deploy target "${canary[field]}"`,
        near ? `did you mean "${near}"?` : `name one of ${targetNames.join(", ")}`
      );
    }
  }
  if (canary.target === canary.promote_to) {
    report("error", ["deploy", "canary", "promote_to"], "the canary and the target it promotes to are the same");
  }
  if (canary.logs === void 0 === (canary.command === void 0)) {
    report(
      "error",
      ["deploy", "canary"],
      "a canary is judged either on its prediction logs (`logs`) or on the figures a `command` prints: give one"
    );
  }
  if (canary.logs !== void 0 && !config.monitor) {
    report(
      "error",
      ["deploy", "canary", "logs"],
      "the canary's logs are read with the columns of monitor.logs, and there is no monitor section",
      "add a monitor section (docs/monitoring.md), or judge with a `command`"
    );
  }
  if (canary.logs !== void 0 && durationMs(canary.bake) < 2 * WINDOW_MS[canary.window]) {
    report(
      "error",
      ["deploy", "canary", "bake"],
      `a bake of ${canary.bake} may end before a whole ${canary.window} has followed the deploy, and only whole windows after it are judged`,
      `bake for at least two ${canary.window}s, or judge by a smaller window`
    );
  }
  if (canary.shadow && canary.logs === void 0) {
    report("error", ["deploy", "canary", "shadow"], "shadow predictions are read from the canary's `logs`");
  }
  if (canary.shadow && !config.monitor?.labels) {
    report(
      "error",
      ["deploy", "canary", "shadow"],
      "comparing the canary with the champion's shadow predictions needs labels",
      "add monitor.labels"
    );
  }
  canary.rules.forEach((rule, index) => {
    const at = ["deploy", "canary", "rules", index];
    checkRuleBounds(rule, at, report);
    const change = rule.max_regression !== void 0 || rule.min_improvement !== void 0;
    if (change && !canary.shadow) {
      report(
        "error",
        at,
        `the change rule on "${rule.metric}" compares the canary with the champion on the same requests, and no shadow predictions are logged`,
        "log the champion's predictions beside the canary's and name their columns in deploy.canary.shadow, or use min/max"
      );
    }
    if (rule.significance !== void 0 && !change) {
      report(
        "error",
        [...at, "significance"],
        "a paired test belongs to a change rule (max_regression, min_improvement)"
      );
    }
    if (canary.logs !== void 0 && !windowMetricKind(rule.metric)) {
      report("error", [...at, "metric"], `a window of the canary's logs has no figure "${rule.metric}"`);
    }
    if (change && windowMetricKind(rule.metric)?.kind !== "realised") {
      report(
        "error",
        [...at, "metric"],
        `a paired comparison with the champion is on a performance metric such as accuracy, not "${rule.metric}"`
      );
    }
  });
}

// src/config/rules/evaluate.ts
function checkEvaluate(config, report) {
  const evaluate = config.evaluate;
  if (!evaluate) return;
  if (!evaluate.predictions && !evaluate.metrics_file) {
    report(
      "error",
      ["evaluate"],
      "evaluate produces no metrics",
      "set `predictions` (built-in metrics) and/or `metrics_file` (your own)"
    );
  }
  const predictions = typeof evaluate.predictions === "object" ? evaluate.predictions : void 0;
  if (predictions?.score !== void 0 && predictions.score_prefix !== void 0) {
    report(
      "error",
      ["evaluate", "predictions", "score_prefix"],
      "set either `score` (the positive class's probability) or `score_prefix` (one probability column per class), not both"
    );
  }
  if (config.model.task === "regression" && (predictions?.score !== void 0 || predictions?.score_prefix !== void 0)) {
    report(
      "error",
      ["evaluate", "predictions", predictions.score !== void 0 ? "score" : "score_prefix"],
      "probability columns belong to classification; model.task is regression"
    );
  }
  if (evaluate.slices.length > 0 && !evaluate.predictions) {
    report(
      "error",
      ["evaluate", "slices"],
      "slices are computed from the predictions file, and evaluate.predictions is not set"
    );
  }
  for (const name of Object.keys(evaluate.custom_metrics)) {
    if (builtinMetric(name)) {
      report(
        "error",
        ["evaluate", "custom_metrics", name],
        `"${name}" is a built-in metric; its direction is fixed`,
        "rename your metric"
      );
    }
  }
  if (config.model.task === "regression" && config.model.positive_label !== void 0) {
    report("warning", ["model", "positive_label"], "positive_label is ignored for regression");
  }
}

// src/config/cron.ts
var FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
  },
  { name: "day of week", min: 0, max: 6, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] }
];
function checkCron(expression) {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return {
      ok: false,
      error: `a cron schedule has 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`
    };
  }
  const values = [];
  for (const [index, spec] of FIELDS.entries()) {
    const parsed = parseField(fields[index] ?? "", spec);
    if (typeof parsed === "string") return { ok: false, error: `${spec.name} field: ${parsed}` };
    values.push(parsed);
  }
  const warnings = [];
  const minutes = values[0] ?? [];
  if (minutes.includes(0)) {
    warnings.push("runs at minute 0: GitHub delays or drops scheduled runs at the top of the hour; pick e.g. 17");
  }
  if (hasGapUnderFiveMinutes(minutes, values[1] ?? [])) {
    warnings.push("runs less than 5 minutes apart: GitHub runs schedules at most every 5 minutes");
  }
  return { ok: true, warnings };
}
function parseField(text, spec) {
  const result = /* @__PURE__ */ new Set();
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    let step = 1;
    if (stepText !== void 0) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) return `bad step "/${stepText}" in "${part}"`;
      step = Number(stepText);
    }
    let low;
    let high;
    if (range === "*") {
      low = spec.min;
      high = spec.max;
    } else {
      const bounds = range.split("-");
      if (bounds.length > 2) return `bad range "${range}"`;
      const first = parseValue(bounds[0] ?? "", spec);
      if (typeof first === "string") return first;
      low = first;
      if (bounds.length === 2) {
        const second = parseValue(bounds[1] ?? "", spec);
        if (typeof second === "string") return second;
        if (second < first) return `range "${range}" runs backwards`;
        high = second;
      } else {
        high = stepText === void 0 ? first : spec.max;
      }
    }
    for (let v = low; v <= high; v += step) result.add(v);
  }
  return [...result].sort((a, b) => a - b);
}
function parseValue(text, spec) {
  const byName = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (byName >= 0) return byName + spec.min;
  if (!/^\d+$/.test(text)) return `"${text}" is not a number${spec.names ? " or a name such as " + spec.names[1] : ""}`;
  const value = Number(text);
  if (value < spec.min || value > spec.max) return `${value} is outside ${spec.min}-${spec.max}`;
  return value;
}
function hasGapUnderFiveMinutes(sortedMinutes, hours) {
  for (let i = 1; i < sortedMinutes.length; i++) {
    if ((sortedMinutes[i] ?? 0) - (sortedMinutes[i - 1] ?? 0) < 5) return true;
  }
  const first = sortedMinutes[0];
  const last = sortedMinutes.at(-1);
  if (first === void 0 || last === void 0 || first === last) return false;
  return 60 - last + first < 5 && hours.some((hour) => hours.includes((hour + 1) % 24));
}
function isKnownTimeZone(zone) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// src/config/rules/monitor.ts
function checkMonitor(config, report) {
  const monitor = config.monitor;
  if (!monitor) return;
  const logs = monitor.logs;
  if (monitor.labels && logs.id === void 0) {
    report(
      "error",
      ["monitor", "labels"],
      "labels are joined to predictions by request id, and monitor.logs has no id column",
      "set monitor.logs.id to the column your serving code logs the request id in"
    );
  }
  if (logs.score !== void 0 && logs.score_prefix !== void 0) {
    report(
      "error",
      ["monitor", "logs", "score_prefix"],
      "a log has either a score column (binary) or per-class probability columns (score_prefix), not both"
    );
  }
  if (config.model.task === "regression" && (logs.score !== void 0 || logs.score_prefix !== void 0)) {
    report("warning", ["monitor", "logs", "score"], "a regression model has no class scores; they are not read");
  }
  const target = config.data?.target;
  if (target !== void 0 && logs.features?.includes(target)) {
    report(
      "error",
      ["monitor", "logs", "features"],
      `"${target}" is data.target, the label: a prediction log has no label column`,
      "labels arrive later through monitor.labels"
    );
  }
  const prometheus = monitor.alerts.prometheus;
  if (prometheus && prometheus.pushgateway === void 0 && prometheus.textfile === void 0) {
    report(
      "error",
      ["monitor", "alerts", "prometheus"],
      "the prometheus section says neither where to push nor where to write",
      "give it `pushgateway: http://host:9091` or `textfile: path/to/mlops.prom`, or both"
    );
  }
  const dispatching = monitor.rules.findIndex((rule) => rule.action === "retrain");
  if (dispatching >= 0 && !config.retrain) {
    report(
      "error",
      ["monitor", "rules", dispatching, "action"],
      "`action: retrain` runs mlops-retrain.yml, which mlops init writes only with a retrain section",
      'add `retrain: { schedule: "17 3 * * 1" }`, or remove the action'
    );
  }
  const cron = checkCron(monitor.schedule);
  if (!cron.ok) {
    report(
      "error",
      ["monitor", "schedule"],
      `invalid cron schedule "${monitor.schedule}": ${cron.error}`,
      'for example "17 4 * * *" is every day at 04:17 UTC'
    );
  }
  for (const metric of monitor.metrics ?? []) {
    if (!builtinMetric(metric) && windowMetricKind(metric)?.kind !== "realised") {
      report(
        "error",
        ["monitor", "metrics"],
        `"${metric}" is not a built-in metric`,
        suggestion(metric, Object.keys(BUILTIN_METRICS))
      );
    }
  }
  monitor.rules.forEach((rule, index) => {
    const at = ["monitor", "rules", index];
    const kind = windowMetricKind(rule.metric);
    if (!kind) {
      report(
        "error",
        [...at, "metric"],
        `a window has no figure "${rule.metric}"`,
        suggestion(rule.metric, [...MEASURE_NAMES, ...Object.keys(BUILTIN_METRICS)]) ?? `use ${MEASURE_NAMES.join(", ")}, a built-in metric, or estimated_<metric>`
      );
      return;
    }
    checkRuleBounds(rule, at, report, kind.kind === "measure" ? MEASURE_BOUNDS[kind.name] : void 0);
    if (kind.kind === "estimated" && config.model.task === "regression") {
      const realised = builtinMetric(kind.metric)?.task === "regression";
      report(
        "error",
        [...at, "metric"],
        `"${rule.metric}" is a CBPE estimate, which only a classifier's scores give, and model.task is regression`,
        realised ? `judge the realised "${kind.metric}" once labels join (monitor.labels), or the drift that comes before it` : "a regression model is judged on realised metrics (rmse, mae, ...) once labels join"
      );
    } else if (kind.kind !== "measure") {
      const task = builtinMetric(kind.metric)?.task;
      if (task !== void 0 && task !== config.model.task) {
        report(
          "error",
          [...at, "metric"],
          `"${kind.metric}" is a ${task} metric but model.task is ${config.model.task}`
        );
      }
      if (kind.kind === "realised" && !monitor.labels) {
        report(
          "error",
          [...at, "metric"],
          `a realised "${kind.metric}" needs labels`,
          `add monitor.labels, or judge the estimate: ${ESTIMATED_PREFIX}${kind.metric}`
        );
      }
      if (kind.kind === "estimated" && (config.model.task !== "classification" || logs.score === void 0 && logs.score_prefix === void 0)) {
        report(
          "error",
          [...at, "metric"],
          "CBPE estimates a classifier's performance from its scores, and the log has none",
          "set monitor.logs.score (binary) or score_prefix (multiclass)"
        );
      }
    }
    const needs = {
      duplicate_ids: [logs.id, "monitor.logs.id"],
      labelled_share: [monitor.labels ? "labels" : void 0, "monitor.labels"]
    };
    const need = rule.metric.startsWith("latency_p") ? [logs.latency, "monitor.logs.latency"] : needs[rule.metric];
    if (need && need[0] === void 0) {
      report("error", [...at, "metric"], `"${rule.metric}" needs ${need[1]}, which is not set`);
    }
    if (rule.slice !== void 0 && !monitor.slices.includes(rule.slice)) {
      report(
        "error",
        [...at, "slice"],
        `"${rule.slice}" is not one of monitor.slices`,
        "add it to monitor.slices so windows are measured per value"
      );
    }
    if (rule.slice !== void 0 && kind.kind === "measure" && rule.metric !== "rows") {
      report(
        "error",
        [...at, "slice"],
        `"${rule.metric}" is measured on the whole window; per slice there are rows and performance metrics`
      );
    }
  });
}
var MEASURE_BOUNDS = {
  rows: [0, Infinity],
  drift_share: [0, 1],
  drifted_features: [0, Infinity],
  prediction_drift: [0, 1],
  quality_errors: [0, Infinity],
  quality_warnings: [0, Infinity],
  duplicate_ids: [0, Infinity],
  latency_p50: [0, Infinity],
  latency_p90: [0, Infinity],
  latency_p95: [0, Infinity],
  latency_p99: [0, Infinity],
  labelled_share: [0, 1]
};
function suggestion(input, candidates) {
  const near = closestMatch(input, candidates);
  return near ? `did you mean "${near}"?` : void 0;
}

// src/config/rules/paths.ts
import path from "node:path";

// src/config/schema/card.ts
var SPDX_PATTERN = /^[A-Za-z0-9.+-]+(?:\s+(?:AND|OR|WITH)\s+[A-Za-z0-9.+-]+)*$/;
var Text = string().check(_trim(), _minLength(1, { error: "expected some text" }));
var License = string().check(
  _trim(),
  _regex(SPDX_PATTERN, { error: "expected an SPDX license id or expression, such as MIT or Apache-2.0" })
);
var Tag = string().check(_regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "expected a tag of letters, digits, '.', '_' or '-'" }));
var CardSection = described(
  strictObject({
    license: described(
      optional(License),
      "The model's license as an SPDX id or expression (https://spdx.org/licenses/), e.g. `Apache-2.0`; `LicenseRef-<name>` for your own."
    ),
    intended_use: described(optional(Text), "What the model is for, and for whom: the card's first section."),
    out_of_scope: described(
      optional(array(Text)),
      `Uses the model is not meant for, one per item (the card's "Out of scope" list).`
    ),
    limitations: described(optional(array(Text)), "Known limitations, biases and risks, one per item."),
    authors: described(optional(array(Text)), "Who made the model (people or teams), as they want to be named."),
    tags: described(
      optional(array(Tag)),
      "Tags for the card's front matter (Hugging Face's `tags`), e.g. `tabular`, `churn`."
    )
  }),
  "The model card each published version carries (docs/model-card.md): these facts are written as given; the metrics, data fingerprints and lineage come from the version itself."
);

// src/config/schema/deploy.ts
var EnvironmentName = string().check(
  _minLength(1),
  _maxLength(255),
  refine((name) => !hasControlCharacters(name) && !/[,:;]/.test(name), {
    error: "expected a GitHub environment name (no control characters, commas, colons or semicolons)"
  })
);
var DeployTarget = described(
  strictObject({
    alias: described(
      Name,
      "The alias this target serves. Only this target's deploy job moves it (`mlops deploy`), so the environment's reviewers approve every move; no two targets may claim one alias."
    ),
    environment: described(
      optional(EnvironmentName),
      "The GitHub Environment the deploy job runs in (its required reviewers, wait timer and branch policies are the approval). Default: the target's name."
    ),
    command: described(
      Command,
      "The deploy command, run with the version's files pulled and verified. It gets MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS, MLOPS_TARGET, MLOPS_ENVIRONMENT, MLOPS_MODEL_DIR (the files) and MLOPS_MANIFEST (the manifest's path); exit 0 means deployed; a stdout line `environment_url=<url>` sets the deployment's URL. A rollback runs it again with the earlier version, so it must be idempotent."
    ),
    env: described(_default(record(string(), string()), {}), "Extra environment variables for the command."),
    timeout_minutes: _default(TimeoutMinutes, 30),
    url: described(
      optional(url({ protocol: /^https?$/, error: "expected an http(s):// URL" })),
      "The deployment's URL when the command prints none."
    ),
    production: described(
      optional(boolean()),
      "Whether GitHub shows the deployment as production. Default: true for the `champion` alias."
    )
  }),
  "One place a version serves."
);
var CanaryRule = described(
  GateRule,
  "A rule the canary must pass, in the gate's rule language. With `logs`: over each window of the canary's served predictions after its deploy, on the monitor's figures (`rows`, `drift_share`, `prediction_drift`, `latency_p95`, a realised metric such as `accuracy` ...); a change rule compares with the champion on the same requests, so it needs `shadow`, and `significance` makes it a paired test. With `command`: on the figures the command prints (value rules only)."
);
var ShadowColumns = described(
  strictObject({
    prediction: described(
      string().check(_minLength(1)),
      "Column with the champion's prediction for the same request."
    ),
    score: described(
      optional(string().check(_minLength(1))),
      "Column with the champion's positive-class probability."
    )
  }),
  "The champion's shadow predictions, logged beside the canary's on the same requests: change rules compare the two on the labelled requests, paired."
);
var CanarySection = described(
  strictObject({
    target: described(
      Name,
      "The target the candidate is deployed to first (its alias is the canary's, e.g. `canary`)."
    ),
    promote_to: described(Name, "The target the candidate goes to when the canary passes (e.g. `production`)."),
    bake: described(_default(Duration, "1h"), "How long the canary serves before it is judged."),
    logs: described(
      optional(DataSources),
      "The canary's prediction logs (the columns of monitor.logs): judged with the monitor's figures per window."
    ),
    window: described(
      _default(_enum(["hour", "day", "week"]), "hour"),
      "Window size for judging the canary's logs; only windows that start after the deploy count."
    ),
    command: described(
      optional(Command),
      "Instead of logs: a command that prints the canary's figures as one JSON object of numbers (e.g. a Prometheus query). It gets MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS and MLOPS_SINCE (the deploy time)."
    ),
    timeout_minutes: _default(TimeoutMinutes, 10),
    shadow: optional(ShadowColumns),
    rules: array(CanaryRule).check(_minLength(1, { error: "a canary needs at least one rule" }))
  }),
  "A staged rollout: deploy to `target`, bake, judge by `rules`; pass promotes to `promote_to`, a failure (or no figures at all) rolls the canary back to the version before and records why."
);
var DeploySection = described(
  strictObject({
    approval: described(
      _default(_enum(["environment", "dispatch"]), "environment"),
      "`environment`: the deploy job runs in the target's GitHub Environment and its required reviewers approve (public repositories, or GitHub Enterprise). `dispatch`: for private repositories without required reviewers, a deploy is a manually dispatched workflow on the default branch, and its actor is recorded."
    ),
    targets: described(
      record(Name, DeployTarget).check(refine((targets) => Object.keys(targets).length > 0, { error: "name at least one target" })),
      "Deploy targets by name."
    ),
    canary: optional(CanarySection),
    issue: described(
      prefault(
        strictObject({
          labels: described(
            _default(array(string().check(_minLength(1))), ["mlops", "deploy"]),
            "Labels of the issue."
          ),
          assignees: described(
            _default(array(string().check(_minLength(1))), []),
            "Who is assigned the issue."
          )
        }),
        {}
      ),
      "One issue per model and alias: opened when a deploy fails or a canary is rolled back, closed by the next good deploy."
    )
  }),
  "Governed delivery: deploy targets, approvals, canary (docs/delivery.md)."
);

// src/config/schema/evaluate.ts
var PredictionsFile = described(
  strictObject({
    path: described(RelativePath, "The predictions file (CSV, TSV, JSON Lines or Parquet)."),
    label: described(_default(string(), "label"), "Column with the true label (or true value)."),
    prediction: described(_default(string(), "prediction"), "Column with the predicted label (or value)."),
    score: described(
      optional(string()),
      "Column with the positive-class probability (binary); needed for ROC AUC, log loss, Brier."
    ),
    score_prefix: described(
      optional(string()),
      "Prefix of per-class probability columns (multiclass), e.g. `proba_` for proba_cat, proba_dog."
    ),
    id: described(optional(string()), "Row id column; lets the gate pair candidate and baseline rows safely.")
  }),
  "Per-example predictions; the kit computes the built-in metrics from them."
);
var CustomMetric = strictObject({
  direction: Direction,
  description: described(optional(string()), "What the metric measures.")
});
var EvaluateSection = described(
  strictObject({
    command: described(optional(Command), "The command that writes predictions and/or metrics files."),
    timeout_minutes: optional(TimeoutMinutes),
    predictions: described(
      optional(union([RelativePath, PredictionsFile], { error: "expected a predictions file path or mapping" })),
      "A predictions file (path, or mapping with column names). Columns default to label, prediction."
    ),
    metrics_file: described(
      optional(union([RelativePath, array(RelativePath).check(_minLength(1))])),
      "JSON or YAML (.yaml, .yml) file(s) of extra metrics your code computes (flat or nested, as DVC metrics files)."
    ),
    custom_metrics: described(
      _default(record(string().check(_minLength(1)), CustomMetric), {}),
      "Direction (and a description) of each metric from metrics files that a rule or report uses."
    ),
    slices: described(
      _default(array(string().check(_minLength(1))), []),
      "Columns of the predictions file to compute metrics per value of (e.g. country, device)."
    )
  }),
  "How the model is evaluated."
);

// src/config/schema/model.ts
var ModelSection = described(
  strictObject({
    name: described(Name, "The model's name in the registry, reports and check names."),
    task: described(
      _default(_enum(["classification", "regression"]), "classification"),
      "What the model predicts: classes (`classification`) or numbers (`regression`)."
    ),
    positive_label: described(
      optional(Scalar),
      "The positive class for binary metrics (precision, recall, F1, ROC AUC). Default: 1, true or yes when the labels are those; otherwise set it."
    ),
    description: described(optional(string()), "One line about the model, shown in reports and the registry.")
  }),
  "What is being trained."
);

// src/config/schema/predict.ts
var LAYOUT_PLACEHOLDERS = ["model", "version", "alias", "input", "date"];
var Layout = string().check(
  _trim(),
  _minLength(1),
  refine((layout) => !layout.split("/").some((part) => part === ".." || part === "."), {
    error: "a layout may not contain '.' or '..' segments"
  }),
  refine((layout) => [...layout.matchAll(/\{([^}]*)\}/g)].every((m) => LAYOUT_PLACEHOLDERS.some((p) => p === m[1])), {
    error: `a layout names only ${LAYOUT_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`
  })
);
var PredictSection = described(
  strictObject({
    alias: described(
      _default(Name, "champion"),
      "The alias whose version scores (resolved once per run; matrix legs all score with the version it named)."
    ),
    input: described(
      DataSources,
      "The data to score: paths, globs or s3:// URIs, read as one dataset (the formats `validate` reads). Each file is scored by one run of the command and gives one part of the output."
    ),
    format: described(
      _default(_enum(DATA_FORMATS), "auto"),
      "The input's file format; `auto` goes by the extension."
    ),
    command: described(
      Command,
      "The scoring command, run once per input file with the version's files pulled and verified. It gets MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS, MLOPS_MODEL_DIR (the files), MLOPS_MANIFEST, MLOPS_INPUT (one input file, local), MLOPS_OUTPUT (the file to write: one row per input row) and MLOPS_SCORED_AT (the run's ISO time, for a timestamp column). Exit 0 means scored."
    ),
    env: described(_default(record(string(), string()), {}), "Extra environment variables for the command."),
    timeout_minutes: described(
      _default(TimeoutMinutes, 60),
      "Kill the command after this many minutes (per input file)."
    ),
    output: described(
      PathOrS3Uri,
      "Where predictions go: a folder (relative to mlops.yml) or an s3://bucket/prefix. Each run writes below it at `layout`."
    ),
    layout: described(
      _default(Layout, "{model}/{version}/{input}"),
      "The path below `output` of one run's result: {model}, {version} (v7), {alias}, {input} (the input's fingerprint, 16 hex digits) and {date} (the run's UTC date). A layout without {version} may hold another version's result, which a run refuses to replace."
    ),
    output_format: described(
      _default(_enum(["csv", "jsonl", "parquet"]), "csv"),
      "The format the command writes (the extension of MLOPS_OUTPUT and of each part)."
    ),
    validate: described(
      _default(boolean(), true),
      "Check the input against the feature rules of data.schema first (the target's rules and row bounds left out); an input that fails is not scored."
    ),
    monitored: described(
      _default(boolean(), true),
      "With a monitor section: check that each part has the columns monitor.logs reads, so the output is a prediction log the monitor can read as it is."
    ),
    schedule: described(
      _default(string(), "23 2 * * *"),
      "When the scheduled workflow (mlops-predict.yml) scores predict.input: a 5-field cron expression (UTC)."
    ),
    shards: described(
      MatrixShards,
      "Matrix legs the scheduled workflow splits the input's files into, each scoring its block; a last job marks the result complete (mlops-predict.yml)."
    )
  }),
  "Batch scoring with the version an alias points at (docs/batch-scoring.md)."
);

// src/config/schema/retrain.ts
var RetrainSection = described(
  strictObject({
    schedule: described(
      string(),
      "When to consider retraining: a 5-field cron expression (min 5-minute interval on GitHub)."
    ),
    timezone: described(_default(string(), "UTC"), "IANA time zone of the schedule, e.g. Europe/Berlin."),
    when: described(
      prefault(
        strictObject({
          drift: described(
            _default(boolean(), true),
            "Retrain when data drifted from the champion's training data."
          ),
          max_age_days: described(
            optional(number().check(int(), _positive())),
            "Retrain when the champion is older."
          ),
          new_data: described(_default(boolean(), true), "Retrain when the training data changed."),
          monitor: described(
            _default(boolean(), false),
            "Retrain when the monitor (monitor:) found a breach of a rule on the champion's served predictions."
          )
        }),
        {}
      ),
      "What calls for retraining; any one suffices."
    ),
    issue: described(
      prefault(
        strictObject({
          labels: described(
            _default(array(string().check(_minLength(1))), ["mlops", "retraining"]),
            "Labels of the issue."
          ),
          assignees: described(
            _default(array(string().check(_minLength(1))), []),
            "Who is assigned the issue."
          )
        }),
        {}
      ),
      "The issue opened when a scheduled retrain fails (and closed when one succeeds)."
    )
  }),
  "Scheduled retraining (continuous training)."
);

// src/config/schema/index.ts
var MlopsConfigSchema = described(
  strictObject({
    version: described(literal(1, { error: "expected `version: 1`" }), "Config format version. Always 1."),
    model: ModelSection,
    data: optional(DataSection),
    train: optional(TrainSection),
    evaluate: optional(EvaluateSection),
    gate: optional(GateSection),
    registry: prefault(RegistrySection, {}),
    publish: prefault(PublishSection, {}),
    retrain: optional(RetrainSection),
    monitor: optional(MonitorSection),
    deploy: optional(DeploySection),
    predict: optional(PredictSection),
    report: prefault(ReportSection, {}),
    card: optional(CardSection),
    workspace: described(
      _default(RelativePath, ".mlops"),
      "Folder (relative to mlops.yml) for stage results, the local registry and the local run cache."
    )
  }),
  "mlops-kit configuration (mlops.yml)."
);

// src/config/rules/paths.ts
function pathValues(config) {
  const found = [];
  collectPaths(MlopsConfigSchema, config, [], found);
  return found;
}
function collectPaths(schema, value, at, found) {
  if (value === void 0) return;
  const mark = pathMarks.get(schema);
  if (mark !== void 0) {
    if (typeof value === "string") found.push({ at, value, remote: mark.remote });
    return;
  }
  const def = schema._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      collectPaths(def.innerType, value, at, found);
      return;
    case "lazy":
      collectPaths(def.getter(), value, at, found);
      return;
    case "object":
      if (isMapping(value)) {
        for (const [key, field] of Object.entries(def.shape)) collectPaths(field, value[key], [...at, key], found);
      }
      return;
    case "record":
      if (isMapping(value)) {
        for (const [key, item] of Object.entries(value)) collectPaths(def.valueType, item, [...at, key], found);
      }
      return;
    case "array":
      if (Array.isArray(value)) value.forEach((item, i) => collectPaths(def.element, item, [...at, i], found));
      return;
    case "union": {
      const option = def.options.find((candidate) => safeParse(candidate, value).success);
      if (option !== void 0) collectPaths(option, value, at, found);
      return;
    }
    default:
      return;
  }
}
function isMapping(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function checkPaths(config, context, report) {
  for (const field of pathValues(config)) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(field.value)) {
      if (field.at.join(".") === "registry.uri" && isGitHubUri(field.value)) {
        if (!parseGitHubUri(field.value)) {
          report(
            "error",
            field.at,
            `"${field.value}" is not a valid github://owner/repo URI`,
            "name the repository as in its address: github://octo-org/models (no path after the repository)"
          );
        }
        continue;
      }
      if (!field.remote || !isS3Uri(field.value)) {
        report(
          "error",
          field.at,
          `unsupported location "${field.value}"`,
          field.remote ? "use a path in the repository or an s3://bucket/key URI" : "use a path in the repository"
        );
      } else if (!parseS3Uri(field.value)) {
        report(
          "error",
          field.at,
          `"${field.value}" is not a valid s3://bucket/key URI`,
          "bucket names are 3-63 lowercase letters, digits, '.' and '-'"
        );
      }
      continue;
    }
    const problem = relativePathProblem(field.value);
    if (problem !== void 0 && problem !== "escapes") {
      report(
        "error",
        field.at,
        `${describePathProblem(problem)}: "${field.value}"`,
        "paths are relative to the folder of mlops.yml and stay inside the repository"
      );
      continue;
    }
    if (!isInside(context.repoRoot, path.resolve(context.root, field.value))) {
      report(
        "error",
        field.at,
        `the path "${field.value}" leads outside the repository`,
        "keep data and outputs inside the repository, or use an s3:// URI"
      );
    }
  }
}

// src/config/rules/predict.ts
import path2 from "node:path";
function checkPredict(config, context, report) {
  const predict = config.predict;
  if (!predict) return;
  const cron = checkCron(predict.schedule);
  if (!cron.ok) {
    report(
      "error",
      ["predict", "schedule"],
      `invalid cron schedule "${predict.schedule}": ${cron.error}`,
      'for example "23 2 * * *" is every day at 02:23 UTC'
    );
  } else {
    for (const warning of cron.warnings) report("warning", ["predict", "schedule"], warning);
  }
  if (predict.shards > 1 && !isS3Uri(predict.output)) {
    report(
      "warning",
      ["predict", "shards"],
      `the ${predict.shards} legs of mlops-predict.yml each run on their own runner: with predict.output a folder, each leg's parts stay on its runner and the finish job finds them missing`,
      "put predict.output on s3://, or keep predict.shards: 1"
    );
  }
  const registry = config.registry.uri ?? path2.join(config.workspace, "registry");
  const overlap = overlapOf(predict.output, registry, context.root);
  if (overlap === "output-in-registry") {
    report(
      "error",
      ["predict", "output"],
      `predictions at "${predict.output}" would land inside the registry (${registry}), whose keys are its models' versions and logs: the registry is not a place for data`,
      "give the predictions a prefix or folder of their own, e.g. s3://bucket/scores beside s3://bucket/registry"
    );
  } else if (overlap === "registry-in-output") {
    report(
      "warning",
      ["predict", "output"],
      `the registry (${registry}) is inside predict.output "${predict.output}": a clean-up or lifecycle rule on the predictions would reach the registry too`,
      "give the predictions a prefix or folder of their own, beside the registry's"
    );
  }
  const missing = ["version", "input"].filter((name) => !predict.layout.includes(`{${name}}`));
  if (missing.length > 0) {
    const differs = missing.map((name) => name === "input" ? "another input" : "another version").join(" or ");
    const when = predict.layout.includes("{date}") ? " on the same day" : "";
    report(
      "warning",
      ["predict", "layout"],
      `the layout has no ${missing.map((name) => `{${name}}`).join(" or ")}: a run scoring ${differs}${when} finds the earlier complete result in its place and fails (exit 1), as a complete result is never replaced by one of another version or input`,
      `keep {version} and {input} in predict.layout, e.g. "{model}/{version}/{input}"`
    );
  }
  const logsFormat = config.monitor?.logs.format;
  if (predict.monitored && logsFormat !== void 0 && logsFormat !== "auto" && logsFormat !== predict.output_format) {
    report(
      "warning",
      ["predict", "output_format"],
      `the parts are written as ${predict.output_format} and the monitor reads its logs as ${logsFormat} (monitor.logs.format): it cannot read the predictions as they are`,
      `set predict.output_format: ${logsFormat}, or monitor.logs.format: auto`
    );
  }
}
function overlapOf(output, registry, root) {
  if (isS3Uri(output) !== isS3Uri(registry)) return null;
  if (isS3Uri(output)) {
    const a = parseS3Uri(output);
    const b = parseS3Uri(registry);
    if (!a || !b || a.bucket !== b.bucket) return null;
    const within = (inner, outer) => {
      const prefix = trimSlashes(outer);
      return prefix === "" || trimSlashes(inner) === prefix || trimSlashes(inner).startsWith(`${prefix}/`);
    };
    if (within(a.key, b.key)) return "output-in-registry";
    return within(b.key, a.key) ? "registry-in-output" : null;
  }
  if (registry.includes("://")) return null;
  const outputDir = path2.resolve(root, output);
  const registryDir = path2.resolve(root, registry);
  if (isInside(registryDir, outputDir)) return "output-in-registry";
  return isInside(outputDir, registryDir) ? "registry-in-output" : null;
}
function trimSlashes(key) {
  return key.replace(/^\/+|\/+$/g, "");
}

// src/config/rules/publish.ts
function checkPublish(config, report) {
  if (config.publish.promote !== false && !config.gate) {
    report(
      "warning",
      ["publish", "promote"],
      `without a gate nothing is ever promoted to "${config.publish.promote}"`,
      "add a gate section, or set `promote: false`"
    );
  }
  if (config.publish.files === void 0 && (config.train?.outputs.length ?? 0) === 0) {
    report("warning", ["publish"], "nothing to publish: neither publish.files nor train.outputs lists any file");
  }
  if (config.registry.endpoint !== void 0 && !isS3Uri(config.registry.uri ?? "")) {
    report("warning", ["registry", "endpoint"], "an endpoint is only used with an s3:// registry uri");
  }
  if (config.publish.promote !== false && /^v?\d+$|^v\d{8}T\d{9}Z-/.test(config.publish.promote)) {
    report(
      "error",
      ["publish", "promote"],
      `"${config.publish.promote}" cannot be an alias name: it reads as a version number or id`,
      "use a word such as champion or staging"
    );
  }
  if (config.registry.force_path_style !== void 0 && config.registry.endpoint === void 0) {
    report(
      "warning",
      ["registry", "force_path_style"],
      "force_path_style only matters with an endpoint (AWS S3 itself uses virtual-hosted addressing)"
    );
  }
}

// src/config/rules/report.ts
function collectInto(found) {
  return (severity, at, message, hint) => {
    found.push(hint === void 0 ? { severity, path: at, message } : { severity, path: at, message, hint });
  };
}

// src/config/rules/retrain.ts
function checkRetrain(config, report) {
  const retrain = config.retrain;
  if (!retrain) return;
  const cron = checkCron(retrain.schedule);
  if (!cron.ok) {
    report(
      "error",
      ["retrain", "schedule"],
      `invalid cron schedule "${retrain.schedule}": ${cron.error}`,
      'for example "17 3 * * 1" is every Monday at 03:17'
    );
  } else {
    for (const warning of cron.warnings) report("warning", ["retrain", "schedule"], warning);
  }
  if (!isKnownTimeZone(retrain.timezone)) {
    const near = closestMatch(retrain.timezone, Intl.supportedValuesOf("timeZone"));
    report(
      "error",
      ["retrain", "timezone"],
      `unknown time zone "${retrain.timezone}"`,
      near ? `did you mean "${near}"?` : "use an IANA name such as Europe/Berlin"
    );
  }
  if (retrain.when.monitor && !config.monitor) {
    report(
      "error",
      ["retrain", "when", "monitor"],
      "retraining on a monitor breach needs a monitor section",
      "add `monitor:` (docs/monitoring.md), or set `monitor: false`"
    );
  }
  if (retrain.when.drift && !config.data?.drift) {
    report(
      "error",
      ["retrain", "when", "drift"],
      "retraining on drift needs data.drift to be configured",
      "add `data: { drift: { reference: champion } }`, or set `drift: false`"
    );
  }
}

// src/config/rules/train.ts
import path3 from "node:path";
function checkTrain(config, report) {
  const train = config.train;
  if (!train) return;
  const cache = train.cache;
  const cacheEnabled = cache === true || typeof cache === "object" && cache.enabled;
  if (cacheEnabled && train.outputs.length === 0) {
    report(
      "warning",
      ["train", "cache"],
      "the run cache is on but train.outputs is empty, so a cache hit restores nothing",
      "list what the command writes in train.outputs"
    );
  }
  if (typeof cache === "object" && cache.backend === "s3" && cache.uri === void 0 && !isS3Uri(config.registry.uri ?? "")) {
    report("error", ["train", "cache", "uri"], "the s3 cache backend needs `uri: s3://bucket/prefix`");
  }
  if (typeof cache === "object" && cache.uri !== void 0) {
    if (cache.backend === "local" && isS3Uri(cache.uri)) {
      report(
        "error",
        ["train", "cache", "uri"],
        "the local cache backend needs a folder, not an s3:// URI",
        "use `backend: s3` (or `auto`) for a cache in a bucket"
      );
    } else if (cache.backend === "actions") {
      report("warning", ["train", "cache", "uri"], "the actions cache backend has no uri; it is ignored");
    }
  }
  train.outputs.forEach((output, index) => {
    const normal = path3.posix.normalize(output).replace(/\/+$/, "");
    const workspace = path3.posix.normalize(config.workspace).replace(/\/+$/, "");
    if (normal === "." || normal === "" || workspace === normal || workspace.startsWith(`${normal}/`)) {
      report(
        "error",
        ["train", "outputs", index],
        `"${output}" holds ${normal === "." || normal === "" ? "mlops.yml" : "the workspace"}, so it cannot be an output`,
        "list the folders or files the command writes, e.g. model/"
      );
    }
  });
  if (train.matrix) {
    const combinations = legCount(train.matrix);
    if (combinations > MAX_LEGS) {
      report(
        "error",
        ["train", "matrix"],
        `the sweep has ${combinations} combinations; GitHub runs at most ${MAX_LEGS} jobs from one matrix`,
        "sweep fewer values, or split the sweep"
      );
    }
  }
  if (train.matrix && typeof train.params === "object") {
    for (const key of Object.keys(train.matrix)) {
      if (!(key in train.params) && !hasDotted(train.params, key)) {
        report(
          "warning",
          ["train", "matrix", key],
          `"${key}" is not one of train.params, so the sweep adds a new param`
        );
      }
    }
  }
}
function hasDotted(params, name) {
  let current = params;
  for (const key of name.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return false;
    current = current[key];
  }
  return true;
}

// src/config/rules.ts
function checkConfigRules(config, context) {
  const found = [];
  const report = collectInto(found);
  checkPaths(config, context, report);
  checkGate(config, report);
  checkEvaluate(config, report);
  checkData(config, report);
  checkTrain(config, report);
  checkPublish(config, report);
  checkRetrain(config, report);
  checkMonitor(config, report);
  checkDeploy(config, report);
  checkPredict(config, context, report);
  checkSigning(config, context, report);
  return found;
}

// src/config/load.ts
async function loadConfig(configPath, cwd) {
  const { source, file, displayFile } = await readConfigSource(configPath, cwd);
  return checkSource(source, file, displayFile);
}
async function readConfigSource(configPath, cwd) {
  const file = resolveConfigFile(configPath, cwd);
  const relative = path4.relative(cwd, file);
  const displayFile = relative === "" ? path4.basename(file) : relative.startsWith("..") ? file : relative;
  try {
    return { source: await readYamlFile(file, displayFile), file, displayFile };
  } catch (error2) {
    if (error2 instanceof YamlSourceError) throw new ConfigError(error2.diagnostics);
    throw error2;
  }
}
function parseConfig(text, file, displayFile = path4.basename(file)) {
  let source;
  try {
    source = parseYamlText(text, displayFile);
  } catch (error2) {
    if (error2 instanceof YamlSourceError) throw new ConfigError(error2.diagnostics);
    throw error2;
  }
  return checkSource(source, file, displayFile);
}
function checkSource(source, file, displayFile) {
  const root = path4.dirname(file);
  const repoRoot = findRepoRoot(root);
  const place = (d) => ({
    ...d,
    location: d.location ?? locate(source, d.path, { key: d.pointAt === "key" })
  });
  const parsed = MlopsConfigSchema.safeParse(source.value, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(sortByPlace(diagnosticsFromIssues(parsed.error.issues, MlopsConfigSchema).map(place)));
  }
  const diagnostics = sortByPlace(checkConfigRules(parsed.data, { root, repoRoot }).map(place));
  if (diagnostics.some((d) => d.severity === "error")) throw new ConfigError(diagnostics);
  return {
    config: parsed.data,
    warnings: diagnostics,
    file,
    displayFile,
    root,
    repoRoot,
    locate: (fieldPath) => locate(source, fieldPath)
  };
}
function resolveConfigFile(configPath, cwd) {
  const given = path4.resolve(cwd, configPath);
  if (configPath === DEFAULT_CONFIG_FILE && !existsSync(given)) {
    const alternative = path4.resolve(cwd, "mlops.yaml");
    if (existsSync(alternative)) return alternative;
  }
  return given;
}
function findRepoRoot(start) {
  let current = path4.resolve(start);
  for (; ; ) {
    if (existsSync(path4.join(current, ".git"))) return current;
    const parent = path4.dirname(current);
    if (parent === current) return path4.resolve(start);
    current = parent;
  }
}
function sortByPlace(diagnostics) {
  return diagnostics.sort(
    (a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0)
  );
}

export {
  schemaHasPath,
  allowedKeys,
  shorthandKey,
  MlopsConfigSchema,
  loadConfig,
  readConfigSource,
  parseConfig,
  findRepoRoot
};
