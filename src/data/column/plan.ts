import type { ColumnType } from "../../config/schema/data.ts";
import { hashBytes, hashed, hashKey } from "../sketch/hash.ts";

/** What the scan plan (plan.ts) decides about one column before reading: how its values are read and checked. */

/** How values are read: decided before reading from the declared type, or the type inferred from a sample. */
export type ValueKind = "numeric" | "datetime" | "boolean" | "text" | "any";

export interface ColumnRules {
  nullable: boolean;
  min: number | null;
  max: number | null;
  /** Hash keys of the allowed values' text. */
  allowed: number[] | null;
  regex: string | null;
  unique: boolean;
}

export interface ColumnPlan {
  name: string;
  declared: ColumnType | null;
  /** The type the sample suggested (null: the sample had no values). */
  inferred: ColumnType | null;
  kind: ValueKind;
  severity: "error" | "warn";
  /** The column's rules from data.schema.columns, or null when it has none. */
  rules: ColumnRules | null;
  /** Spill check id of the `unique` rule (see repeats/spill-format.ts), when it has one. */
  uniqueCheck: number | null;
  /** How many of its numbers to hold for exact drift (held-values.ts); 0 holds none. */
  valuesLimit: number;
}

/** The hash key of a text, as a column's value table keys it (allowed values are compared by key). */
export function keyOf(text: string): number {
  const bytes = Buffer.from(text, "utf8");
  hashBytes(bytes, 0, bytes.length);
  return hashKey(hashed.h1, hashed.h2);
}
