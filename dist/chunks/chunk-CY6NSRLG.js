import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  BATCH_RECORDS,
  EXACT_NUMBERS,
  FREQUENT_CAPACITY,
  FrequentItems,
  HeldParts,
  RepeatWriter,
  RowHashes,
  capText,
  findRepeats,
  heldValuesLimit,
  isCut,
  keyOf,
  mergeCheckFindings,
  mergeMoments,
  mergeRepeatTallies,
  mergeTallies,
  partitionBitsFor,
  sampleStd,
  scanDelimited,
  scanRange,
  shiftTallies,
  tallyOf
} from "./chunk-D4GGIWCT.js";
import {
  HLL_STANDARD_ERROR,
  HyperLogLog,
  KLL_RANK_ERROR,
  KllSketch,
  KllView,
  decodeRegisters,
  encodeRegisters,
  hashBytes,
  hashed,
  hllOfKeys,
  hllOfNumbers
} from "./chunk-VZY6JDFA.js";
import {
  SAMPLE_ROWS,
  TypeSample
} from "./chunk-G6IL24PE.js";
import {
  startWorkerThread
} from "./chunk-N6JR4UVL.js";
import {
  explainReadError,
  formatOf,
  openTable
} from "./chunk-3EFEPTIF.js";
import {
  DelimitedReader,
  MORE,
  RECORD,
  fileReader,
  formatDatetime,
  isGzip,
  parseDatetime,
  parseNumber,
  parsed
} from "./chunk-Z7WWPMG5.js";
import {
  KIT_VERSION
} from "./chunk-MFDUBFJ5.js";
import {
  InputError
} from "./chunk-XOZC47AQ.js";

// src/data/column/merge.ts
function mergeColumnState(into, later, seed = 1) {
  into.rows += later.rows;
  into.values += later.values;
  into.nulls += later.nulls;
  into.missingTokens += later.missingTokens;
  into.invalid += later.invalid;
  into.nonFinite += later.nonFinite;
  into.fractional += later.fractional;
  into.numericValues += later.numericValues;
  if (later.moments) into.moments = into.moments ? mergeMoments(into.moments, later.moments) : { ...later.moments };
  if (later.sketch) {
    const sketch = into.sketch ? KllSketch.fromState(into.sketch, seed) : new KllSketch(seed);
    sketch.merge(later.sketch);
    into.sketch = sketch.toState();
  }
  if (into.sketch !== null || later.sketch !== null) mergeNumberDistinct(into, later);
  else mergeTextDistinct(into, later);
  if (into.sketch !== null && later.frequent !== null) {
    const frequent = new FrequentItems();
    if (into.frequent) frequent.merge(into.frequent);
    frequent.merge(later.frequent);
    into.frequent = frequent.toState();
  }
  mergeTallies(into.checks, later.checks);
}
function mergeNumberDistinct(into, later) {
  if (into.numbers && later.numbers && into.hll === null && later.hll === null) {
    const counts = new Map(into.numbers);
    for (const [value, count] of later.numbers) counts.set(value, (counts.get(value) ?? 0) + count);
    if (counts.size <= EXACT_NUMBERS) {
      into.numbers = [...counts];
      return;
    }
  }
  const hll = new HyperLogLog();
  for (const side of [into, later]) {
    if (side.numbers) hll.merge(hllOfNumbers(side.numbers.map((e) => e[0])).registers);
    const registers = side.hll === null ? void 0 : decodeRegisters(side.hll);
    if (registers) hll.merge(registers);
  }
  into.numbers = null;
  into.hll = encodeRegisters(hll.registers);
}
function mergeTextDistinct(into, later) {
  const sides = [into.frequent, later.frequent].filter((f) => f !== null);
  const frequent = new FrequentItems();
  for (const side of sides) frequent.merge(side);
  const merged = frequent.toState();
  const exact = merged.error === 0 && into.hll === null && later.hll === null;
  if (!exact) {
    const hll = new HyperLogLog();
    for (const side of [into, later]) {
      if (side.frequent && side.frequent.error === 0 && side.hll === null)
        hll.merge(hllOfKeys(side.frequent.entries.map((e) => e[0])).registers);
      const registers = side.hll === null ? void 0 : decodeRegisters(side.hll);
      if (registers) hll.merge(registers);
    }
    into.hll = encodeRegisters(hll.registers);
  }
  into.frequent = sides.length > 0 ? merged : null;
}

// src/data/profile.ts
var PROFILE_FORMAT = "mlops-profile/1";
var QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
function buildProfile(plan, outcome) {
  const columns = [];
  plan.columns.forEach((column, i) => {
    const state = outcome.columns[i];
    if (state) columns.push(finishColumn(column, state));
  });
  return {
    format: PROFILE_FORMAT,
    kit: KIT_VERSION,
    dataset: plan.dataset,
    schemaHash: plan.schemaHash,
    files: plan.files.map((f, i) => ({
      path: f.shown,
      bytes: f.bytes,
      rows: outcome.fileRows[i] ?? 0,
      columns: f.columns
    })),
    rows: outcome.rows,
    firstRow: plan.firstRow,
    sampledRows: plan.sampledRows,
    columns,
    checks: outcome.checks,
    parts: 1,
    shard: null,
    notes: [],
    settings: settings()
  };
}
function settings() {
  return { kllRankError: KLL_RANK_ERROR, hllStandardError: HLL_STANDARD_ERROR, exactDistinct: FREQUENT_CAPACITY };
}
function finishColumn(plan, state) {
  let type;
  let kind = plan.kind;
  const finished = { ...state };
  if (plan.declared) {
    type = plan.declared;
  } else if (plan.kind === "any") {
    const numeric = state.values > 0 && state.numericValues > 0 && state.numericValues + state.missingTokens === state.values;
    if (numeric) {
      type = state.fractional > 0 ? "number" : "integer";
      kind = "numeric";
      finished.nulls += state.missingTokens;
      finished.values -= state.missingTokens;
      finished.frequent = null;
    } else {
      type = "string";
      kind = "text";
      finished.missingTokens = 0;
      finished.moments = null;
      finished.sketch = null;
      finished.numbers = null;
      finished.hll = null;
    }
  } else {
    type = plan.inferred === "integer" && state.fractional > 0 ? "number" : plan.inferred ?? "string";
  }
  const profile = {
    ...finished,
    type,
    declared: plan.declared !== null,
    inferred: plan.inferred,
    kind,
    summary: emptySummary()
  };
  profile.summary = summarize(profile);
  return profile;
}
function emptySummary() {
  return {
    count: 0,
    nulls: 0,
    distinct: null,
    min: null,
    max: null,
    mean: null,
    std: null,
    quantiles: [],
    rankError: 0,
    histogram: null,
    top: [],
    topError: 0
  };
}
function summarize(column) {
  const summary = emptySummary();
  summary.nulls = column.nulls;
  summary.count = column.values - column.invalid - column.nonFinite;
  const show = (value) => column.kind === "datetime" ? formatDatetime(value) : value;
  if (column.sketch && column.sketch.n > 0 && column.moments) {
    const view = new KllView(column.sketch);
    summary.min = show(view.min);
    summary.max = show(view.max);
    summary.mean = show(column.moments.mean);
    summary.std = sampleStd(column.moments);
    summary.rankError = view.exact ? 0 : KLL_RANK_ERROR;
    summary.quantiles = QUANTILES.map((q) => ({ q, value: show(view.quantile(q)) }));
    summary.histogram = histogram(view, show);
  }
  if (column.frequent) {
    const error = column.frequent.error;
    summary.top = column.frequent.entries.filter(([, count, text]) => count > error && text !== null).slice(0, 10).map(([, count, text]) => {
      const value = capText(text ?? "");
      return isCut(value) ? { value, count, cut: true } : { value, count };
    });
    summary.topError = error;
  }
  summary.distinct = distinctOf(column);
  return summary;
}
function distinctOf(column) {
  const numeric = column.kind === "numeric" || column.kind === "datetime";
  if (numeric && column.numbers) return { value: column.numbers.length, exact: true };
  if (!numeric && column.frequent && column.frequent.error === 0 && column.hll === null)
    return { value: column.frequent.entries.length, exact: true };
  const registers = column.hll === null ? void 0 : decodeRegisters(column.hll);
  return registers ? { value: new HyperLogLog(registers).estimate(), exact: false } : null;
}
function histogram(view, show) {
  if (!(view.max > view.min)) return { edges: [show(view.min), show(view.max)], counts: [view.n] };
  const bins = 10;
  const edges = Array.from(
    { length: bins + 1 },
    (_, i) => i === bins ? view.max : view.min + (view.max - view.min) * i / bins
  );
  const counts = [];
  let below = 0;
  for (let i = 1; i <= bins; i++) {
    const atOrBelow = i === bins ? view.n : Math.round(view.cdfBelow(edges[i]) * view.n);
    counts.push(atOrBelow - below);
    below = atOrBelow;
  }
  return { edges: edges.map(show), counts };
}
function mergeProfiles(input) {
  const profiles = orderShards(input);
  const [first, ...rest] = profiles;
  if (!first) throw new InputError("no profiles to merge");
  for (const other of rest) {
    if (other.schemaHash !== first.schemaHash) {
      throw new InputError(
        `the profiles were made with different data.schema sections (${first.schemaHash}, ${other.schemaHash})`,
        {
          hint: "profile every shard with the same mlops.yml"
        }
      );
    }
    if (other.dataset !== first.dataset) {
      throw new InputError(`cannot merge profiles of different datasets (${first.dataset} and ${other.dataset})`);
    }
  }
  const merged = structuredClone(first);
  for (const part of rest) {
    const offset = merged.rows;
    const byName = new Map(merged.columns.map((c) => [c.name, c]));
    for (const column of part.columns) {
      const shifted = structuredClone(column);
      shiftTallies(shifted.checks, offset);
      const into = byName.get(column.name);
      if (!into) {
        merged.columns.push(shifted);
        byName.set(column.name, shifted);
        continue;
      }
      const type = widen(into, shifted);
      mergeColumnState(into, shifted);
      into.type = type;
      into.summary = summarize(into);
    }
    const checks = structuredClone(part.checks);
    shiftTallies(checks, offset);
    mergeTallies(merged.checks, checks);
    merged.files.push(...part.files);
    merged.rows += part.rows;
    merged.parts += part.parts;
    merged.notes = [.../* @__PURE__ */ new Set([...merged.notes, ...part.notes])];
  }
  if (profiles.length > 1) {
    merged.notes = [
      .../* @__PURE__ */ new Set([
        ...merged.notes,
        "unique values, unique keys and duplicate rows were checked within each part, not across parts"
      ])
    ];
  }
  for (const column of merged.columns) {
    column.summary = summarize(column);
    if (profiles.length > 1) delete column.deciles;
  }
  merged.shard = null;
  return merged;
}
function orderShards(profiles) {
  const shards = profiles.map((p) => p.shard ?? null);
  if (shards.every((s) => s === null)) return profiles;
  if (shards.some((s) => s === null))
    throw new InputError("some profiles are shards (mlops profile --shard) and some are not");
  const count = shards[0].count;
  const byIndex = /* @__PURE__ */ new Map();
  for (const profile of profiles) {
    const shard = profile.shard;
    if (shard.count !== count)
      throw new InputError(`the shards were cut differently (${shard.index}/${shard.count} and ?/${count})`);
    if (byIndex.has(shard.index)) throw new InputError(`shard ${shard.index}/${count} is there twice`);
    byIndex.set(shard.index, profile);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new InputError(
      `shard(s) ${missing.map((i) => `${i}/${count}`).join(", ")} missing: the merged profile would not be the whole dataset`,
      {
        hint: "download every matrix leg's profile before merging"
      }
    );
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}
function widen(a, b) {
  if (a.type === b.type) return a.type;
  const numeric = /* @__PURE__ */ new Set(["integer", "number"]);
  if (numeric.has(a.type) && numeric.has(b.type)) return "number";
  if (a.kind === "any" || b.kind === "any") return a.kind === "any" ? b.type : a.type;
  throw new InputError(`column "${a.name}" is ${a.type} in one part and ${b.type} in another`, {
    hint: `declare its type in data.schema.columns.${a.name}.type so every shard reads it the same way`
  });
}

// src/data/findings.ts
function findingsOf(profile, schema) {
  const findings = [];
  const dataset = profile.dataset;
  const add = (finding) => void findings.push({ dataset, ...finding });
  const fromTally = (tally, column, rule, severity, message, configPath) => {
    if (!tally || tally.count === 0) return;
    add({
      column,
      rule,
      severity,
      message,
      observed: tally.observed,
      count: tally.count,
      rows: tally.rows,
      configPath
    });
  };
  const columns = schema?.columns ?? {};
  for (const file of profile.files) {
    for (const [name, spec] of Object.entries(columns)) {
      if (spec.required && !file.columns.includes(name)) {
        add({
          column: name,
          rule: "required",
          severity: spec.severity,
          message: `column is missing from ${file.path}`,
          observed: "absent",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "columns", name]
        });
      }
    }
    if (schema && schema.extra_columns !== "allow") {
      for (const name of file.columns) {
        if (name in columns) continue;
        add({
          column: name,
          rule: "extra_columns",
          severity: schema.extra_columns === "error" ? "error" : "warn",
          message: `column is not declared in data.schema.columns (${file.path})`,
          observed: "present",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "extra_columns"]
        });
      }
    }
  }
  fromTally(
    profile.checks.ragged_rows,
    null,
    "ragged_rows",
    "error",
    profile.firstRow === 2 ? "rows with a different number of fields than the header" : "rows with a different number of fields than the columns in data.schema.columns",
    ["data", "train"]
  );
  fromTally(
    profile.checks.extra_fields,
    null,
    "extra_fields",
    "warn",
    "records with keys the file's first record does not have (they are not read)",
    ["data", "train"]
  );
  for (const column of profile.columns)
    findings.push(...columnFindings(dataset, column, columns[column.name], profile));
  if (schema) {
    const duplicates = schema.duplicate_rows;
    if (duplicates !== "allow") {
      const tally = profile.checks.duplicate_rows;
      if (tally) tally.observed = "a repeated row";
      fromTally(tally, null, "duplicate_rows", duplicates, "rows that repeat an earlier row exactly", [
        "data",
        "schema",
        "duplicate_rows"
      ]);
    }
    if (schema.unique_key) {
      fromTally(profile.checks.unique_key, schema.unique_key.join("+"), "unique_key", "error", "repeated key values", [
        "data",
        "schema",
        "unique_key"
      ]);
    }
  }
  findings.push(...rowCountFindings(profile, schema));
  return findings;
}
function rowCountFindings(profile, schema) {
  const found = [];
  const bounds = schema?.rows;
  const add = (rule, message, observed, path3) => void found.push({
    dataset: profile.dataset,
    column: null,
    rule,
    severity: "error",
    message,
    observed: String(observed),
    count: 1,
    rows: [],
    configPath: path3
  });
  const belowMin = bounds?.min !== void 0 && profile.rows < bounds.min;
  if (belowMin) {
    const what = profile.rows === 0 ? "no rows, fewer" : "fewer rows";
    add("rows.min", `${what} than the minimum of ${bounds.min}`, profile.rows, ["data", "schema", "rows", "min"]);
  }
  if (bounds?.max !== void 0 && profile.rows > bounds.max)
    add("rows.max", `more rows than the maximum of ${bounds.max}`, profile.rows, ["data", "schema", "rows", "max"]);
  if (bounds?.min === 0 || belowMin && profile.files.length === 1) return found;
  for (const file of profile.files) {
    if (file.rows > 0) continue;
    const what = profile.firstRow === 2 ? "has a header and no data rows" : "has no data rows";
    const message = `no rows: ${file.path} ${what} (declare rows.min: 0 if that is expected)`;
    add("rows.min", message, 0, ["data", profile.dataset]);
  }
  return found;
}
function columnFindings(dataset, column, spec, profile) {
  const found = [];
  const name = column.name;
  const at = (field) => ["data", "schema", "columns", name, field];
  const severity = spec?.severity ?? "warn";
  const push = (tally, rule, message, path3, level = severity) => {
    if (!tally || tally.count === 0) return;
    found.push({
      dataset,
      column: name,
      rule,
      severity: level,
      message,
      observed: tally.observed,
      count: tally.count,
      rows: tally.rows,
      configPath: path3
    });
  };
  const checks = column.checks;
  if (spec?.type) {
    push(checks.type, "type", `values that are not of type ${spec.type}`, at("type"));
  } else if (column.inferred) {
    push(
      checks.type,
      "type",
      `values that are not ${column.inferred}, the type the first ${profile.sampledRows} rows suggested (mixed types)`,
      spec ? ["data", "schema", "columns", name] : ["data", "schema"],
      "warn"
    );
  }
  push(
    checks.finite,
    "finite",
    "infinite values (inf) in a numeric column; they are left out of the statistics",
    spec ? at("type") : ["data", "schema"],
    spec ? severity : "warn"
  );
  if (!spec) return found;
  push(checks.nullable, "nullable", "empty values in a column that is not nullable", at("nullable"));
  push(checks.min, "min", `values below the minimum ${String(spec.min)}`, at("min"));
  push(checks.max, "max", `values above the maximum ${String(spec.max)}`, at("max"));
  push(
    checks.values,
    "values",
    `values outside the allowed ${(spec.values ?? []).map(String).join(", ")}`,
    at("values")
  );
  push(checks.regex, "regex", `values that do not match /${spec.regex ?? ""}/`, at("regex"));
  push(profile.checks[`unique:${name}`], "unique", "repeated values in a unique column", at("unique"));
  const rows = column.rows;
  if (spec.max_null_fraction !== void 0 && rows > 0 && column.nulls / rows > spec.max_null_fraction) {
    found.push({
      dataset,
      column: name,
      rule: "max_null_fraction",
      severity,
      message: `more empty values than the allowed ${spec.max_null_fraction}`,
      observed: (column.nulls / rows).toFixed(4),
      count: column.nulls,
      rows: [],
      configPath: at("max_null_fraction")
    });
  }
  return found;
}

// src/data/parallel.ts
import { mkdtemp, rm } from "node:fs/promises";
import path2 from "node:path";

// src/data/parallel/merger.ts
import { writeFileSync } from "node:fs";
import path from "node:path";

// src/data/reread.ts
import { readFileSync } from "node:fs";
async function respill(plan, job, writer) {
  const file = plan.files[job.task.file];
  const end = Math.max(...job.columns.map((c) => c.end));
  const columns = job.columns.map(({ column, marks, end: end2 }) => {
    const check = plan.columns[column].uniqueCheck;
    return { field: file.columns.indexOf(plan.columns[column].name), check, keyed: readFileSync(marks), end: end2 };
  });
  const rows = new RowHashes(plan.duplicateCarrier ?? -1, BATCH_RECORDS);
  const visit = {
    finished: false,
    delimited(reader, batch, from, recordBase) {
      const buffer = reader.buffer;
      const { starts, ends, fieldCounts, recordStarts, contentEnds, stride, size } = batch;
      rows.atBatch(recordBase, buffer, recordStarts, contentEnds);
      for (const { field, check, keyed, end: end2 } of columns) {
        for (let i = from; i < size; i++) {
          const record = recordBase + i;
          if (record >= end2) break;
          if ((keyed[record >>> 3] & 1 << (record & 7)) === 0 || field >= fieldCounts[i]) continue;
          const at = i * stride + field;
          hashBytes(buffer, starts[at], ends[at]);
          writer.offset = reader.base + recordStarts[i];
          writer.add(check, hashed.h1, hashed.h2, record, buffer, starts[at], ends[at]);
        }
      }
      this.finished = recordBase + size >= end;
    }
  };
  const previous = writer.rows;
  writer.range = job.task.id;
  writer.rows = rows;
  try {
    await scanDelimited(plan, job.task, visit, { records: 0, firstStart: 0, nextStart: 0 }, false);
  } finally {
    writer.rows = previous;
  }
}
async function readFieldsAt(plan, fileIndex, offset) {
  const file = plan.files[fileIndex];
  const reader = fileReader(file.path, offset);
  try {
    const delimited = new DelimitedReader({
      reader,
      file: file.shown,
      offset,
      delimiter: file.format === "tsv" ? 9 : 44,
      align: false,
      stopAt: Infinity,
      atFileStart: false
    });
    for (; ; ) {
      const got = delimited.next();
      if (got === MORE) {
        await delimited.fill();
        continue;
      }
      if (got !== RECORD) return [];
      const cells = [];
      for (let i = 0; i < delimited.fieldCount; i++) {
        const start = delimited.starts[i];
        const end = delimited.ends[i];
        cells.push(start === end ? null : delimited.buffer.toString("utf8", start, end));
      }
      return cells;
    }
  } finally {
    reader.close();
  }
}

// src/data/parallel/repeat-checks.ts
async function checkRepeats(plan, merged, writer, findAll, checks) {
  const valueOf = async (example, columnsShown) => {
    if (example.text !== null) return example.text;
    const file = merged.rangeFile.get(example.range);
    if (file === void 0 || example.offset === null) return "";
    const cells = await readFieldsAt(plan, file, example.offset);
    const header = plan.files[file].columns;
    return columnsShown.map((name) => String(cells[header.indexOf(name)] ?? null)).join(", ");
  };
  const { jobs, inOrder } = leftOutToSpill(plan, merged);
  for (const job of jobs) await respill(plan, job, writer);
  writer.flush();
  const spilled = [plan.duplicateCheck, plan.keyCheck, ...plan.columns.map((c) => c.uniqueCheck)].filter(
    (c) => c !== null
  );
  const all = await findAll(spilled, merged.rowStart);
  const findingsOf2 = (check) => check === null ? void 0 : all[spilled.indexOf(check)];
  const repeat = async (check, rule, shown) => {
    if (check === null) return;
    const found = check === plan.duplicateCheck ? (
      // Rows with a value in the carrying column were checked with its repeats; the rest on their own.
      mergeRepeatTallies([
        findingsOf2(check)?.repeats ?? null,
        findingsOf2(plan.duplicateCarrier)?.duplicates ?? null
      ])
    ) : findingsOf2(check)?.repeats ?? null;
    if (!found) return;
    const first = found.examples[0];
    const observed = shown === null || !first ? "a repeated row" : capText(await valueOf(first, shown));
    checks[rule] = tallyOf(found, observed);
  };
  await repeat(plan.duplicateCheck, "duplicate_rows", null);
  await repeat(plan.keyCheck, "unique_key", plan.keyColumns);
  for (const column of plan.columns) await repeat(column.uniqueCheck, `unique:${column.name}`, [column.name]);
  return inOrder;
}
function leftOutToSpill(plan, merged) {
  const jobs = /* @__PURE__ */ new Map();
  let inOrder = 0;
  const meets = (a, b, c, d) => !(b < c || d < a);
  plan.columns.forEach((column, c) => {
    if (column.uniqueCheck === null) return;
    const ranges = merged.accepted.filter((r) => r.keyOrders[c] != null);
    for (const range of ranges) {
      const order = range.keyOrders[c];
      if (order.inOrder === 0) continue;
      const apart = ranges.every((other) => {
        const o = other.keyOrders[c];
        if (o.spilled > 0 && meets(order.first, order.last, o.min, o.max)) return false;
        return other === range || o.inOrder === 0 || !meets(order.first, order.last, o.first, o.last);
      });
      if (apart) {
        inOrder += order.inOrder;
        continue;
      }
      const job = jobs.get(range.task.id) ?? { task: range.task, columns: [] };
      job.columns.push({ column: c, marks: merged.keyedFile(range.task.id, c), end: order.inOrderEnd });
      jobs.set(range.task.id, job);
    }
  });
  return { jobs: [...jobs.values()], inOrder };
}

// src/data/parallel/merger.ts
var Merger = class {
  constructor(plan, tasks, local, queue, spillDir) {
    this.plan = plan;
    this.tasks = tasks;
    this.local = local;
    this.queue = queue;
    this.spillDir = spillDir;
    this.columns = plan.columns.map(() => null);
    this.values = plan.columns.map((c) => new HeldParts(c.valuesLimit));
    for (const task of tasks) this.taskById.set(task.id, task);
    this.fileRows = plan.files.map(() => 0);
    this.nextId = tasks.length;
  }
  plan;
  tasks;
  local;
  queue;
  spillDir;
  columns;
  values;
  checks = {};
  fileRows;
  rowStart = /* @__PURE__ */ new Map();
  rangeFile = /* @__PURE__ */ new Map();
  waiting = /* @__PURE__ */ new Map();
  /** Ranges read again: the id of the new reading, by the original's. */
  replaced = /* @__PURE__ */ new Map();
  rows = 0;
  next = 0;
  nextId;
  reread = 0;
  previous = null;
  /** Accepted ranges with the task that read them and, per plan column, how its unique values went (KeyOrder). */
  accepted = [];
  /** Every task by id, ranges read again included. */
  taskById = /* @__PURE__ */ new Map();
  error = null;
  accept(result) {
    this.waiting.set(result.id, result);
    this.drain();
  }
  /** After the threads stopped: reads what is still queued (ranges to read again) here, then reports an error. */
  async done() {
    for (let task = this.queue.shift(); task && this.error === null; task = this.queue.shift()) {
      this.local.range = task.id;
      this.accept(await scanRange(this.plan, task, this.plan.checks > 0 ? this.local : null));
    }
    if (this.error) throw this.error;
  }
  drain() {
    while (this.error === null && this.next < this.tasks.length) {
      const task = this.tasks[this.next];
      const id = this.replaced.get(task.id) ?? task.id;
      const result = this.waiting.get(id);
      if (!result) return;
      this.waiting.delete(id);
      const previous = this.previous;
      if (previous && previous.file === task.file && result.firstStart !== previous.result.nextStart) {
        this.reread++;
        const again = {
          id: this.nextId++,
          file: task.file,
          start: previous.result.nextStart,
          end: task.end,
          align: false
        };
        this.replaced.set(task.id, again.id);
        this.taskById.set(again.id, again);
        this.queue.unshift(again);
        return;
      }
      this.add(result, task.file);
      this.next++;
    }
  }
  add(result, file) {
    const start = this.plan.firstRow + this.rows;
    this.rowStart.set(result.id, start);
    this.rangeFile.set(result.id, file);
    this.previous = { result, file };
    if (result.error) {
      const error = result.error;
      const shown = this.plan.files[file]?.shown ?? "data";
      const where = [
        error.record === null ? null : `row ${start + error.record}`,
        error.byteOffset === null ? null : `byte ${error.byteOffset}`
      ].filter(Boolean).join(", ");
      this.error = new InputError(
        `${shown}: ${error.detail}${where ? ` (${where})` : ""}`,
        error.hint ? { hint: error.hint } : {}
      );
      this.queue.length = 0;
      return;
    }
    this.rows += result.records;
    this.fileRows[file] += result.records;
    result.columns.forEach((state, i) => {
      if (state === null) return;
      for (const tally of Object.values(state.checks)) tally.rows = tally.rows.map((r) => r + start);
      if (this.columns[i] === null) this.columns[i] = state;
      else mergeColumnState(this.columns[i], state, i + 1);
    });
    result.values.forEach((values, i) => this.values[i].addAll(values));
    shiftTallies(result.checks, start);
    mergeTallies(this.checks, result.checks);
    const keyOrders = result.keyOrders.map((order, c) => {
      if (order?.keyed == null) return order;
      writeFileSync(this.keyedFile(result.id, c), order.keyed);
      return { ...order, keyed: null };
    });
    this.accepted.push({ task: this.taskById.get(result.id), keyOrders });
  }
  keyedFile(range, column) {
    return path.join(this.spillDir, `keyed-r${range}-c${column}.bin`);
  }
  /**
   * After done(): the whole-dataset checks (repeat-checks.ts), then the scan's outcome, its held values joined into
   * `heldArrays` when given.
   */
  async finish(findAll, threads, heldArrays) {
    const uniqueInOrder = await checkRepeats(this.plan, this, this.local, findAll, this.checks);
    return {
      rows: this.rows,
      fileRows: this.fileRows,
      columns: this.columns,
      values: this.values.map((held) => held.result(heldArrays)),
      checks: this.checks,
      uniqueInOrder,
      ranges: this.tasks.length,
      reread: this.reread,
      threads
    };
  }
};

// src/data/parallel/worker-pool.ts
var WorkerPool = class {
  workers;
  constructor(threads, setup) {
    this.workers = Array.from({ length: threads }, (_, writer) => startWorker({ ...setup, writer }));
  }
  get size() {
    return this.workers.length;
  }
  /**
   * Points the workers at another pass (a pool kept for several datasets, as the monitor's windows are): messages
   * arrive in order, so the next task is read under the new plan.
   */
  prepare(setup) {
    this.workers.forEach((worker, writer) => worker.postMessage({ type: "setup", setup: { ...setup, writer } }));
  }
  /** Sends `first` to a worker and resolves with the first reply that `done` accepts. */
  ask(worker, first, done, next) {
    return new Promise((resolve, reject) => {
      const onMessage = (reply) => {
        if (reply.type === "failed") return finish(() => reject(new Error(`a scan worker failed: ${reply.message}`)));
        const value = done(reply);
        if (value !== void 0) return finish(() => resolve(value));
        const follow = next?.(reply);
        if (follow !== void 0) worker.postMessage(follow);
      };
      const onError = (error) => finish(() => reject(error));
      const onExit = (code) => finish(() => reject(new Error(`a scan worker exited with code ${code}`)));
      const finish = (then) => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        then();
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(first);
    });
  }
  /** Hands out ranges from the shared queue (which this thread also takes from) until it is empty. */
  async run(queue, accept) {
    const nextMessage = () => {
      const task = queue.shift();
      return task ? { type: "task", task } : { type: "close" };
    };
    await Promise.all(
      this.workers.map(
        (worker) => this.ask(
          worker,
          nextMessage(),
          (reply) => reply.type === "closed" ? true : void 0,
          (reply) => {
            if (reply.type !== "result") return void 0;
            accept(reply.result);
            return nextMessage();
          }
        )
      )
    );
  }
  /** The repeat checks, the spill partitions shared between the workers and this thread. */
  async repeats(checks, rowStart, partitionBits, spillDir) {
    if (checks.length === 0) return [];
    const shares = this.workers.length + 1;
    const partitions = Array.from({ length: 2 ** partitionBits }, (_, i) => i);
    const share = (w) => partitions.filter((p) => p % shares === w);
    const asked = Promise.all(
      this.workers.map(
        (worker, w) => this.ask(
          worker,
          { type: "repeats", checks, partitions: share(w), rowStart: [...rowStart] },
          (reply) => reply.type === "repeats" ? reply.found : void 0
        )
      )
    );
    const mine = checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart, share(shares - 1)));
    const found = [...await asked, mine];
    return checks.map((_, i) => mergeCheckFindings(found.map((f) => f[i])));
  }
  async terminate() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
};
var WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
function startWorker(setup) {
  return startWorkerThread(
    { name: "scan-worker", source: new URL("../scan-worker.ts", import.meta.url), caller: import.meta.url },
    { workerData: setup, resourceLimits: WORKER_LIMITS }
  );
}

// src/data/ranges.ts
function rangeBytesFor(totalBytes, workers) {
  return Math.min(512 << 20, Math.max(8 << 20, Math.ceil(totalBytes / (2 * Math.max(1, workers)))));
}
function planRanges(plan, target) {
  const tasks = [];
  plan.files.forEach((file, index) => {
    if (file.gzip || file.format === "jsonl" || file.format === "parquet" || file.bytes <= target) {
      tasks.push({ id: tasks.length, file: index, start: 0, end: Infinity, align: false });
      return;
    }
    const pieces = Math.ceil(file.bytes / target);
    for (let i = 0; i < pieces; i++) {
      const start = Math.floor(file.bytes * i / pieces);
      const end = i === pieces - 1 ? Infinity : Math.floor(file.bytes * (i + 1) / pieces);
      tasks.push({ id: tasks.length, file: index, start, end, align: i > 0 });
    }
  });
  return tasks;
}
function threadsFor(workers, ranges, totalBytes, parallelFrom = 16 << 20) {
  return workers > 1 && ranges > 1 && totalBytes >= parallelFrom ? Math.min(workers, ranges) : 1;
}

// src/data/parallel.ts
var ScanThreads = class {
  constructor(count) {
    this.count = count;
  }
  count;
  pool = null;
  /** The pool, started the first time, set up for a pass. */
  for(setup) {
    if (this.pool) this.pool.prepare(setup);
    else this.pool = new WorkerPool(this.count, setup);
    return this.pool;
  }
  async close() {
    const pool = this.pool;
    this.pool = null;
    await pool?.terminate();
  }
};
async function scanDataset(plan, options) {
  const totalBytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  const tasks = planRanges(plan, options.rangeBytes ?? rangeBytesFor(totalBytes, options.workers));
  const shared = options.threads;
  const readHere = shared ? options.readHere === true : (options.readHere ?? true) || tasks.length < 2;
  const threads = shared ? shared.count + (readHere ? 1 : 0) : readHere ? threadsFor(options.workers, tasks.length, totalBytes, options.parallelFrom) : Math.max(1, Math.min(options.workers - 1, tasks.length));
  const partitionBits = partitionBitsFor(totalBytes);
  const spillDir = await mkdtemp(path2.join(options.tempDir, "scan-"));
  const helpers = readHere ? threads - 1 : threads;
  const setup = { plan, spillDir, partitionBits };
  const pool = shared ? shared.for(setup) : helpers > 0 ? new WorkerPool(helpers, setup) : null;
  try {
    const local = new RepeatWriter(spillDir, threads, partitionBits);
    const queue = [...tasks];
    const merger = new Merger(plan, tasks, local, queue, spillDir);
    const accept = (result) => merger.accept(result);
    const reading = Promise.all([
      pool?.run(queue, accept),
      readHere ? runHere(plan, queue, local, accept, pool !== null) : void 0
    ]);
    options.onReading?.();
    await reading;
    await merger.done();
    local.flush();
    const repeats = pool ? (checks, rowStart) => pool.repeats(checks, rowStart, partitionBits, spillDir) : (checks, rowStart) => Promise.resolve(checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart)));
    return await merger.finish(repeats, threads, options.heldArrays);
  } finally {
    if (!shared) await pool?.terminate();
    await rm(spillDir, { recursive: true, force: true });
  }
}
async function runHere(plan, queue, repeats, accept, beside) {
  for (let task = queue.shift(); task; task = queue.shift()) {
    repeats.range = task.id;
    accept(await scanRange(plan, task, plan.checks > 0 ? repeats : null, beside));
  }
}

// src/data/plan.ts
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
function schemaHash(schema) {
  return createHash("sha256").update(JSON.stringify(schema ?? null)).digest("hex").slice(0, 16);
}
async function planDataset(dataset, files, reading, schema, heldValuesBudget = 0, hints = {}) {
  const dataFiles = [];
  const sample = hints.sample ?? new TypeSample();
  for (const file of files) {
    const fileFormat = formatOf(file.path, reading.format);
    const delimited = fileFormat === "csv" || fileFormat === "tsv";
    if (!reading.header && !delimited) {
      throw new InputError(
        `data.header: false does not apply to ${file.shown}: ${fileFormat === "jsonl" ? "JSON Lines" : "Parquet"} files name their columns themselves`,
        { hint: "remove data.header, or list only CSV and TSV files in this dataset" }
      );
    }
    const table = await openTable(file.path, fileFormat, {
      displayName: file.shown,
      ...reading.header ? {} : { columns: Object.keys(schema?.columns ?? {}) }
    });
    const entry = {
      path: file.path,
      shown: file.shown,
      format: fileFormat,
      gzip: isGzip(file.path),
      // A regular file (openTable refused anything else): its size cuts byte ranges, and the last range reads to the
      // end, whatever the size has become by then.
      bytes: statSync(file.path).size,
      columns: table.columns,
      header: delimited && reading.header
    };
    dataFiles.push(entry);
    if (table.spans && !hints.sample && sample.rows < SAMPLE_ROWS) {
      const at = table.columns.map((_, i) => i);
      await table.spans((record) => {
        sample.addSpans(table.columns, at, record.buffer, record.starts, record.ends, record.fieldCount);
        return sample.rows < SAMPLE_ROWS;
      });
      continue;
    }
    if (hints.sample || sample.rows >= SAMPLE_ROWS) {
      table.close();
      continue;
    }
    const iterator = table.rows[Symbol.asyncIterator]();
    try {
      while (sample.rows < SAMPLE_ROWS) {
        const next = await iterator.next();
        if (next.done) break;
        sample.add(table.columns, next.value.cells);
      }
    } catch (error) {
      throw explainReadError(error, file.shown, (record) => record + (entry.header ? 1 : 0));
    } finally {
      await iterator.return?.();
    }
  }
  const names = [];
  for (const file of dataFiles) for (const column of file.columns) if (!names.includes(column)) names.push(column);
  let checks = 0;
  const duplicateRows = schema?.duplicate_rows ?? "allow";
  const duplicateCheck = duplicateRows === "allow" ? null : checks++;
  const keyCheck = schema?.unique_key ? checks++ : null;
  const columns = names.map((name) => {
    const spec = schema?.columns[name];
    const declared = spec?.type ?? null;
    const inferred = sample.inferred(name);
    const type = declared ?? inferred;
    return {
      name,
      declared,
      inferred,
      kind: kindOf(type),
      severity: spec?.severity ?? "error",
      rules: spec ? rulesOf(spec, declared) : null,
      uniqueCheck: spec?.unique ? checks++ : null,
      valuesLimit: 0
    };
  });
  const numeric = columns.filter((c) => c.kind === "numeric" || c.kind === "datetime" || c.kind === "any");
  const limit = heldValuesLimit(heldValuesBudget, numeric.length);
  for (const column of numeric) if (!hints.holdOnly || hints.holdOnly.has(column.name)) column.valuesLimit = limit;
  return {
    dataset,
    files: dataFiles,
    columns,
    firstRow: dataFiles[0]?.header ? 2 : 1,
    duplicateCheck,
    duplicateCarrier: duplicateCheck === null ? null : columns.find((c) => c.uniqueCheck !== null)?.uniqueCheck ?? null,
    duplicateSeverity: duplicateRows === "error" ? "error" : "warn",
    keyCheck,
    keyColumns: schema?.unique_key ?? [],
    checks,
    sampledRows: sample.rows,
    schemaHash: schemaHash(schema)
  };
}
function kindOf(type) {
  switch (type) {
    case "integer":
    case "number":
      return "numeric";
    case "datetime":
      return "datetime";
    case "boolean":
      return "boolean";
    case "string":
    case "category":
      return "text";
    case null:
      return "any";
  }
}
function rulesOf(spec, declared) {
  const bound = (value) => {
    if (value === void 0) return null;
    if (typeof value === "number") return value;
    const bytes = Buffer.from(value);
    if (declared === "datetime" && parseDatetime(bytes, 0, bytes.length)) return parsed.value;
    return parseNumber(bytes, 0, bytes.length) ? parsed.value : null;
  };
  return {
    nullable: spec.nullable,
    min: bound(spec.min),
    max: bound(spec.max),
    allowed: spec.values ? spec.values.map((v) => keyOf(String(v))) : null,
    regex: spec.regex ?? null,
    unique: spec.unique
  };
}

export {
  PROFILE_FORMAT,
  buildProfile,
  mergeProfiles,
  findingsOf,
  ScanThreads,
  scanDataset,
  planDataset
};
