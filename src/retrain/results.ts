/**
 * What the two steps of continuous training leave in the workspace: the decision (`retrain decide`) and the outcome
 * (`retrain conclude`). Their own module, so the steps and their report sections import them without importing each
 * other.
 */

export interface Check {
  /** Whether retrain.when asks for this check. */
  enabled: boolean;
  /** true: calls for retraining; false: does not; null: could not be checked (see detail). */
  triggered: boolean | null;
  detail: string;
}

export interface RetrainDecision {
  stage: "retrain-decide";
  model: string;
  shouldRetrain: boolean;
  /** Why retraining is called for, or why not, in words. */
  reasons: string[];
  /** Why retraining is blocked (the data failed validation), or null. */
  blocked: string | null;
  champion: { version: string; createdAt: string; ageDays: number } | null;
  checks: { forced: boolean; drift: Check; age: Check; newData: Check; monitor: Check };
  decidedAt: string;
}

export const DECISION_STEP = "retrain-decide";

export interface RetrainOutcome {
  stage: "retrain";
  model: string;
  /** promoted: better, published and promoted. not-better: gated, not promoted (and not published). skipped: no
   * retraining was called for. failed: training, evaluation or the gate could not complete. blocked: the data failed
   * validation. */
  outcome: "promoted" | "not-better" | "skipped" | "failed" | "blocked";
  reason: string;
  /** The primary metric of the retrained model and of the champion. */
  comparison: {
    metric: string;
    direction: "higher" | "lower";
    champion: number | null;
    candidate: number | null;
  } | null;
  version: string | null;
  promoted: string | null;
  /** Why no alias moved, in a few words for a headline ("the champion is better"); null when promoted or not judged. */
  notPromotedBecause?: string | null;
  /** The last lines of a failed training's output, for the issue (read where no log is above it). */
  trainOutput?: string[];
  issue: { number: number; url: string; action: "opened" | "updated" | "closed" } | null;
  notes: string[];
}

export const OUTCOME_STEP = "retrain";
