import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/config/matrix.ts
var MAX_LEGS = 256;
function legCount(matrix) {
  return Object.values(matrix ?? {}).reduce((count, values) => count * values.length, 1);
}

export {
  MAX_LEGS,
  legCount
};
