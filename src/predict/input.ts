import { createHash } from "node:crypto";
import os from "node:os";
import type { MlopsConfig, PredictConfig } from "../config/schema/index.ts";
import { type DataFile, describeFile, fingerprintFiles } from "../data/fingerprint.ts";
import { type Finding, findingsOf } from "../data/findings.ts";
import { liveSchema } from "../data/live-schema.ts";
import { scanDataset } from "../data/parallel.ts";
import { planDataset } from "../data/plan.ts";
import { buildProfile } from "../data/profile.ts";
import type { SourceEntry, SourceFile } from "../data/sources.ts";
import { declaredColumns, logLayout } from "../monitor/log-layout.ts";

/**
 * What batch scoring reads and checks (docs/batch-scoring.md): the input's fingerprint (which names where its
 * predictions go), its rows per file checked against the feature rules of data.schema, and the shape of what the
 * scoring command wrote.
 */

export interface InputFingerprint {
  /** 16 hex digits of a sha256 over every file's path, size and sha256 (local) or ETag (s3://). */
  id: string;
  files: DataFile[];
}

export async function fingerprintInput(entries: readonly SourceEntry[], root: string): Promise<InputFingerprint> {
  const files = await fingerprintFiles(entries, root);
  const text = files.map(describeFile).join("\n");
  return { id: createHash("sha256").update(text).digest("hex").slice(0, 16), files };
}

export interface CheckedInput {
  /** Rows of each file, in the order given. */
  rows: number[];
  findings: Finding[];
  errors: number;
}

/**
 * Reads the files in one parallel pass: their rows, and (with predict.validate) the findings of data.schema's feature
 * rules, the target's rules and the row bounds of a training set left out (data to score has no label).
 */
export async function checkInput(
  files: readonly SourceFile[],
  config: MlopsConfig,
  predict: PredictConfig,
  tempDir: string,
): Promise<CheckedInput> {
  const target = config.data?.target;
  const schema = config.data?.schema;
  const features = Object.keys(schema?.columns ?? {}).filter((column) => column !== target);
  const rules = predict.validate ? liveSchema(schema, features) : undefined;
  const profile = await profileFiles("input", files, predict.format, config.data?.header ?? true, rules, tempDir);
  const findings = rules ? findingsOf(profile.profile, rules) : [];
  return {
    rows: files.map((file) => profile.profile.files.find((f) => f.path === file.shown)?.rows ?? 0),
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
  };
}

/** Rows and columns of a file the scoring command wrote. */
export async function tableShape(
  file: SourceFile,
  format: string,
  tempDir: string,
): Promise<{ rows: number; columns: string[] }> {
  const { profile } = await profileFiles("output", [file], format, true, undefined, tempDir);
  return { rows: profile.rows, columns: profile.files[0]?.columns ?? [] };
}

async function profileFiles(
  name: string,
  files: readonly SourceFile[],
  format: string,
  header: boolean,
  schema: Parameters<typeof planDataset>[3],
  tempDir: string,
) {
  const plan = await planDataset(name, [...files], { format, header }, schema);
  const outcome = await scanDataset(plan, { workers: os.availableParallelism(), tempDir });
  return { profile: buildProfile(plan, outcome) };
}

/**
 * The columns the monitor reads from a prediction log (monitor.logs and monitor.slices) that `columns` lacks, so a
 * part that misses one is refused before it is uploaded; empty without a monitor section.
 */
export function missingMonitorColumns(config: MlopsConfig, columns: readonly string[]): string[] {
  if (!config.monitor) return [];
  const layout = logLayout(config.monitor);
  const missing = declaredColumns(layout).filter((column) => !columns.includes(column));
  const prefix = layout.scorePrefix;
  if (prefix !== undefined && !columns.some((column) => column.startsWith(prefix))) missing.push(`${prefix}*`);
  return missing;
}
