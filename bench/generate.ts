import { createWriteStream } from "node:fs";
import { once } from "node:events";

/**
 * The benchmark's data set, made deterministically (the same bytes on every machine): a mixed-type CSV of about
 * 100 bytes a row, 12 columns (DOMAIN.md §3's kinds): integers, floats with missing values, a 20-level category, a
 * timestamp, a boolean and free text with quoted commas.
 */

export const BENCH_HEADER = "id,customer_id,age,visits,income,score,latitude,balance,segment,created_at,active,comment";

const WORDS = [
  "fast",
  "delivery",
  "great",
  "price",
  "broken",
  "box",
  "late",
  "again",
  "would",
  "buy",
  "support",
  "helpful",
  "refund",
  "slow",
  "quality",
  "good",
  "bad",
  "okay",
  "size",
  "colour",
  "fits",
  "small",
  "large",
  "return",
];

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
}

function row(i: number, random: Random): string {
  const income = random.next() < 0.05 ? "" : (20000 + random.next() * 180000).toFixed(2);
  const score = random.next() < 0.03 ? "NaN" : random.next().toFixed(4);
  const balance = random.next() < 0.02 ? "" : ((random.next() - 0.3) * 10000).toFixed(2);
  const day = new Date(Date.UTC(2024, 0, 1) + random.int(730 * 86400) * 1000).toISOString().slice(0, 19) + "Z";
  const words: string[] = [];
  const length = 3 + random.int(6);
  for (let w = 0; w < length; w++) words.push(WORDS[random.int(WORDS.length)]!);
  if (random.next() < 0.5) words.splice(1 + random.int(length - 1), 0, ",");
  const comment = `"${words.join(" ").replace(" ,", ",")}"`;
  return [
    i,
    1 + random.int(500_000),
    18 + random.int(73),
    random.int(40),
    income,
    score,
    (random.next() * 180 - 90).toFixed(6),
    balance,
    `seg_${String(1 + random.int(20)).padStart(2, "0")}`,
    day,
    random.next() < 0.6 ? "true" : "false",
    comment,
  ].join(",");
}

/** How the `id` column runs: 1, 2, 3 ... or a seeded permutation of the same ids. */
export type IdOrder = "ascending" | "shuffled";

/**
 * Writes about `bytes` bytes of rows to `file`; returns the number of rows. With `ids: "shuffled"` the rows are those
 * of the ascending file of the same size and seed, each with its id swapped for one from a seeded permutation of the
 * same ids: the two files differ in nothing but the order of the ids (the same values, the same number of bytes).
 */
export async function generateCsv(
  file: string,
  bytes: number,
  { seed = 42, ids = "ascending" }: { seed?: number; ids?: IdOrder } = {},
): Promise<number> {
  const permutation = ids === "shuffled" ? shuffledIds(countRows(bytes, seed), seed) : null;
  const out = createWriteStream(file, { highWaterMark: 4 << 20 });
  const random = new Random(seed);
  let written = 0;
  let rows = 0;
  let batch = `${BENCH_HEADER}\n`;
  // Shuffled ids change the bytes of each batch, not their sum: that file stops at the ascending file's row count.
  while (permutation ? rows < permutation.length : written + batch.length < bytes) {
    for (let i = 0; i < 2000; i++) {
      rows++;
      batch += `${row(permutation ? permutation[rows - 1]! : rows, random)}\n`;
    }
    written += Buffer.byteLength(batch);
    if (!out.write(batch)) await once(out, "drain");
    batch = "";
  }
  out.end();
  await once(out, "finish");
  return rows;
}

/** The rows generateCsv writes for `bytes` with ascending ids, found by making them without writing them. */
function countRows(bytes: number, seed: number): number {
  const random = new Random(seed);
  let written = 0;
  let rows = 0;
  let batchLength = BENCH_HEADER.length + 1;
  while (written + batchLength < bytes) {
    for (let i = 0; i < 2000; i++) batchLength += row(++rows, random).length + 1;
    written += batchLength;
    batchLength = 0;
  }
  return rows;
}

/** 1..count in a seeded random order (Fisher-Yates), from a stream of its own so the other columns stay the same. */
function shuffledIds(count: number, seed: number): Uint32Array {
  const ids = Uint32Array.from({ length: count }, (_, i) => i + 1);
  const random = new Random(seed ^ 0x5eed);
  for (let i = count - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const id = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = id;
  }
  return ids;
}
