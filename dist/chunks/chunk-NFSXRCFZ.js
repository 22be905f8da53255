import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/config/suggest.ts
function closestMatch(input, candidates) {
  const wanted = canonical(input);
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, canonical(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  return bestDistance <= allowed ? best : void 0;
}
function canonical(text) {
  return text.toLowerCase().replaceAll("-", "_");
}
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array(rows * cols).fill(0);
  const at = (i, j) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
}

export {
  closestMatch
};
