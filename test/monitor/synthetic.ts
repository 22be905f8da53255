import { Random } from "../../src/gate/significance/random.ts";

/**
 * Synthetic classifiers for the CBPE tests: each row's true class probabilities are drawn first, then its label from
 * them, so the probabilities are calibrated by construction; the logged score is those probabilities, or a distorted
 * copy of them for the miscalibrated cases. Seeded with the gate's generator: the same seed gives the same windows.
 */

export interface BinaryWindow {
  labels: string[];
  predictions: string[];
  /** The logged score of the positive class "yes". */
  scores: Float64Array;
}

export interface MulticlassWindow {
  labels: string[];
  predictions: string[];
  classes: string[];
  /** The logged class probabilities, one column per class. */
  columns: Float64Array[];
}

const uniform = (random: Random): number => (random.nextUint32() + 0.5) / 4294967296;

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(uniform(random))) * Math.cos(2 * Math.PI * uniform(random));
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * `rows` rows with P(yes) = sigmoid(z), z ~ N(shift, spread²), labelled Bernoulli(P(yes)) and predicted "yes" at a
 * score of 0.5 or more. `sharpen` multiplies the logit of the logged score (1: calibrated; 3: overconfident).
 */
export function binaryWindow(
  seed: number,
  rows: number,
  options: { sharpen?: number; shift?: number } = {},
): BinaryWindow {
  const random = new Random(seed);
  const sharpen = options.sharpen ?? 1;
  const labels: string[] = [];
  const predictions: string[] = [];
  const scores = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const z = (options.shift ?? 0.5) + 1.6 * normal(random);
    const truth = sigmoid(z);
    labels.push(uniform(random) < truth ? "yes" : "no");
    scores[i] = sigmoid(sharpen * z);
    predictions.push((scores[i] ?? 0) >= 0.5 ? "yes" : "no");
  }
  return { labels, predictions, scores };
}

/** Three classes with softmax probabilities of N(0, 1.3²) logits, labelled from them, predicted as the top class. */
export function multiclassWindow(seed: number, rows: number, options: { sharpen?: number } = {}): MulticlassWindow {
  const random = new Random(seed);
  const classes = ["cat", "dog", "owl"];
  const sharpen = options.sharpen ?? 1;
  const columns = classes.map(() => new Float64Array(rows));
  const labels: string[] = [];
  const predictions: string[] = [];
  for (let i = 0; i < rows; i++) {
    // Class-specific offsets make the classes unequal in size, as real ones are.
    const logits = [0.4, 0, -0.3].map((offset) => offset + 1.3 * normal(random));
    const truth = softmax(logits);
    const logged = softmax(logits.map((z) => sharpen * z));
    const u = uniform(random);
    let label = 0;
    let cumulative = truth[0] ?? 0;
    while (u >= cumulative && label < classes.length - 1) cumulative += truth[++label] ?? 0;
    labels.push(classes[label] ?? "");
    let top = 0;
    logged.forEach((p, c) => {
      (columns[c] as Float64Array)[i] = p;
      if (p > (logged[top] ?? 0)) top = c;
    });
    predictions.push(classes[top] ?? "");
  }
  return { labels, predictions, classes, columns };
}

function softmax(logits: number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
