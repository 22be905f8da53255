import { testChain } from "./context.ts";
import { GATE_RESULT_FORMAT, type GateResult } from "../../src/gate/gate.ts";
import type { RuleOutcome } from "../../src/gate/rules.ts";

/** A head commit, as a pull request's payload carries it. */
export const HEAD_SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

/** One check's outcome, failing accuracy by default. */
export function outcome(overrides: Partial<RuleOutcome> = {}): RuleOutcome {
  return {
    rule: 0,
    metric: "accuracy",
    slice: null,
    kind: "change",
    direction: "higher",
    candidate: 0.82,
    baseline: 0.88,
    delta: -0.06,
    relative: false,
    requirement: "regression <= 0.02",
    verdict: "fail",
    reason: "fell from 0.88 to 0.82: worse by 0.06, more than the allowed 0.02",
    significance: null,
    ...overrides,
  };
}

/** A gate result as the gate stage writes it (the report artifact), for a failing pull request by default. */
export function gateResult(overrides: Partial<GateResult> = {}): GateResult {
  return {
    stage: "gate",
    format: GATE_RESULT_FORMAT,
    verdict: "fail",
    model: "penguins",
    baseline: { description: "champion (v20260101T120000000Z-abcdef)", version: "v20260101T120000000Z-abcdef" },
    candidate: `pull request #2 (head ${HEAD_SHA.slice(0, 7)})`,
    source: {
      repository: "octo-org/ml-repo",
      workflow: "ci",
      job: "model",
      runUrl: "https://github.com/octo-org/ml-repo/actions/runs/4242",
      pullRequest: { number: 2, headSha: HEAD_SHA, headRef: "changes", baseRef: "main" },
      commit: HEAD_SHA,
    },
    outcomes: [
      outcome(),
      outcome({
        rule: 1,
        kind: "value",
        verdict: "pass",
        requirement: ">= 0.8",
        delta: null,
        reason: "0.82 is >= 0.8",
      }),
    ],
    comparison: [
      { metric: "accuracy", direction: "higher", baseline: 0.88, candidate: 0.82, delta: -0.06, change: "worse" },
    ],
    pairing: { status: "not-needed", detail: "no rule asks for significance" },
    notes: [],
    rules: [
      { metric: "accuracy", line: 12, description: null },
      { metric: "accuracy", line: 13, description: "better than guessing" },
    ],
    configFile: "ml/mlops.yml",
    evaluation: {
      rows: 111,
      confusion: {
        labels: ["FEMALE", "MALE"],
        matrix: [
          [50, 6],
          [7, 48],
        ],
      },
    },
    chain: testChain({ id: "20260101T120000000Z-000003", evaluation: "20260101T120000000Z-000002" }),
    ...overrides,
  };
}
