import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  WINDOW_RESULT_FORMAT,
  arrivalDateOf,
  earlierWindows,
  emptyWindow,
  historyWindows,
  joinLabels,
  judgeWindows,
  labelFiles,
  labelFilesFor,
  logEntry,
  measureWindow,
  packMarks,
  requireLabelFiles,
  unmatchedLabels,
  unpackMarks
} from "./chunk-AWWEC64S.js";
import {
  liveSchema,
  logLayout
} from "./chunk-LFMJASVH.js";
import {
  profileSources,
  readProfileFile
} from "./chunk-QJXKZEE6.js";
import {
  ScanThreads
} from "./chunk-CY6NSRLG.js";
import {
  HELD_VALUES_BUDGET,
  HeldArrays
} from "./chunk-D4GGIWCT.js";
import {
  cellColumns,
  isBlankLog,
  logColumns,
  openCellFiles,
  openLogRows,
  spoolLogs,
  spoolOnThreads
} from "./chunk-4ZTHIXX4.js";
import {
  ByteStrings,
  SKIPPED_EXAMPLES,
  cellOf,
  interned,
  isoUtc,
  labelCompleteness,
  windowOf,
  windowsForLabelArrival
} from "./chunk-IYKSYI5H.js";
import {
  predictionColumns,
  resolvePositiveLabel
} from "./chunk-QFBHIOL6.js";
import {
  fetchSources,
  listSources,
  shardOf
} from "./chunk-LGIA7PQF.js";
import {
  formatOf
} from "./chunk-3EFEPTIF.js";
import {
  parseNumber,
  parsed,
  utf8
} from "./chunk-Z7WWPMG5.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import {
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  DriftConfig,
  durationMs
} from "./chunk-35MZIMAV.js";
import {
  monitorMetrics
} from "./chunk-TEWQFG7M.js";
import {
  readJsonLimited
} from "./chunk-5AQJPSN5.js";
import {
  _gte,
  array,
  base64,
  int,
  iso_exports,
  literal,
  looseObject,
  nullable,
  number,
  object,
  record,
  string
} from "./chunk-MOKAEFJD.js";
import {
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/monitor/run.ts
import { mkdir as mkdir2, mkdtemp, rm as rm2, writeFile } from "node:fs/promises";
import path3 from "node:path";

// src/monitor/compute.ts
import { stat } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";

// src/monitor/plan.ts
function planMonitorRun(input) {
  const current = new Map(input.logs.map((file) => [file.shown, file.stamp]));
  const known = /* @__PURE__ */ new Set();
  for (const window of input.earlier) for (const file of window.sources) known.add(key(file));
  const fresh = input.recompute ? [...input.logs] : input.logs.filter((file) => !known.has(key(file)));
  const stale = /* @__PURE__ */ new Map();
  const unchanged = [];
  for (const earlier of input.earlier) {
    const window = windowOf(earlier.start, input.size);
    const why = input.recompute ? "--recompute" : staleness(earlier, window, current, input);
    if (why === null) {
      unchanged.push(earlier.key);
      continue;
    }
    const files = earlier.sources.filter((file) => current.get(file.shown) === file.stamp);
    stale.set(earlier.key, { window, files, why });
  }
  return { fresh, stale, unchanged };
}
function staleness(earlier, window, current, input) {
  const gone = earlier.sources.find((file) => current.get(file.shown) !== file.stamp);
  if (gone) return current.has(gone.shown) ? `${gone.shown} changed` : `${gone.shown} is gone`;
  if (!input.labelsFor || earlier.sources.length === 0) return null;
  if (!earlier.labels) return "labels are configured now";
  const now = input.labelsFor(window);
  if (now.length !== earlier.labels.files.length || now.some((file, i) => key(file) !== key(earlier.labels?.files[i] ?? file)))
    return "its label files changed";
  return !earlier.labels.complete && input.labelsComplete(window) ? "its labels became complete" : null;
}
var key = (file) => `${file.shown}\0${file.stamp}`;
var logDateOf = arrivalDateOf;
var DAY = 864e5;
function plannedWindows(plan, size) {
  const windows = /* @__PURE__ */ new Map();
  for (const file of plan.fresh) {
    const day = logDateOf(file.shown);
    if (day === void 0) return void 0;
    for (let at = windowOf(day, size).start; at < day + DAY; at = windowOf(at, size).end) {
      const window = windowOf(at, size);
      windows.set(window.key, window);
    }
  }
  for (const { window } of plan.stale.values()) windows.set(window.key, window);
  return [...windows.values()].sort((a, b) => a.start - b.start);
}
function freshFilesFor(plan, windows) {
  return plan.fresh.filter((file) => {
    const day = logDateOf(file.shown) ?? 0;
    return windows.some((window) => day < window.end + DAY && day + DAY > window.start - DAY);
  });
}
function settledLabelFiles(files, computed, earlier, size, delayMs, now) {
  const settled = /* @__PURE__ */ new Set();
  for (const shown of files) {
    const arrival = arrivalDateOf(shown);
    if (arrival === void 0) continue;
    let covered = true;
    const first = windowsForLabelArrival(arrival, size, delayMs).first;
    const last = windowsForLabelArrival(arrival + DAY - 1, size, delayMs).last;
    for (let at = first.start; at <= last.start; at = windowOf(at, size).end) {
      const window = windowOf(at, size);
      if (earlier.has(window.key) && !computed.has(window.key) || window.end > now) covered = false;
    }
    if (covered) settled.add(shown);
  }
  return settled;
}

// src/monitor/references.ts
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
async function trainingReference(registry, manifest, scratch) {
  const file = path.join(scratch, "reference-profile.json");
  await mkdir(scratch, { recursive: true });
  try {
    if (!await registry.pullAttachment(manifest, "profile", file)) {
      return {
        none: `no feature drift: ${manifest.model} ${manifest.version} was published without a training-data profile; a publish after \`mlops validate\` with data.train configured stores it`
      };
    }
    const name = `the training data of ${manifest.version}`;
    return { profile: await readProfileFile(file, name, "publish stores it with the model"), name };
  } finally {
    await rm(file, { force: true });
  }
}
async function predictionReference(registry, manifest, config, layout, columns, root, options) {
  const stored = config.evaluate?.predictions;
  const missing = `no prediction drift: ${manifest.model} ${manifest.version} was published without its evaluation predictions; a publish after \`mlops evaluate\` with evaluate.predictions configured stores them`;
  if (!stored) return { none: missing };
  const names = predictionColumns(stored);
  const file = path.join(options.tempDir, `reference-predictions${path.extname(names.path) || ".csv"}`);
  await mkdir(options.tempDir, { recursive: true });
  try {
    if (!await registry.pullAttachment(manifest, "predictions", file)) return { none: missing };
    const rename = /* @__PURE__ */ new Map([[layout.prediction, names.prediction]]);
    if (layout.score !== void 0 && names.score !== void 0) rename.set(layout.score, names.score);
    if (layout.scorePrefix !== void 0 && names.scorePrefix !== void 0) {
      for (const column of columns.probabilities) {
        rename.set(column, `${names.scorePrefix}${column.slice(layout.scorePrefix.length)}`);
      }
    }
    const profiled = await profileSources(
      "predictions",
      [{ kind: "local", path: file, shown: `the evaluation predictions of ${manifest.version}` }],
      { train: file, format: "auto", header: true },
      root,
      options,
      options.tempDir,
      HELD_VALUES_BUDGET
    );
    return { ...profiled, name: `the evaluation predictions of ${manifest.version}`, rename };
  } finally {
    await rm(file, { force: true });
  }
}
function knownClasses(reference, target) {
  if ("none" in reference || target === void 0) return [];
  return reference.profile.columns.find((column) => column.name === target)?.summary.top.map((t) => t.value) ?? [];
}

// src/monitor/spool-notes.ts
function openWindowNotes(spool, now, size) {
  const rows = spool.files.reduce((sum, file) => sum + file.open, 0);
  if (rows === 0) return [];
  const open = windowOf(now, size);
  return [
    `${rows} row(s) of window ${open.key}, open until ${isoUtc(open.end)}, wait for the first run after it ends: a window is measured and judged only once it has ended`
  ];
}
function blankNotes(blank) {
  if (blank.length === 0) return [];
  const named2 = blank.length <= 5 ? blank.join(", ") : `${blank.slice(0, 5).join(", ")} and ${blank.length - 5} more`;
  return [
    `${named2} ${blank.length === 1 ? "is" : "are"} empty and read as 0 rows (a file the serving process has just started); a rows rule catches an outage`
  ];
}
function refuseTimeBeforeRows(spool, now) {
  const rows = spool.files.reduce((sum, file) => sum + file.rows, 0);
  const open = spool.files.reduce((sum, file) => sum + file.open, 0);
  if (spool.windows.size > 0 || open > 0 || spool.future.count === 0) return;
  if (spool.future.count + spool.unparseable.count < rows) return;
  throw new UsageError(
    `the run's time, ${isoUtc(now)}, is before every logged row: all ${spool.future.count} row(s) read are stamped after it`,
    {
      hint: "give --now the time the run stands for (leave it out for the clock); rows after it are left for later runs"
    }
  );
}

// src/monitor/log-features.ts
function trainingFeatures(profile, layout, config) {
  const predictions = config.evaluate?.predictions;
  const rowId = typeof predictions === "object" ? predictions.id : void 0;
  const mapped = new Set(
    [layout.timestamp, layout.prediction, layout.score, layout.id, layout.latency, config.data?.target, rowId].filter(
      (column) => column !== void 0
    )
  );
  const prefix = layout.scorePrefix;
  return profile.columns.map((column) => column.name).filter((name) => !mapped.has(name) && (prefix === void 0 || !name.startsWith(prefix)));
}
async function requireTrainingFeatures(expected, features, files, format) {
  const missing = expected.filter((name) => !features.includes(name));
  if (missing.length === 0) return;
  const lacking = new Map(missing.map((name) => [name, []]));
  let read = 0;
  for (const file of files) {
    if (await isBlankLog(file)) continue;
    read++;
    const rows = await openLogRows(file, formatOf(file.path, format));
    const columns = new Set(rows.columns);
    rows.close();
    for (const [name, without2] of lacking) if (!columns.has(name)) without2.push(file.shown);
  }
  const [column, without = []] = [...lacking].find(([, files2]) => files2.length > 0) ?? [];
  if (column === void 0) return;
  const others = missing.filter((name) => name !== column);
  const also = others.length > 0 ? ` (nor ${others.map((name) => `"${name}"`).join(", ")})` : "";
  const message = without.length === read ? `no log file has a "${column}" column${also}, a feature of the monitored version's training data (${named(without)})` : `${named(without)} ${without.length === 1 ? "has" : "have"} no "${column}" column${also}, a feature of the monitored version's training data that other log files have`;
  throw new InputError(message, {
    hint: "log every feature the model reads, named as in the training data, so drift is measured on all of them; or list the features to monitor in monitor.logs.features"
  });
}
function named(files) {
  return files.length <= 5 ? files.join(", ") : `${files.slice(0, 5).join(", ")} and ${files.length - 5} more`;
}

// src/monitor/leg-reach.ts
function refuseFarRows(spool, size) {
  for (const file of spool.files) {
    const day = arrivalDateOf(file.shown);
    if (day === void 0) continue;
    const near = /* @__PURE__ */ new Set();
    for (let at = windowOf(day - DAY2, size).start; at < day + 2 * DAY2; at = windowOf(at, size).end) {
      near.add(windowOf(at, size).key);
    }
    const far = file.windows.find((key2) => !near.has(key2));
    if (far !== void 0) {
      throw new InputError(`${file.shown} has rows in window ${far}, more than a day from the date its path names`, {
        hint: "run `mlops monitor --recompute` as one job, or write each row to the file of its own date"
      });
    }
  }
}
var DAY2 = 864e5;
function ownsDayOf(shown, owned, size) {
  const day = arrivalDateOf(shown);
  return day !== void 0 && owned.has(windowOf(day, size).key);
}

// src/monitor/row-ids.ts
var RowIds = class {
  bytes = Buffer.allocUnsafe(1 << 16);
  used = 0;
  /** Per row: where its id ends in `bytes` (it starts where the row before ends). */
  ends;
  count = 0;
  /** Slots of row + 1 of the first row with each id (0: free), by hash; built by the first lookup. */
  table = null;
  /**
   * A bit per id's hash, four bits a slot (at least eight an id): a Bloom filter of one hash, a few hundred kilobytes,
   * that turns most ids no row has away before the table (megabytes, a cache miss a probe) is read. A window's join
   * looks up the labels of the days around it, which miss as often as they match: a 10M-row run spent a fifth of its
   * measuring thread's time here (index and lookups of a 333k-row window: 217 ms, with the filter 132).
   */
  filter = new Uint32Array(0);
  /** Which bit of the filter a hash sets: the top bits of its product with the golden ratio. */
  filterShift = 0;
  /** Per row: row + 1 of the next row with the same id (0: none). */
  later = null;
  repeated = 0;
  /** `rows`: how many ids are coming, when known (a window's rows), so the row index is not grown by doubling. */
  constructor(rows = 0) {
    this.ends = new Int32Array(Math.max(1024, rows));
  }
  /** Adds the next row's id, bytes[start, end). */
  add(source, start, end) {
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count === this.ends.length) {
      const grown = new Int32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    for (let i = start; i < end; i++) this.bytes[this.used++] = source[i];
    this.ends[this.count++] = this.used;
    this.table = null;
  }
  /** Adds an id given as text. */
  addText(id) {
    const bytes = Buffer.from(id);
    this.add(bytes, 0, bytes.length);
  }
  /** Row `row`'s id ("" when empty). */
  text(row) {
    return utf8(this.bytes, row === 0 ? 0 : this.ends[row - 1], this.ends[row]);
  }
  /** Rows whose id an earlier row had (empty ids aside). */
  get duplicates() {
    this.index();
    return this.repeated;
  }
  /** The row with the id bytes[start, end), or its rows in order when it was logged more than once. */
  rowsOf(source, start, end) {
    const table = this.index();
    const first = this.find(table, source, start, end);
    if (first < 0) return void 0;
    const later = this.later;
    if (later[first] === 0) return first;
    const rows = [first];
    for (let row = later[first] - 1; row >= 0; row = later[row] - 1) rows.push(row);
    return rows;
  }
  index() {
    if (this.table) return this.table;
    let size = 1024;
    while (size < this.count * 2) size *= 2;
    const table = new Int32Array(size);
    const filter = new Uint32Array(size >> 3);
    const shift = Math.clz32((size << 2) - 1);
    const later = new Int32Array(this.count);
    const last = new Int32Array(this.count);
    this.repeated = 0;
    const mask = size - 1;
    for (let row = 0; row < this.count; row++) {
      const start = row === 0 ? 0 : this.ends[row - 1];
      const end = this.ends[row];
      if (start === end) continue;
      const hash = hashOf(this.bytes, start, end);
      const bit = Math.imul(hash, GOLDEN) >>> shift;
      filter[bit >>> 5] |= 1 << (bit & 31);
      let slot = hash & mask;
      for (; ; ) {
        const held = table[slot];
        if (held === 0) {
          table[slot] = row + 1;
          last[row] = row;
          break;
        }
        if (this.equal(held - 1, this.bytes, start, end)) {
          this.repeated++;
          later[last[held - 1]] = row + 1;
          last[held - 1] = row;
          break;
        }
        slot = slot + 1 & mask;
      }
    }
    this.table = table;
    this.filter = filter;
    this.filterShift = shift;
    this.later = later;
    return table;
  }
  find(table, source, start, end) {
    if (start === end) return -1;
    const mask = table.length - 1;
    const hash = hashOf(source, start, end);
    const bit = Math.imul(hash, GOLDEN) >>> this.filterShift;
    if (((this.filter[bit >>> 5] ?? 0) & 1 << (bit & 31)) === 0) return -1;
    for (let slot = hash & mask; ; slot = slot + 1 & mask) {
      const held = table[slot];
      if (held === 0) return -1;
      if (this.equal(held - 1, source, start, end)) return held - 1;
    }
  }
  equal(row, source, start, end) {
    const from = row === 0 ? 0 : this.ends[row - 1];
    if (this.ends[row] - from !== end - start) return false;
    const bytes = this.bytes;
    for (let i = 0; i < end - start; i++) if (bytes[from + i] !== source[start + i]) return false;
    return true;
  }
};
var GOLDEN = 2654435761;
function hashOf(bytes, start, end) {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}

// src/monitor/window-rows.ts
async function readWindowRows(window, columns, layout) {
  const cellNames = cellColumns(layout, columns.probabilities);
  const file = await openCellFiles(window.cells, cellNames.length);
  const reader = file.spans;
  const at = (column) => column === void 0 ? -1 : cellNames.indexOf(column);
  const predictionAt = at(layout.prediction);
  const scoreAt = at(layout.score);
  const probabilityAts = columns.probabilities.map((c) => at(c));
  const idAt = at(layout.id);
  const latencyAt = at(layout.latency);
  const sliceAts = layout.slices.map((c) => [c, at(c)]);
  const predictions = [];
  const doubles = () => new RowDoubles(window.rows);
  const scores = scoreAt >= 0 ? doubles() : null;
  const probabilities = probabilityAts.map(doubles);
  const ids = idAt >= 0 ? new RowIds(window.rows) : null;
  const latencies = latencyAt >= 0 ? doubles() : null;
  let invalidLatency = 0;
  const slices = new Map(layout.slices.map((c) => [c, []]));
  const labels = /* @__PURE__ */ new Map();
  const classes = new ByteStrings(labels);
  try {
    while (await file.more()) {
      while (file.next()) {
        predictions.push(classes.of(reader, predictionAt));
        if (scores) scores.add(probability(reader, scoreAt));
        for (let c = 0; c < probabilityAts.length; c++)
          probabilities[c]?.add(probability(reader, probabilityAts[c] ?? -1));
        if (ids) {
          if (idAt < reader.fieldCount) ids.add(reader.buffer, reader.starts[idAt], reader.ends[idAt]);
          else ids.add(reader.buffer, 0, 0);
        }
        if (latencies) {
          const value = numberAt(reader, latencyAt);
          if (Number.isFinite(value) && value >= 0) latencies.add(value);
          else invalidLatency++;
        }
        for (const [column, index] of sliceAts)
          slices.get(column)?.push(interned(labels, cellOf(reader, index) ?? "(empty)"));
      }
    }
  } finally {
    await file.close();
  }
  const joined = (values) => values.result();
  return windowRows({
    predictions,
    scores: scores ? joined(scores) : null,
    probabilities: layout.scorePrefix === void 0 ? null : {
      classes: columns.probabilities.map((c) => c.slice(layout.scorePrefix?.length ?? 0)),
      columns: probabilities.map(joined)
    },
    ids,
    latency: latencies ? { values: joined(latencies), invalid: invalidLatency } : null,
    slices
  });
}
var RowDoubles = class {
  values;
  count = 0;
  constructor(rows) {
    this.values = new Float64Array(rows);
  }
  add(value) {
    if (this.count === this.values.length) {
      const grown = new Float64Array(Math.max(1024, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }
  /** The values added, in order (a view when fewer came than there is room for: latencies left out as invalid). */
  result() {
    return this.count === this.values.length ? this.values : this.values.subarray(0, this.count);
  }
};
function numberAt(reader, index) {
  if (index >= 0 && index < reader.fieldCount) {
    const start = reader.starts[index];
    const end = reader.ends[index];
    if (start < end && parseNumber(reader.buffer, start, end) && Number.isFinite(parsed.value)) return parsed.value;
  }
  return Number(cellOf(reader, index) ?? Number.NaN);
}
function probability(reader, index) {
  if (index >= 0 && index < reader.fieldCount) {
    const start = reader.starts[index];
    const end = reader.ends[index];
    if (start < end && parseNumber(reader.buffer, start, end) && Number.isFinite(parsed.value))
      return parsed.value >= 0 && parsed.value <= 1 ? parsed.value : Number.NaN;
  }
  const cell = cellOf(reader, index);
  if (cell === null || cell.trim() === "") return Number.NaN;
  const value = Number(cell);
  return value >= 0 && value <= 1 ? value : Number.NaN;
}
function windowRows(parts) {
  let ids;
  let rowIds = typeof parts.ids === "function" ? void 0 : parts.ids;
  const idsOf = () => rowIds ??= typeof parts.ids === "function" ? parts.ids() : parts.ids;
  const rows = {
    predictions: parts.predictions,
    scores: parts.scores,
    probabilities: parts.probabilities,
    latency: parts.latency,
    slices: parts.slices,
    count: parts.predictions.length,
    get rowIds() {
      return idsOf();
    },
    get ids() {
      const index = idsOf();
      ids ??= index ? Array.from({ length: index.count }, (_, i) => index.text(i)) : null;
      return ids;
    },
    get duplicateIds() {
      return idsOf()?.duplicates ?? 0;
    },
    pick: (indices) => {
      const take = (values) => {
        const out = new Float64Array(indices.length);
        for (let k = 0; k < indices.length; k++) out[k] = values[indices[k]] ?? Number.NaN;
        return out;
      };
      const picked = () => {
        const index = idsOf();
        if (!index) return null;
        const out = new RowIds();
        for (const i of indices) out.addText(i < index.count ? index.text(i) : "");
        return out;
      };
      return windowRows({
        predictions: indices.map((i) => parts.predictions[i] ?? ""),
        scores: parts.scores ? take(parts.scores) : null,
        probabilities: parts.probabilities ? { classes: parts.probabilities.classes, columns: parts.probabilities.columns.map(take) } : null,
        ids: parts.ids === null ? null : picked,
        latency: null,
        slices: new Map([...parts.slices].map(([column, values]) => [column, indices.map((i) => values[i] ?? "")]))
      });
    },
    cbpeScores: (positive, classes) => cbpeScores(rows, positive, classes)
  };
  return rows;
}
function cbpeScores(rows, configured, known) {
  if (rows.probabilities) {
    const invalid2 = countInvalid(rows.probabilities.columns);
    if (invalid2 > 0) return { none: `${invalid2} row(s) have a class probability that is empty or not in [0, 1]` };
    return { scores: { kind: "multiclass", probabilities: rows.probabilities } };
  }
  if (!rows.scores) return { none: "the log has no scores (monitor.logs.score or score_prefix)" };
  const invalid = countInvalid([rows.scores]);
  if (invalid > 0) return { none: `${invalid} row(s) have a score that is empty or not in [0, 1]` };
  const classes = [.../* @__PURE__ */ new Set([...known, ...rows.predictions])];
  const positive = resolvePositiveLabel(configured, classes);
  if (positive === void 0) {
    return { none: `the positive class is unknown among ${classes.join(", ")}: set model.positive_label` };
  }
  const negatives = classes.filter((c) => c !== positive);
  if (negatives.length !== 1) {
    return {
      none: negatives.length === 0 ? "every row is predicted positive and the training data names no other class" : `a score column is for two classes, and the predictions have ${classes.length}: use score_prefix`
    };
  }
  return { scores: { kind: "binary", positive, negative: negatives[0] ?? "", scores: rows.scores } };
}
function countInvalid(columns) {
  let invalid = 0;
  for (const column of columns) for (const value of column) if (Number.isNaN(value)) invalid++;
  return invalid;
}

// src/monitor/compute.ts
async function computeWindows(input) {
  const { monitor, root, now } = input;
  const size = monitor.window;
  const logs = await stamped(await listSources(monitor.logs.path, root, input.store));
  const labels = monitor.labels;
  const delay = labels ? durationMs(labels.delay) : 0;
  const labelSources = labels ? await stamped(await listSources(labels.path, root, input.store, { allowEmpty: true })) : [];
  const dated = labelFiles(labelSources.map((file) => file.shown)).map((file, i) => ({
    ...file,
    stamp: labelSources[i]?.stamp ?? "",
    entry: labelSources[i]?.entry
  }));
  const labelsFor = (window) => labelFilesFor(window, dated, delay).map(({ shown, stamp }) => ({ shown, stamp }));
  const plan = planMonitorRun({
    logs,
    earlier: input.earlier,
    size,
    labelsFor: labels ? labelsFor : null,
    labelsComplete: (window) => labelCompleteness(window, delay, now).complete,
    recompute: input.recompute
  });
  const requireLabels = (windows2) => {
    if (labels) requireLabelFiles(labelSources.length, labels.path, windows2, delay, now);
  };
  requireLabels(input.earlier.filter((w) => w.sources.length > 0).map((w) => windowOf(w.start, size)));
  let owned = null;
  let fresh = plan.fresh;
  if (input.shard) {
    const planned = plannedWindows(plan, size);
    if (!planned) {
      throw new UsageError("--shard needs prediction logs whose paths name their date (logs/2026-03-28.jsonl)", {
        hint: "partition the logs by date (monitor.logs.path), or run the monitor as one job (monitor.shards: 1)"
      });
    }
    const mine = shardOf(planned, input.shard.index, input.shard.count);
    owned = new Set(mine.map((window) => window.key));
    fresh = freshFilesFor(plan, mine);
  }
  const keepOwned = owned ? (window) => owned.has(window.key) : void 0;
  if (fresh.length === 0 && ![...plan.stale.keys()].some((key2) => !owned || owned.has(key2))) {
    const none = { count: 0, examples: [] };
    return {
      windows: [],
      unchanged: plan.unchanged,
      skippedRows: { unparseable: none, future: none },
      unmatchedLabels: { count: 0, files: [] },
      labelMarks: input.shard ? {} : null,
      notes: []
    };
  }
  const training = await trainingReference(input.registry, input.manifest, input.scratch);
  const layout = logLayout(monitor);
  const spoolOptions = {
    format: monitor.logs.format,
    layout,
    size,
    now,
    dir: path2.join(input.scratch, "windows"),
    known: "none" in training ? null : new Set(training.profile.columns.map((c) => c.name)),
    target: input.config.data?.target,
    ...keepOwned ? { keep: keepOwned } : {},
    // Several legs read a file near their windows; the one that owns the window of its date counts its bad rows.
    ...owned ? { countSkipped: (shown) => ownsDayOf(shown, owned, size) } : {}
  };
  const download = path2.join(input.scratch, "download");
  const fetched = /* @__PURE__ */ new Map();
  const fetch = async (files) => {
    const out = [];
    for (const file of files) {
      let local = fetched.get(file.shown);
      if (!local && file.entry) {
        [local] = await fetchSources([file.entry], download);
        if (local) fetched.set(file.shown, local);
      }
      if (local) out.push(local);
    }
    return out;
  };
  const bySource = new Map(logs.map((file) => [file.shown, file]));
  const freshFiles = await fetch(fresh.map((file) => bySource.get(file.shown) ?? file));
  if (!("none" in training) && layout.features === null) {
    const expected = trainingFeatures(training.profile, layout, input.config);
    const first = await logColumns(freshFiles, spoolOptions);
    await requireTrainingFeatures(expected, first.features, freshFiles, monitor.logs.format);
  }
  const cores = input.workers ?? os.availableParallelism();
  const spool = await spoolOnThreads(freshFiles, spoolOptions, cores);
  if (owned) refuseFarRows(spool, size);
  else refuseTimeBeforeRows(spool, now);
  const targets = /* @__PURE__ */ new Map();
  for (const [key2, spooled] of spool.windows) targets.set(key2, spooled.window);
  for (const [key2, stale] of plan.stale)
    if ((!owned || owned.has(key2)) && stale.window.end <= now) targets.set(key2, stale.window);
  requireLabels(targets.values());
  const freshNames = new Set(fresh.map((file) => file.shown));
  const again = /* @__PURE__ */ new Map();
  const earlierByKey = new Map(input.earlier.map((window) => [window.key, window]));
  for (const key2 of targets.keys()) {
    for (const file of earlierByKey.get(key2)?.sources ?? []) {
      if (freshNames.has(file.shown) || bySource.get(file.shown)?.stamp !== file.stamp) continue;
      again.set(file.shown, (again.get(file.shown) ?? /* @__PURE__ */ new Set()).add(key2));
    }
  }
  for (const [shown, keys] of again) {
    const file = bySource.get(shown);
    if (file) {
      const keep = (w) => keys.has(w.key);
      await spoolLogs(await fetch([file]), { ...spoolOptions, keep, countSkipped: () => false }, spool);
    }
  }
  const options = {
    tempDir: path2.join(input.scratch, "validate"),
    store: input.store,
    ...input.workers === void 0 ? {} : { workers: input.workers }
  };
  const predictions = spool.columns.header.length === 0 ? { none: "no rows were read" } : await predictionReference(input.registry, input.manifest, input.config, layout, spool.columns, root, options);
  const schema = liveSchema(input.config.data?.schema, spool.columns.features);
  const drift = input.config.data?.drift ?? DriftConfig.parse({});
  const classes = knownClasses(training, input.config.data?.target);
  const metrics = monitorMetrics(input.config);
  const matched = /* @__PURE__ */ new Map();
  const windows = [];
  const compared = /* @__PURE__ */ new Set([
    ...spool.columns.features,
    layout.prediction,
    ...layout.score === void 0 ? [] : [layout.score],
    ...spool.columns.probabilities
  ]);
  const laterRows = new Set(spool.files.filter((file) => file.soon > 0 || file.open > 0).map((file) => file.shown));
  const stampOf = (shown) => ({
    shown,
    stamp: `${bySource.get(shown)?.stamp ?? ""}${laterRows.has(shown) ? "+rows-after-the-run" : ""}`
  });
  const profile = (window, spooled, onReading) => profileSources(
    `window ${window.key}`,
    spooled.files.map((file) => ({ kind: "local", path: file, shown: `the rows of window ${window.key}` })),
    { train: spooled.files, format: "csv", header: true, ...schema ? { schema } : {} },
    root,
    // A window's ranges go to the run's worker thread, which reads them while this one measures the window before,
    // and to this one too, between its own steps (the window's rows and labels are read in turns with the ranges):
    // it waited for the worker a third of the time when it left every range to it (2.5M rows: 9.8 s, now 9.0).
    { ...options, readHere: true, ...threads ? { threads } : {}, onReading, heldArrays },
    options.tempDir,
    HELD_VALUES_BUDGET,
    { ...spooled.sample ? { sample: spooled.sample } : {}, holdOnly: compared }
  );
  const ordered = [...targets.values()].sort((a, b) => a.start - b.start);
  const heldArrays = new HeldArrays();
  const threads = cores > 1 ? new ScanThreads(1) : null;
  const spooledOf = (window) => {
    const spooled = window && spool.windows.get(window.key);
    return spooled && spooled.rows > 0 ? spooled : void 0;
  };
  const ahead = /* @__PURE__ */ new Map();
  const profileFrom = (from) => {
    const at = ordered.findIndex((w, i) => i >= from && spooledOf(w));
    const window = ordered[at];
    const spooled = spooledOf(window);
    if (!window || !spooled || ahead.has(window.key)) return Promise.resolve();
    let handedOver = () => void 0;
    const reading = new Promise((resolve) => handedOver = resolve);
    const started = profile(window, spooled, handedOver);
    started.catch(() => void 0);
    ahead.set(window.key, started);
    return Promise.race([
      reading,
      started.then(
        () => void 0,
        () => void 0
      )
    ]);
  };
  try {
    for (const [index, window] of ordered.entries()) {
      const spooled = spooledOf(window);
      if (!spooled) {
        windows.push(emptyWindow(window, "no log file has rows in it any more"));
        continue;
      }
      input.logger.debug(`window ${window.key}: ${spooled.rows} row(s) from ${spooled.sources.length} file(s)`);
      void profileFrom(index);
      const profiling = ahead.get(window.key);
      const rows = await readWindowRows(spooled, spool.columns, layout);
      let joined = null;
      if (labels) {
        const files = labelFilesFor(window, dated, delay);
        const completeness = labelCompleteness(window, delay, now);
        joined = {
          joined: await joinLabels(rows.rowIds, rows.count, await fetch(files), labels, matched),
          complete: completeness.complete,
          completeAt: completeness.completeAt,
          files: files.map(({ shown, stamp }) => ({ shown, stamp }))
        };
      }
      const profiled = await profiling;
      ahead.delete(window.key);
      await profileFrom(index + 1);
      windows.push(
        measureWindow({
          window,
          sources: spooled.sources.map(stampOf),
          profiled,
          rows,
          columns: spool.columns,
          config: monitor,
          task: input.config.model.task,
          positiveLabel: input.config.model.positive_label,
          classes,
          schema,
          drift,
          training,
          predictions,
          labels: joined,
          metrics
        })
      );
      heldArrays.give(profiled.held.values());
    }
  } finally {
    await threads?.close();
  }
  const computedKeys = new Set(windows.map((window) => window.window.key));
  const earlierKeys = new Set(input.earlier.map((window) => window.key));
  const notes = [
    ..."none" in training ? [training.none] : [],
    ..."none" in predictions && spool.columns.header.length > 0 ? [predictions.none] : [],
    ...blankNotes(spool.blank),
    ...openWindowNotes(spool, now, size)
  ];
  return {
    windows,
    unchanged: plan.unchanged,
    skippedRows: { unparseable: spool.unparseable, future: spool.future },
    // A leg sees only its own windows: the merge counts the labels no leg matched.
    unmatchedLabels: input.shard ? { count: 0, files: [] } : unmatchedLabels(
      settledOnly(matched, settledLabelFiles(matched.keys(), computedKeys, earlierKeys, size, delay, now))
    ),
    labelMarks: input.shard ? packMarks(matched) : null,
    notes
  };
}
async function stamped(entries) {
  const out = [];
  for (const entry of entries) {
    if (entry.kind === "local") {
      const info = await stat(entry.path);
      out.push({ shown: entry.shown, stamp: `${info.size}-${Math.round(info.mtimeMs)}`, entry });
    } else {
      const head = await entry.store.head(entry.key);
      out.push({ shown: entry.shown, stamp: head ? `${head.size}-${head.etag}` : "gone", entry });
    }
  }
  return out;
}
function settledOnly(matched, settled) {
  return new Map([...matched].filter(([shown]) => settled.has(shown)));
}

// src/monitor/shards.ts
var SHARD_FORMAT = "mlops-kit/monitor-shard@1";
var Skipped = object({
  count: number().check(int(), _gte(0)),
  examples: array(object({ file: string(), row: number(), value: string(), reason: string() }))
});
var ShardSchema = object({
  format: literal(SHARD_FORMAT),
  model: string(),
  alias: string(),
  version: string(),
  now: iso_exports.datetime(),
  shard: object({ index: number().check(int(), _gte(1)), count: number().check(int(), _gte(1)) }),
  windows: array(
    looseObject({
      format: literal(WINDOW_RESULT_FORMAT),
      window: object({ key: string(), start: iso_exports.datetime(), end: iso_exports.datetime() }),
      rows: number().check(int(), _gte(0)),
      metrics: record(string(), number())
    })
  ),
  unchanged: array(string()),
  skippedRows: object({ unparseable: Skipped, future: Skipped }),
  unmatchedLabels: object({ count: number().check(int(), _gte(0)), files: array(string()) }),
  labelMarks: nullable(
    record(string(), object({ rows: number().check(int(), _gte(0)), bits: base64() }))
  ),
  notes: array(string())
});
var SHARD_BYTES = 256 * 1024 * 1024;
async function readShardFiles(files, shownFrom) {
  const shards = [];
  for (const file of files) {
    const shown = file.startsWith(shownFrom) ? file.slice(shownFrom.length + 1) : file;
    const value = await readJsonLimited(file, {
      shown,
      what: "monitor shard file",
      limit: SHARD_BYTES,
      missingHint: "pass the files `mlops monitor --shard i/n` wrote"
    });
    const parsed2 = ShardSchema.safeParse(value);
    if (!parsed2.success) {
      const issue = parsed2.error.issues[0];
      throw new InputError(
        `${shown} is not a monitor shard file: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`,
        {
          hint: "pass the files `mlops monitor --shard i/n` wrote, unchanged"
        }
      );
    }
    shards.push({ ...parsed2.data, windows: parsed2.data.windows });
  }
  return shards;
}

// src/monitor/gaps.ts
var MAX_EMPTY_WINDOWS = 366;
function emptyWindows(history, computed, size, now, max = MAX_EMPTY_WINDOWS) {
  const known = /* @__PURE__ */ new Set([...history.map((h) => h.key), ...computed.map((w) => w.window.key)]);
  const starts = [...history.map((h) => h.start), ...computed.map((w) => Date.parse(w.window.start))];
  if (starts.length === 0) return { windows: [], notes: [] };
  const windows = [];
  const length = windowOf(0, size).end - windowOf(0, size).start;
  const end = windowOf(now, size).start;
  let missing = 0;
  for (let at = windowOf(Math.min(...starts), size).start; at < end; at += length) {
    if (windows.length === max) {
      const knownLater = [...new Set(starts)].filter((start) => start >= at && start < end).length;
      missing += (end - at) / length - knownLater;
      break;
    }
    const window = windowOf(at, size);
    if (known.has(window.key)) continue;
    missing++;
    windows.push(
      emptyWindow(window, `no prediction was logged between ${isoUtc(window.start)} and ${isoUtc(window.end)}`)
    );
  }
  const first = windows[0];
  const notes = missing > windows.length && first ? [
    `no prediction was logged in ${missing} windows from ${first.window.start} to ${isoUtc(end)}: the first ${windows.length} are recorded with 0 rows, the next runs record the rest (if that is not an outage, check --now or the clock: ${isoUtc(now)})`
  ] : [];
  return { windows, notes };
}

// src/monitor/run.ts
async function runMonitor(context, options = {}) {
  const { config, root } = context.loaded;
  const monitor = requireMonitor(config);
  if (options.shard && options.merge && options.merge.length > 0)
    throw new UsageError("--shard and --merge are two jobs of one run: a leg computes, the merge job appends");
  const alias = options.alias ?? monitor.alias;
  const now = options.now === void 0 ? context.now() : parseNow(options.now);
  const model = config.model.name;
  const registry = await openRegistry(context);
  const manifest = await registry.resolve(model, alias);
  if (!manifest) {
    throw new InputError(
      `${model} has no version at alias "${alias}" in ${registry.location}, so there is nothing to monitor`,
      {
        hint: "publish and promote a version first (mlops publish, mlops promote), or set monitor.alias"
      }
    );
  }
  const history = historyWindows(
    await registry.monitorLog(model, alias),
    monitor.window,
    (m) => context.logger.warn(m)
  );
  refuseTimeBeforeHistory(history, now, `${model}@${alias}`);
  const scratchRoot = path3.join(context.workspace.dir, "tmp");
  await mkdir2(scratchRoot, { recursive: true });
  const scratch = await mkdtemp(path3.join(scratchRoot, "monitor-"));
  try {
    const computed = options.merge && options.merge.length > 0 ? mergeShards(await readShardFiles(options.merge, root), {
      model,
      alias,
      version: manifest.version,
      now,
      earlier: new Set(history.map((h) => h.key)),
      size: monitor.window,
      delayMs: monitor.labels ? durationMs(monitor.labels.delay) : 0
    }) : await computeWindows({
      config,
      monitor,
      root,
      registry,
      manifest,
      earlier: earlierWindows(history),
      now: now.getTime(),
      shard: options.shard ?? null,
      recompute: options.recompute ?? false,
      store: projectStoreSettings(config.registry, context.env),
      scratch,
      workers: options.workers,
      logger: context.logger
    });
    const base = {
      stage: "monitor",
      model,
      alias,
      version: manifest.version,
      now: now.toISOString(),
      window: monitor.window,
      unchanged: computed.unchanged.length,
      skippedRows: computed.skippedRows,
      unmatchedLabels: computed.unmatchedLabels,
      notes: computed.notes
    };
    if (options.shard) {
      const file = context.workspace.resultFile(`monitor-shard-${options.shard.index}-of-${options.shard.count}`);
      const shard = {
        format: SHARD_FORMAT,
        model,
        alias,
        version: manifest.version,
        now: now.toISOString(),
        shard: { index: options.shard.index, count: options.shard.count },
        ...computed
      };
      await mkdir2(path3.dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(shard)}
`);
      return {
        ...base,
        verdict: "skipped",
        windows: computed.windows,
        judgements: [],
        breaches: 0,
        warnings: 0,
        shard: { ...options.shard, file },
        logged: [],
        history: trend(history, computed.windows, manifest.version)
      };
    }
    const empty = emptyWindows(history, computed.windows, monitor.window, now.getTime());
    const windows = [...computed.windows, ...empty.windows].sort(
      (a, b) => Date.parse(a.window.start) - Date.parse(b.window.start)
    );
    const judgements = judgeWindows(monitor.rules, windows, {
      version: manifest.version,
      metrics: manifest.metrics,
      slices: manifest.slices,
      history: history.map((h) => ({ key: h.key, start: h.start, metrics: h.result.metrics }))
    });
    const judged = new Map(judgements.map((j) => [j.window, j]));
    const logged = await registry.appendMonitorLog(
      model,
      alias,
      windows.map(
        (w) => logEntry(
          w,
          judged.get(w.window.key),
          monitor.window,
          manifest.version,
          context.now(),
          context.provenance.runUrl
        )
      )
    );
    const breaches = judgements.filter((j) => j.verdict === "fail").length;
    return {
      ...base,
      notes: [...base.notes, ...empty.notes],
      verdict: breaches > 0 ? "fail" : "pass",
      windows,
      judgements,
      breaches,
      warnings: judgements.filter((j) => j.verdict === "warn").length,
      shard: null,
      logged,
      history: trend(history, windows, manifest.version)
    };
  } finally {
    await rm2(scratch, { recursive: true, force: true });
  }
}
function requireMonitor(config) {
  if (!config.monitor) {
    throw new UsageError("mlops.yml has no monitor section", {
      hint: "add `monitor: { logs: { path: logs/*.jsonl } }` (docs/monitoring.md)"
    });
  }
  return config.monitor;
}
function parseNow(text) {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || !Number.isFinite(ms)) {
    throw new UsageError(`--now ${text} is not an ISO 8601 time`, { hint: "for example 2026-03-29T04:17:00Z" });
  }
  return new Date(ms);
}
function refuseTimeBeforeHistory(history, now, monitored) {
  const newest = history.filter((window) => window.result.rows > 0).at(-1);
  if (!newest || now.getTime() >= newest.start) return;
  throw new UsageError(
    `the run's time, ${now.toISOString()}, is before window ${newest.key}, the newest with rows in the monitoring log of ${monitored}`,
    {
      hint: "give --now the time the run stands for (leave it out for the clock); a run earlier than the windows it would compute again would record them without their rows"
    }
  );
}
function mergeShards(shards, run) {
  const first = shards[0];
  if (!first) throw new UsageError("--merge matched no shard file", { hint: "download the legs' artifacts first" });
  const count = first.shard.count;
  const legs = /* @__PURE__ */ new Set();
  for (const shard of shards) {
    if (legs.has(shard.shard.index) || shard.shard.index > shard.shard.count) {
      throw new InputError(
        `leg ${shard.shard.index} of ${shard.shard.count} is given ${legs.has(shard.shard.index) ? "twice" : "but there is no such leg"}`,
        {
          hint: "pass each leg's shard file once (a retried leg's artifact replaces the first, it does not add to it)"
        }
      );
    }
    legs.add(shard.shard.index);
    const mismatch = shard.model !== run.model ? `model ${shard.model}` : shard.alias !== run.alias ? `alias ${shard.alias}` : shard.version !== first.version ? `version ${shard.version} (another leg monitored ${first.version})` : shard.now !== first.now ? `time ${shard.now} (another leg ran at ${first.now}: pass every leg the same --now)` : shard.shard.count !== count ? `${shard.shard.count} legs (another leg says ${count})` : null;
    if (mismatch) throw new InputError(`shard ${shard.shard.index} of ${shard.shard.count} is of ${mismatch}`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter(
    (i) => !shards.some((shard) => shard.shard.index === i)
  );
  if (missing.length > 0) {
    throw new InputError(`the shard files of leg(s) ${missing.join(", ")} of ${count} are missing`, {
      hint: "a leg failed or its artifact was not downloaded; a window is judged only once every leg is in"
    });
  }
  const seen = /* @__PURE__ */ new Map();
  for (const shard of shards) {
    for (const window of shard.windows) {
      const other = seen.get(window.window.key);
      if (other !== void 0 && other !== shard.shard.index) {
        throw new InputError(
          `window ${window.window.key} was computed by legs ${other} and ${shard.shard.index}: its rows are in log files dated more than a day from it`,
          { hint: "run `mlops monitor --recompute` as one job, or write each row to the file of its own date" }
        );
      }
      seen.set(window.window.key, shard.shard.index);
    }
  }
  const marks = unpackMarks(shards.map((s) => s.labelMarks ?? {}));
  return {
    windows: shards.flatMap((shard) => shard.windows),
    unchanged: first.unchanged,
    skippedRows: {
      unparseable: sumSkipped(shards.map((s) => s.skippedRows.unparseable)),
      future: sumSkipped(shards.map((s) => s.skippedRows.future))
    },
    unmatchedLabels: unmatchedLabels(
      settledOnly(
        marks,
        settledLabelFiles(marks.keys(), new Set(seen.keys()), run.earlier, run.size, run.delayMs, run.now.getTime())
      )
    ),
    labelMarks: null,
    notes: [...new Set(shards.flatMap((s) => s.notes))]
  };
}
function sumSkipped(parts) {
  return {
    count: parts.reduce((sum, part) => sum + part.count, 0),
    examples: parts.flatMap((part) => part.examples).slice(0, SKIPPED_EXAMPLES)
  };
}
function trend(history, computed, version) {
  const byKey = /* @__PURE__ */ new Map();
  for (const h of history) {
    byKey.set(h.key, {
      key: h.key,
      start: h.start,
      version: h.version,
      rows: h.result.rows,
      complete: h.result.labels?.complete ?? null,
      metrics: h.result.metrics
    });
  }
  for (const w of computed) {
    byKey.set(w.window.key, {
      key: w.window.key,
      start: Date.parse(w.window.start),
      version,
      rows: w.rows,
      complete: w.labels?.complete ?? null,
      metrics: w.metrics
    });
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start).map(({ start: _start, ...rest }) => rest);
}

export {
  RowIds,
  runMonitor,
  requireMonitor
};
