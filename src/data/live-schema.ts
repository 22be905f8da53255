import type { DatasetSchema } from "./plan.ts";

/**
 * The data.schema rules that apply to data a model scores rather than learns from (a served model's prediction log,
 * a batch-scoring input): those of the features (live data has no label), without the row-count bounds of a training
 * set, and allowing the columns such data has besides the features.
 */
export function liveSchema(schema: DatasetSchema | undefined, features: readonly string[]): DatasetSchema | undefined {
  if (!schema) return undefined;
  const keep = new Set(features);
  const { rows: _rows, unique_key, ...rest } = schema;
  return {
    ...rest,
    columns: Object.fromEntries(Object.entries(schema.columns).filter(([name]) => keep.has(name))),
    extra_columns: "allow",
    ...(unique_key && unique_key.every((column) => keep.has(column)) ? { unique_key } : {}),
  };
}
