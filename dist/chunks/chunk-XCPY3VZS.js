import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/data/drift/format.ts
function formatShort(value) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
function pct(share) {
  return `${Number((share * 100).toPrecision(3))}%`;
}

export {
  formatShort,
  pct
};
