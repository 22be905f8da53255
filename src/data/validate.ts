import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ColumnType } from "../config/schema/data.ts";
import type { MlopsConfig } from "../config/schema/index.ts";
import type { StoreSettings } from "../store/open.ts";
import { exactDeciles } from "./drift/psi.ts";
import { sortedDistribution } from "./drift/stats.ts";
import { HELD_VALUES_BUDGET, type HeldArrays } from "./held-values.ts";
import { compareDatasets, driftFinding, type ProfiledDataset } from "./comparisons.ts";
import type { DriftResult } from "./drift/drift.ts";
import { type Finding, findingsOf } from "./findings.ts";
import { scanDataset, type ScanThreads } from "./parallel.ts";
import { type PlanHints, planDataset } from "./plan.ts";
import { buildProfile, type ColumnSummary, type DatasetProfile, mergeProfiles } from "./profile.ts";
import { readProfileFile } from "./profile-file.ts";
import { sortDoubles } from "./radix-sort.ts";
import { fetchSources, listSources, type SourceEntry } from "./sources.ts";

/**
 * The validate stage's core (DOMAIN.md §3): profile each dataset in one parallel pass, apply the schema rules to the
 * profile, and measure drift of the training data against a reference. A broken rule is a finding (data), not an
 * exception; only data that cannot be read at all throws.
 */

export type { Finding } from "./findings.ts";
type DataSection = NonNullable<MlopsConfig["data"]>;

export interface ColumnReport extends ColumnSummary {
  name: string;
  type: ColumnType;
  /** Whether `type` came from the config (else it was inferred from the values). */
  declared: boolean;
}

export interface DatasetReport {
  name: string;
  files: string[];
  rows: number;
  columns: ColumnReport[];
  findings: Finding[];
  /** Things the reader should know about how the rules were checked (merged shards, for one). */
  notes: string[];
}

export interface ValidateResult {
  stage: "validate";
  verdict: "pass" | "fail" | "skipped";
  datasets: DatasetReport[];
  errors: number;
  warnings: number;
  /**
   * The training data's profile (a JSON file in the workspace), when this run wrote one. Publish stores it with the
   * model, and later runs compare their data with it (drift against the champion's training data).
   */
  profile: string | null;
  /** Drift of the training data against data.drift.reference; null when not measured (see driftNote). */
  drift: DriftResult | null;
  /** Drift of the evaluation data against data.drift.reference; null without data.eval or a reference. */
  evalDrift: DriftResult | null;
  /** Skew: the evaluation data against the training data, with data.drift's settings; null without both. */
  skew: DriftResult | null;
  /** Why drift against the reference was not measured (no champion yet), in words; null when it was. */
  driftNote: string | null;
}

export interface ValidateOptions {
  /** Threads for reading (default: the machine's cores). */
  workers?: number;
  /** Where temporary files go (spilled hashes, downloaded s3:// objects). Default: the OS temp folder. */
  tempDir?: string;
  /** How to reach s3:// data (credentials from `env`, the registry's region and endpoint). */
  store?: StoreSettings;
  /** Profiles of shards of the training data, to merge instead of reading data.train (the shard-and-merge recipe). */
  trainProfiles?: DatasetProfile[];
  /**
   * The champion's training-data profile, for `reference: champion`, or why there is none in words (no champion yet,
   * or a champion published without a profile). A registry that cannot be read must throw, not answer.
   */
  championProfile?: () => Promise<{ profile: DatasetProfile; version: string } | { none: string }>;
  /** Bytes per range (tests use small ranges to cross range boundaries). */
  rangeBytes?: number;
  /**
   * Values of numeric columns each dataset may hold for exact drift (held-values.ts): by default HELD_VALUES_BUDGET
   * when data.drift is configured, else 0. Tests make it 0 (drift from the sketches alone) or small.
   */
  heldValuesBudget?: number;
  parallelFrom?: number;
  /** Whether this thread reads ranges beside the workers (ScanOptions.readHere). */
  readHere?: boolean;
  /** Worker threads kept for many passes, which read every range (ScanOptions.threads). */
  threads?: ScanThreads;
  /** Called once the data's ranges are handed to the threads (ScanOptions.onReading). */
  onReading?: () => void;
  /** Arrays the held values are joined into, kept for several passes (ScanOptions.heldArrays). */
  heldArrays?: HeldArrays;
  /** Progress and timings for --verbose. */
  debug?: (message: string) => void;
}

export interface Validation {
  result: ValidateResult;
  /** Profiles by dataset name (train, eval). */
  profiles: Map<string, DatasetProfile>;
}

export async function validateData(
  data: DataSection | undefined,
  root: string,
  options: ValidateOptions = {},
): Promise<ValidateResult> {
  return (await validateDatasets(data, root, options)).result;
}

export async function validateDatasets(
  data: DataSection | undefined,
  root: string,
  options: ValidateOptions = {},
): Promise<Validation> {
  const skipped: ValidateResult = {
    stage: "validate",
    verdict: "skipped",
    datasets: [],
    errors: 0,
    warnings: 0,
    profile: null,
    drift: null,
    evalDrift: null,
    skew: null,
    driftNote: null,
  };
  if (!data) return { result: skipped, profiles: new Map() };
  const tempDir = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), "mlops-validate-"));
  const heldBudget = options.heldValuesBudget ?? (data.drift === undefined ? 0 : HELD_VALUES_BUDGET);
  try {
    const read: { train?: ProfiledDataset; eval?: ProfiledDataset } = {};
    if (options.trainProfiles && options.trainProfiles.length > 0)
      read.train = { profile: mergeProfiles(options.trainProfiles), held: new Map() };
    else read.train = await profileSources("train", data.train, data, root, options, tempDir, heldBudget);
    if (data.eval !== undefined)
      read.eval = await profileSources("eval", data.eval, data, root, options, tempDir, heldBudget);
    const profiles = new Map(Object.entries(read).map(([name, dataset]) => [name, dataset.profile]));
    const datasets = [...profiles.values()].map((profile) => reportOf(profile, data));
    let reference: (ProfiledDataset & { name: string }) | null = null;
    let driftNote: string | null = null;
    if (data.drift) {
      const resolved = await resolveReference(data, root, options, tempDir, heldBudget);
      if ("none" in resolved) driftNote = resolved.none;
      else reference = resolved;
    }
    const comparisons = compareDatasets(data, read, reference);
    for (const comparison of [comparisons.drift, comparisons.evalDrift, comparisons.skew]) {
      const finding = comparison && driftFinding(comparison);
      if (finding) datasets.find((d) => d.name === finding.dataset)?.findings.push(finding);
    }
    const findings = datasets.flatMap((d) => d.findings);
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    return {
      result: {
        stage: "validate",
        verdict: errors > 0 ? "fail" : "pass",
        datasets,
        errors,
        warnings,
        profile: null,
        ...comparisons,
        driftNote,
      },
      profiles,
    };
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

/**
 * Reads a dataset (paths, globs, s3:// URIs) in one parallel pass and returns its profile, with every value of its
 * numeric columns sorted when they fit `heldValuesBudget` (held-values.ts).
 */
export async function profileSources(
  name: string,
  sources: string | readonly string[] | SourceEntry[],
  data: DataSection,
  root: string,
  options: ValidateOptions,
  tempDir: string,
  heldValuesBudget = 0,
  hints: PlanHints = {},
): Promise<ProfiledDataset> {
  const downloadDir = path.join(tempDir, "download");
  await mkdir(downloadDir, { recursive: true });
  const started = performance.now();
  const entries = isEntries(sources) ? sources : await listSources(sources, root, options.store ?? {});
  const files = await fetchSources(entries, downloadDir);
  const plan = await planDataset(
    name,
    files,
    { format: data.format, header: data.header },
    data.schema,
    heldValuesBudget,
    hints,
  );
  const planned = performance.now();
  const outcome = await scanDataset(plan, {
    workers: options.workers ?? os.availableParallelism(),
    tempDir,
    ...(options.rangeBytes === undefined ? {} : { rangeBytes: options.rangeBytes }),
    ...(options.parallelFrom === undefined ? {} : { parallelFrom: options.parallelFrom }),
    ...(options.readHere === undefined ? {} : { readHere: options.readHere }),
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.onReading === undefined ? {} : { onReading: options.onReading }),
    ...(options.heldArrays === undefined ? {} : { heldArrays: options.heldArrays }),
  });
  const profile = buildProfile(plan, outcome);
  const bytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  const seconds = (performance.now() - planned) / 1000;
  options.debug?.(
    `${name}: ${plan.files.length} file(s), ${(bytes / 1e6).toFixed(1)} MB, ${outcome.rows} rows; planned in ${((planned - started) / 1000).toFixed(2)} s, read in ${seconds.toFixed(2)} s (${(bytes / 1e6 / seconds).toFixed(0)} MB/s) on ${outcome.threads} thread(s), ${outcome.ranges} range(s), ${outcome.reread} read again`,
  );
  const held = new Map<string, Float64Array>();
  profile.columns.forEach((column) => {
    const values = outcome.values[plan.columns.findIndex((c) => c.name === column.name)];
    if (!values || (column.kind !== "numeric" && column.kind !== "datetime")) return;
    const sorted = sortDoubles(values);
    held.set(column.name, sorted);
    // Stored with the profile, so a later run's PSI against it (as the champion's) has numpy's bins exactly.
    if (sorted.length > 0) column.deciles = exactDeciles(sortedDistribution(sorted));
  });
  return { profile, held };
}

function reportOf(profile: DatasetProfile, data: DataSection): DatasetReport {
  return {
    name: profile.dataset,
    files: profile.files.map((f) => f.path),
    rows: profile.rows,
    columns: profile.columns.map((c) => ({ name: c.name, type: c.type, declared: c.declared, ...c.summary })),
    findings: findingsOf(profile, data.schema),
    notes: profile.notes,
  };
}

async function resolveReference(
  data: DataSection,
  root: string,
  options: ValidateOptions,
  tempDir: string,
  heldValuesBudget: number,
): Promise<(ProfiledDataset & { name: string }) | { none: string }> {
  const reference = data.drift?.reference ?? "champion";
  if (reference === "champion") {
    const champion = (await options.championProfile?.()) ?? {
      none: "No drift check: no registry was given to find the champion in.",
    };
    return "none" in champion
      ? champion
      : {
          profile: champion.profile,
          held: new Map(),
          name: `the champion's training data (${champion.version})`,
        };
  }
  if (reference.toLowerCase().endsWith(".json")) {
    const profile = await readProfileFile(
      path.resolve(root, reference),
      reference,
      "data.drift.reference is a profile JSON (from `mlops profile`), a data file, or champion",
    );
    return { profile, held: new Map(), name: `the profile ${reference}` };
  }
  const read = await profileSources("reference", reference, data, root, options, tempDir, heldValuesBudget);
  return { ...read, name: reference };
}

function isEntries(sources: string | readonly string[] | SourceEntry[]): sources is SourceEntry[] {
  return Array.isArray(sources) && sources.length > 0 && typeof sources[0] === "object";
}
