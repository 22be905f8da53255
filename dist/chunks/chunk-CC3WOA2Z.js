import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/data/live-schema.ts
function liveSchema(schema, features) {
  if (!schema) return void 0;
  const keep = new Set(features);
  const { rows: _rows, unique_key, ...rest } = schema;
  return {
    ...rest,
    columns: Object.fromEntries(Object.entries(schema.columns).filter(([name]) => keep.has(name))),
    extra_columns: "allow",
    ...unique_key && unique_key.every((column) => keep.has(column)) ? { unique_key } : {}
  };
}

export {
  liveSchema
};
