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

// src/monitor/log-layout.ts
function logLayout(monitor) {
  const logs = monitor.logs;
  return {
    timestamp: logs.timestamp,
    unit: logs.timestamp_unit,
    prediction: logs.prediction,
    score: logs.score,
    scorePrefix: logs.score_prefix,
    id: logs.id,
    latency: logs.latency,
    features: logs.features ?? null,
    slices: monitor.slices
  };
}
function declaredColumns(layout) {
  const named = [
    layout.timestamp,
    ...layout.features ?? [],
    layout.prediction,
    layout.score,
    layout.id,
    layout.latency
  ];
  return [...new Set([...named, ...layout.slices].filter((column) => column !== void 0))];
}

export {
  liveSchema,
  logLayout,
  declaredColumns
};
