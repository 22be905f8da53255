/** Numbers as the drift report shows them: four significant digits, exponents for the very large and very small. */
export function formatShort(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** A share as a percentage with three significant digits: 0.0075 is "0.75%". */
export function pct(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}
