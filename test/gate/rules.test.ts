import { describe, expect, it } from "vitest";
import type { SliceMetrics } from "../../src/evaluate/evaluate.ts";
import { runGate } from "../../src/gate/gate.ts";
import { type Baseline, evaluateRules, type RuleOutcome } from "../../src/gate/rules.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { configOf, parse } from "../helpers/config.ts";
import { stageContext, testChain } from "../helpers/context.ts";
import { tempDir } from "../helpers/temp.ts";

/** Gate rule semantics (DOMAIN.md §2), through the pure `evaluateRules`. */

const HEAD = `version: 1
model: { name: demo }
train: { command: node train.mjs, outputs: [model/] }
evaluate:
  predictions: predictions.csv
  metrics_file: metrics.json
  custom_metrics:
    latency_ms: { direction: lower }
  slices: [country]
gate:
  rules:
`;

const configWith = (...rules: string[]) => configOf(`${HEAD}${rules.map((r) => `    - ${r}\n`).join("")}`);

const baselineOf = (metrics: Record<string, number>, slices: SliceMetrics[] = []): Baseline => ({
  description: "champion (v1)",
  version: "v1",
  metrics,
  slices,
  predictionsFile: null,
  hasPredictions: false,
});

/** Outcomes of one rule against candidate metrics (and a baseline, when given). */
function check(rule: string, candidate: Record<string, number>, baseline?: Record<string, number>): RuleOutcome[] {
  return evaluateRules(configWith(rule), { metrics: candidate, slices: [] }, baseline ? baselineOf(baseline) : null);
}

const verdicts = (outcomes: RuleOutcome[]): string[] => outcomes.map((o) => `${o.kind} ${o.verdict}`);

/** Every number anywhere in the outcomes, and every text: NaN must never appear in either. */
function expectNoNaN(value: unknown): void {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && Number.isNaN(v) ? "NaN!" : v));
  expect(text).not.toContain("NaN");
}

describe("value rules", () => {
  it("passes on both bounds: they are inclusive", () => {
    const rule = "{ metric: accuracy, min: 0.8, max: 0.9 }";
    expect(check(rule, { accuracy: 0.8 })[0]).toMatchObject({
      kind: "value",
      verdict: "pass",
      requirement: ">= 0.8 and <= 0.9",
      reason: "0.8 is >= 0.8 and <= 0.9",
    });
    expect(check(rule, { accuracy: 0.9 })[0]?.verdict).toBe("pass");
    expect(check(rule, { accuracy: 0.79 })[0]).toMatchObject({
      verdict: "fail",
      reason: "0.79 is below the minimum 0.8",
    });
    expect(check(rule, { accuracy: 0.91 })[0]).toMatchObject({
      verdict: "fail",
      reason: "0.91 is above the maximum 0.9",
    });
  });

  it("gives a sum that lands a hair off a bound the benefit of the doubt", () => {
    // 0.1 + 0.7 is 0.7999999999999999 in floating point: still "0.8" to anyone reading the report.
    expect(check("{ metric: accuracy, min: 0.8 }", { accuracy: 0.1 + 0.7 })[0]?.verdict).toBe("pass");
  });

  it("applies a max to a lower-is-better metric", () => {
    const rule = "{ metric: latency_ms, max: 50 }";
    expect(check(rule, { latency_ms: 50 })[0]).toMatchObject({ verdict: "pass", direction: "lower" });
    expect(check(rule, { latency_ms: 50.5 })[0]).toMatchObject({
      verdict: "fail",
      reason: "50.5 is above the maximum 50",
    });
  });
});

describe("change rules", () => {
  it("allows at most max_regression on a higher-is-better metric", () => {
    const rule = "{ metric: accuracy, max_regression: 0.02 }";
    expect(check(rule, { accuracy: 0.85 }, { accuracy: 0.86 })[0]).toMatchObject({
      kind: "change",
      verdict: "pass",
      baseline: 0.86,
      requirement: "regression <= 0.02",
      reason: "fell from 0.86 to 0.85: worse by 0.01, within the allowed 0.02",
    });
    const failed = check(rule, { accuracy: 0.8 }, { accuracy: 0.86 })[0];
    expect(failed).toMatchObject({
      verdict: "fail",
      reason: "fell from 0.86 to 0.8: worse by 0.06, more than the allowed 0.02",
    });
    expect(failed?.delta).toBeCloseTo(-0.06, 12);
    expect(check(rule, { accuracy: 0.9 }, { accuracy: 0.86 })[0]).toMatchObject({
      verdict: "pass",
      reason: "rose from 0.86 to 0.9: no regression",
    });
  });

  it("allows at most max_regression upwards on a lower-is-better metric", () => {
    const rule = "{ metric: log_loss, max_regression: 0.05 }";
    expect(check(rule, { log_loss: 0.34 }, { log_loss: 0.3 })[0]).toMatchObject({
      verdict: "pass",
      direction: "lower",
      reason: "rose from 0.3 to 0.34: worse by 0.04, within the allowed 0.05",
    });
    expect(check(rule, { log_loss: 0.36 }, { log_loss: 0.3 })[0]).toMatchObject({
      verdict: "fail",
      reason: "rose from 0.3 to 0.36: worse by 0.06, more than the allowed 0.05",
    });
    // Lower is better, so a big drop is no regression at all.
    expect(check(rule, { log_loss: 0.1 }, { log_loss: 0.3 })[0]).toMatchObject({ verdict: "pass" });
  });

  it("passes 0.87 against 0.88 with max_regression 0.01 despite floating-point error", () => {
    expect(0.87 - 0.88).toBeLessThan(-0.01); // the trap: -0.010000000000000009
    expect(
      check("{ metric: accuracy, max_regression: 0.01 }", { accuracy: 0.87 }, { accuracy: 0.88 })[0],
    ).toMatchObject({
      verdict: "pass",
    });
    expect(
      check("{ metric: accuracy, max_regression: 0.01 }", { accuracy: 0.869 }, { accuracy: 0.88 })[0]?.verdict,
    ).toBe("fail");
  });

  it("requires min_improvement in the metric's good direction", () => {
    const higher = "{ metric: accuracy, min_improvement: 0.01 }";
    expect(check(higher, { accuracy: 0.91 }, { accuracy: 0.9 })[0]).toMatchObject({
      verdict: "pass",
      requirement: "improvement >= 0.01",
    });
    expect(check(higher, { accuracy: 0.905 }, { accuracy: 0.9 })[0]).toMatchObject({
      verdict: "fail",
      reason: "rose from 0.9 to 0.905: better by 0.005, short of the required improvement of 0.01",
    });
    const lower = "{ metric: latency_ms, min_improvement: 5 }";
    expect(check(lower, { latency_ms: 40 }, { latency_ms: 50 })[0]).toMatchObject({
      verdict: "pass",
      reason: "fell from 50 to 40: better by 10",
    });
    expect(check(lower, { latency_ms: 48 }, { latency_ms: 50 })[0]?.verdict).toBe("fail");
  });

  it("compares relative changes against |baseline|", () => {
    const rule = "{ metric: accuracy, max_regression: 0.05, relative: true }";
    const within = check(rule, { accuracy: 0.76 }, { accuracy: 0.8 })[0];
    expect(within).toMatchObject({ verdict: "pass", relative: true, requirement: "regression <= 5%" });
    expect(within?.delta).toBeCloseTo(-0.05, 12);
    expect(check(rule, { accuracy: 0.75 }, { accuracy: 0.8 })[0]).toMatchObject({
      verdict: "fail",
      reason: "fell from 0.8 to 0.75: worse by 6.25%, more than the allowed 5%",
    });
    // A negative baseline: the sign of the change still says which way it went.
    const negative = check(
      "{ metric: score, max_regression: 0.1, relative: true, direction: higher }",
      { score: -2.4 },
      {
        score: -2,
      },
    )[0];
    expect(negative?.delta).toBeCloseTo(-0.2, 12);
    expect(negative?.verdict).toBe("fail");
  });

  it("fails a relative rule against a baseline of 0 with a message, never NaN", () => {
    for (const candidate of [0, 0.3]) {
      const outcomes = check(
        "{ metric: log_loss, max_regression: 0.1, relative: true }",
        { log_loss: candidate },
        { log_loss: 0 },
      );
      expect(outcomes).toEqual([
        expect.objectContaining({
          kind: "change",
          verdict: "fail",
          baseline: 0,
          delta: null,
          reason: "a relative change cannot be computed against a baseline of 0; use an absolute rule",
        }),
      ]);
      expectNoNaN(outcomes);
    }
  });

  it("skips a change rule whose metric the baseline lacks, and says why", () => {
    expect(check("{ metric: accuracy, max_regression: 0.01 }", { accuracy: 0.9 }, { f1_macro: 0.8 })[0]).toMatchObject({
      verdict: "skipped",
      baseline: null,
      reason: 'the baseline has no value for "accuracy", so there is nothing to compare with',
    });
  });
});

describe("first run, severity, slices and missing metrics", () => {
  it("skips change rules on the first run but still applies value rules", () => {
    const config = configWith(
      "{ metric: accuracy, min: 0.8, max_regression: 0.01 }",
      "{ metric: latency_ms, max_regression: 1 }",
    );
    const outcomes = evaluateRules(config, { metrics: { accuracy: 0.7, latency_ms: 10 }, slices: [] }, null);
    expect(outcomes.map((o) => [o.rule, o.kind, o.verdict, o.reason])).toEqual([
      [0, "value", "fail", "0.7 is below the minimum 0.8"],
      [0, "change", "skipped", "no baseline yet (first run): change rules are skipped"],
      [1, "change", "skipped", "no baseline yet (first run): change rules are skipped"],
    ]);
  });

  it("turns a failure of a warn-severity rule into a warning", () => {
    const outcomes = check("{ metric: accuracy, min: 0.9, severity: warn }", { accuracy: 0.85 });
    expect(verdicts(outcomes)).toEqual(["value warn"]);
    expect(outcomes[0]?.reason).toBe("0.85 is below the minimum 0.9");
    expect(verdicts(check("{ metric: accuracy, min: 0.8, severity: warn }", { accuracy: 0.85 }))).toEqual([
      "value pass",
    ]);
  });

  it("applies a slice rule to every value of the slice, against the same slice of the baseline", () => {
    const slice = (value: string, accuracy: number): SliceMetrics => ({
      column: "country",
      value,
      rows: 10,
      metrics: { accuracy },
    });
    const config = configWith("{ metric: accuracy, slice: country, min: 0.7, max_regression: 0.05 }");
    const outcomes = evaluateRules(
      config,
      { metrics: { accuracy: 0.8 }, slices: [slice("DE", 0.9), slice("FR", 0.65), slice("IT", 0.8)] },
      baselineOf({ accuracy: 0.8 }, [slice("DE", 0.8), slice("FR", 0.66), slice("IT", 0.9)]),
    );
    expect(outcomes.map((o) => [o.slice?.value, o.kind, o.verdict])).toEqual([
      ["DE", "value", "pass"],
      ["DE", "change", "pass"],
      ["FR", "value", "fail"],
      ["FR", "change", "pass"],
      ["IT", "value", "pass"],
      ["IT", "change", "fail"],
    ]);
    expect(outcomes[5]?.reason).toBe("fell from 0.9 to 0.8: worse by 0.1, more than the allowed 0.05");
  });

  it("is an error when the slice was not computed at all", () => {
    const outcomes = evaluateRules(
      configWith("{ metric: accuracy, slice: country, min: 0.7 }"),
      { metrics: { accuracy: 0.8 }, slices: [] },
      null,
    );
    expect(outcomes).toEqual([
      expect.objectContaining({ verdict: "error", slice: null, reason: 'no slices of "country" were computed' }),
    ]);
  });

  it("gives the verdict error when the candidate lacks a ruled metric", () => {
    const outcomes = check("{ metric: latency_ms, max: 50, max_regression: 5 }", { accuracy: 0.9 }, { latency_ms: 40 });
    expect(outcomes).toEqual([
      expect.objectContaining({
        verdict: "error",
        candidate: null,
        delta: null,
        reason: 'the candidate has no value for "latency_ms"',
      }),
    ]);
    expect(verdicts(check("{ metric: accuracy, min: 0.5 }", { accuracy: Number.NaN }))).toEqual(["value error"]);
  });
});

describe("the gate stage's verdict", () => {
  async function gate(config: string, metrics: Record<string, number>) {
    const dir = await tempDir();
    const context = stageContext(parse(config, dir));
    const registry = createRegistry(createLocalStore(context.workspace.registryDir), context.now);
    const evaluation = {
      stage: "evaluate" as const,
      status: "ok" as const,
      metrics,
      sources: {},
      slices: [],
      rows: 10,
      confusion: null,
      predictions: null,
      warnings: [],
      failure: null,
      chain: testChain(),
    };
    return runGate(context, evaluation, registry);
  }

  it("passes on the first run with only change rules skipped, and says so in words", async () => {
    const result = await gate(`${HEAD}    - { metric: accuracy, min: 0.8, max_regression: 0.01 }\n`, {
      accuracy: 0.85,
    });
    expect(result.verdict).toBe("pass");
    expect(result.baseline).toBeNull();
    expect(result.notes).toEqual([
      "First run: there is no baseline yet, so change rules were skipped; value rules still applied.",
    ]);
  });

  it("fails when a rule fails, and is an error (not a fail) when a metric is missing", async () => {
    expect((await gate(`${HEAD}    - { metric: accuracy, min: 0.9 }\n`, { accuracy: 0.85 })).verdict).toBe("fail");
    const missing = await gate(`${HEAD}    - { metric: accuracy, min: 0.9 }\n    - { metric: latency_ms, max: 5 }\n`, {
      accuracy: 0.85,
    });
    expect(missing.verdict).toBe("error");
    expect(missing.outcomes.map((o) => o.verdict)).toEqual(["fail", "error"]);
  });
});
