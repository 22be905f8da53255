import { internColumn } from "../../src/evaluate/coded.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Predictions } from "../../src/evaluate/predictions.ts";
import { bootstrapDeltas, pairedBootstrap } from "../../src/gate/significance/bootstrap.ts";
import { binomialTwoSidedHalf, mcnemarExact } from "../../src/gate/significance/mcnemar.ts";
import { resampleStates } from "../../src/gate/significance/draws.ts";
import { pairPredictions } from "../../src/gate/significance/pairing.ts";
import { lemireThreshold, Random } from "../../src/gate/significance/random.ts";
import { pairedStatistic, type PairedStatistic, pointValues } from "../../src/gate/significance/statistics.ts";
import { REPO } from "../helpers/temp.ts";

/**
 * Significance (DOMAIN.md §2) against scipy and scikit-learn: test/fixtures/gate/generate.py replays the kit's random
 * stream, computes each resample's metrics with scikit-learn on the resampled rows, and takes numpy's quantiles; the
 * McNemar p-values come from scipy.stats.binomtest. The JSON files record the command and versions.
 */

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(REPO, "test", "fixtures", "gate", name), "utf8")) as T;
}

interface FixtureHeader {
  command: string;
  sklearn: string;
  scipy: string;
}

interface BootstrapCase {
  name: string;
  metric: string;
  seed: number;
  resamples: number;
  level: number;
  relative: boolean;
  data: {
    labels: (string | number)[];
    positive?: string | null;
    candidate_predictions: (string | number)[];
    baseline_predictions: (string | number)[];
    candidate_scores?: number[];
    baseline_scores?: number[];
    candidate_probabilities?: Record<string, number[]>;
    baseline_probabilities?: Record<string, number[]>;
  };
  expected: {
    low?: number;
    high?: number;
    unavailable?: boolean;
    undefined_resamples: number;
    first_deltas: (number | null)[];
    point_delta: number;
  };
}

const random = fixture<
  FixtureHeader & {
    streams: { seed: number; uint32: number[] }[];
    bounded: { seed: number; n: number; values: number[] }[];
    jumps: { seed: number; states: number[][] }[];
  }
>("random.json");
const bootstrap = fixture<FixtureHeader & { cases: BootstrapCase[] }>("bootstrap.json");
const mcnemar = fixture<
  FixtureHeader & { cases: { candidate_only: number; baseline_only: number; p_value: number }[] }
>("mcnemar.json");

/** Predictions as the reader would return them, from a fixture's columns. */
function predictionsOf(
  labels: readonly (string | number)[],
  predictions: readonly (string | number)[],
  extra: Partial<Pick<Predictions, "scores" | "probabilities" | "ids">> & { regression?: boolean } = {},
): Predictions {
  const text = (values: readonly (string | number)[]): string[] => values.map(String);
  return {
    source: "predictions.csv",
    rows: labels.length,
    labels: internColumn(text(labels)),
    predictions: internColumn(text(predictions)),
    actual: extra.regression ? Float64Array.from(labels, Number) : null,
    predicted: extra.regression ? Float64Array.from(predictions, Number) : null,
    scores: extra.scores ?? null,
    probabilities: extra.probabilities ?? null,
    ids: extra.ids ?? null,
    slices: new Map(),
  };
}

function probabilitiesOf(columns: Record<string, number[]> | undefined): Predictions["probabilities"] {
  if (!columns) return null;
  const classes = Object.keys(columns).sort();
  return { classes, columns: classes.map((c) => Float64Array.from(columns[c] ?? [])) };
}

/** The paired statistic of a fixture case, through the same pairing the gate uses. */
function statisticOf(c: BootstrapCase): { statistic: PairedStatistic; n: number } {
  const regression = c.name.startsWith("regression");
  const side = (model: "candidate" | "baseline"): Predictions => {
    const scores = c.data[`${model}_scores`];
    return predictionsOf(c.data.labels, c.data[`${model}_predictions`], {
      regression,
      scores: scores ? Float64Array.from(scores) : null,
      probabilities: probabilitiesOf(c.data[`${model}_probabilities`]),
    });
  };
  const pairing = pairPredictions(side("candidate"), side("baseline"), c.data.positive ?? undefined);
  if (!pairing.paired) throw new Error(pairing.reason);
  const metric = c.metric.replace(/_multiclass$/, "");
  const built = pairedStatistic(metric, pairing.data);
  if ("unavailable" in built) throw new Error(built.unavailable);
  return { statistic: built.statistic, n: pairing.data.n };
}

function expectClose(actual: number | undefined, expected: number, what: string, tolerance = 1e-9): void {
  expect(actual, what).toBeTypeOf("number");
  expect(Math.abs((actual ?? Number.NaN) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );
}

describe("the reference fixtures", () => {
  it("record how they were made", () => {
    for (const file of [random, bootstrap, mcnemar]) {
      expect(file.command).toBe("/usr/bin/python3 test/fixtures/gate/generate.py");
      expect(file.scipy).toMatch(/^\d+\.\d+/);
    }
    expect(bootstrap.cases.length).toBeGreaterThanOrEqual(20);
    expect(mcnemar.cases.length).toBeGreaterThanOrEqual(15);
  });
});

describe("the random stream", () => {
  it.each(random.streams)("xoshiro128** seeded with $seed via splitmix64", ({ seed, uint32 }) => {
    const rng = new Random(seed);
    expect(uint32.map(() => rng.nextUint32())).toEqual(uint32);
  });

  it.each(random.bounded)("uniform integers below $n (Lemire, with rejection)", ({ seed, n, values }) => {
    const rng = new Random(seed);
    const threshold = lemireThreshold(n);
    expect(values.map(() => rng.below(n, threshold))).toEqual(values);
  });

  it.each(random.jumps)("jumps 2^64 draws on from seed $seed (each resample's stream)", ({ seed, states }) => {
    const rng = new Random(seed);
    const unsigned = (): number[] => Array.from(rng.state, (word) => word >>> 0);
    for (const state of states) {
      rng.jump();
      expect(unsigned()).toEqual(state);
    }
    expect(Array.from(resampleStates(seed, 3), (word) => word >>> 0).slice(4)).toEqual(states.slice(0, 2).flat());
  });
});

describe("the paired bootstrap matches scikit-learn on every resample", () => {
  it.each(bootstrap.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { statistic, n } = statisticOf(c);
    const [candidate, baseline] = pointValues(statistic, n);
    expectClose(candidate - baseline, c.expected.point_delta, "point delta");
    const deltas = bootstrapDeltas(statistic, n, c, c.relative);
    c.expected.first_deltas.forEach((expected, i) => {
      if (expected === null) expect(Number.isNaN(deltas[i])).toBe(true);
      else expectClose(deltas[i], expected, `delta of resample ${i}`);
    });
    expect(deltas.filter((d) => Number.isNaN(d)).length).toBe(c.expected.undefined_resamples);
    const outcome = pairedBootstrap(statistic, n, c, c.relative);
    if (c.expected.unavailable) {
      expect(outcome).toEqual({
        unavailable: `the metric is undefined in ${c.expected.undefined_resamples} of ${c.resamples} resamples (too few rows of some class)`,
      });
      return;
    }
    if (!("interval" in outcome)) throw new Error(outcome.unavailable);
    expectClose(outcome.interval.low, c.expected.low ?? Number.NaN, "low");
    expectClose(outcome.interval.high, c.expected.high ?? Number.NaN, "high");
    expect(outcome.interval).toMatchObject({ level: c.level, resamples: c.resamples, seed: c.seed });
  });
});

describe("what the interval is about", () => {
  const binary = bootstrap.cases.find((c) => c.name === "binary accuracy") as BootstrapCase;
  const settings = { resamples: 500, seed: 42, level: 0.95 };

  it("is reproducible with the seed and changes with it", () => {
    const { statistic, n } = statisticOf(binary);
    expect(bootstrapDeltas(statistic, n, settings, false)).toEqual(bootstrapDeltas(statistic, n, settings, false));
    expect(bootstrapDeltas(statistic, n, { ...settings, seed: 43 }, false)).not.toEqual(
      bootstrapDeltas(statistic, n, settings, false),
    );
  });

  it("is exactly [0, 0] for two identical models: it measures the difference, not either model's spread", () => {
    const same = { ...binary, data: { ...binary.data, candidate_predictions: binary.data.baseline_predictions } };
    const { statistic, n } = statisticOf(same);
    expect(pairedBootstrap(statistic, n, settings, false)).toMatchObject({ interval: { low: 0, high: 0 } });
  });

  it("turns around when candidate and baseline swap", () => {
    const swapped = {
      ...binary,
      data: {
        ...binary.data,
        candidate_predictions: binary.data.baseline_predictions,
        baseline_predictions: binary.data.candidate_predictions,
      },
    };
    const forward = pairedBootstrap(statisticOf(binary).statistic, 120, settings, false);
    const backward = pairedBootstrap(statisticOf(swapped).statistic, 120, settings, false);
    if (!("interval" in forward) || !("interval" in backward)) throw new Error("expected intervals");
    expect(backward.interval.low).toBeCloseTo(-forward.interval.high, 12);
    expect(backward.interval.high).toBeCloseTo(-forward.interval.low, 12);
  });

  it("contains the point delta, and lies below zero for a candidate that answers at random", () => {
    for (const name of ["binary accuracy", "binary accuracy, random candidate"]) {
      const c = bootstrap.cases.find((x) => x.name === name) as BootstrapCase;
      expect(c.expected.low).toBeLessThanOrEqual(c.expected.point_delta);
      expect(c.expected.high).toBeGreaterThanOrEqual(c.expected.point_delta);
    }
    const random = bootstrap.cases.find((x) => x.name === "binary accuracy, random candidate") as BootstrapCase;
    expect(random.expected.high).toBeLessThan(0);
  });
});

describe("McNemar's exact test matches scipy.stats.binomtest", () => {
  it.each(mcnemar.cases)("$candidate_only vs $baseline_only discordant rows", (c) => {
    const p = binomialTwoSidedHalf(c.candidate_only, c.candidate_only + c.baseline_only);
    // Relative agreement, so tiny p-values are checked as closely as large ones; scipy's 0 is an underflow.
    if (c.p_value === 0) expect(p).toBeLessThan(1e-300);
    else expect(Math.abs(p - c.p_value) / c.p_value, `${p} vs scipy ${c.p_value}`).toBeLessThanOrEqual(1e-9);
  });

  it("counts the discordant rows of two models", () => {
    const candidate = Uint8Array.from([1, 1, 0, 0, 1, 0, 1]);
    const baseline = Uint8Array.from([1, 0, 1, 1, 1, 1, 0]);
    const result = mcnemarExact(candidate, baseline);
    expect(result).toMatchObject({ candidateOnly: 2, baselineOnly: 3 });
    // 2 P(X <= 2) for X ~ Binomial(5, 1/2) is exactly 1.
    expect(result.pValue).toBeCloseTo(1, 12);
  });
});

describe("pairing refuses rows it cannot prove are the same, and says why", () => {
  const labels = ["a", "b", "a", "c"];
  const preds = ["a", "b", "b", "c"];

  it("pairs by id whatever the order, giving the same interval as files in the same order", () => {
    const ids = ["r1", "r2", "r3", "r4"];
    const order = [2, 0, 3, 1];
    const shuffled = predictionsOf(
      order.map((i) => labels[i] ?? ""),
      order.map((i) => preds[i] ?? ""),
      { ids: order.map((i) => ids[i] ?? "") },
    );
    const candidate = predictionsOf(labels, ["a", "a", "a", "c"], { ids });
    const byId = pairPredictions(candidate, shuffled, undefined);
    const byPosition = pairPredictions(
      predictionsOf(labels, ["a", "a", "a", "c"]),
      predictionsOf(labels, preds),
      undefined,
    );
    if (!byId.paired || !byPosition.paired) throw new Error("expected both to pair");
    expect(byId.how).toBe("paired by row id: the same 4 ids in both files, with the same labels");
    expect(byPosition.how).toMatch(/^paired by position: both files hold the same 4 labels in the same order/);
    const interval = (data: typeof byId.data) => {
      const built = pairedStatistic("accuracy", data);
      if (!("statistic" in built)) throw new Error(built.unavailable);
      return pairedBootstrap(built.statistic, 4, { resamples: 200, seed: 1, level: 0.95 }, false);
    };
    expect(interval(byId.data)).toEqual(interval(byPosition.data));
  });

  it("refuses different row counts without ids", () => {
    expect(
      pairPredictions(predictionsOf(labels, preds), predictionsOf(labels.slice(1), preds.slice(1)), undefined),
    ).toEqual({
      paired: false,
      reason:
        "without a row id column (evaluate.predictions.id) rows pair only by position, and the files hold different rows: 4 in the candidate's, 3 in the baseline's",
    });
  });

  it("refuses the same rows in another order without ids, naming the first row that differs", () => {
    const outcome = pairPredictions(
      predictionsOf(labels, preds),
      predictionsOf([...labels].reverse(), preds),
      undefined,
    );
    expect(outcome).toEqual({
      paired: false,
      reason:
        'without a row id column (evaluate.predictions.id) rows pair only by position, and the labels differ (row 2: "a" in the candidate\'s, "c" in the baseline\'s): the rows cannot be shown to be the same',
    });
  });

  it("refuses different ids, naming some on each side", () => {
    const outcome = pairPredictions(
      predictionsOf(labels, preds, { ids: ["1", "2", "3", "4"] }),
      predictionsOf(labels, preds, { ids: ["1", "2", "3", "5"] }),
      undefined,
    );
    expect(outcome).toEqual({
      paired: false,
      reason:
        'the files hold different rows: 1 row id(s) only in the candidate\'s ("4"), 1 only in the baseline\'s ("5")',
    });
  });

  it("refuses an id whose label differs between the files", () => {
    const outcome = pairPredictions(
      predictionsOf(labels, preds, { ids: ["1", "2", "3", "4"] }),
      predictionsOf(["a", "b", "c", "a"], preds, { ids: ["1", "2", "3", "4"] }),
      undefined,
    );
    expect(outcome).toEqual({
      paired: false,
      reason: 'row id "3" has the label "a" in the candidate\'s predictions but "c" in the baseline\'s',
    });
  });

  it("refuses labels the baseline never saw", () => {
    const outcome = pairPredictions(
      predictionsOf([...labels, "fish"], [...preds, "fish"], { ids: ["1", "2", "3", "4", "5"] }),
      predictionsOf([...labels, "a"], [...preds, "a"], { ids: ["1", "2", "3", "4", "5"] }),
      undefined,
    );
    expect(outcome).toEqual({
      paired: false,
      reason:
        "the candidate's labels include \"fish\", which the baseline's predictions never contain: the two were evaluated on different data",
    });
  });

  it("refuses a baseline without the id column the candidate has", () => {
    expect(
      pairPredictions(
        predictionsOf(labels, preds, { ids: ["1", "2", "3", "4"] }),
        predictionsOf(labels, preds),
        undefined,
      ),
    ).toEqual({
      paired: false,
      reason: "the baseline's predictions have no row id column, so rows cannot be matched",
    });
  });
});
