import type { MlopsConfig } from "../config/schema/index.ts";
import type { EvaluateResult } from "../evaluate/evaluate.ts";
import type { FileDigest } from "../files/hash.ts";
import type { GateResult } from "../gate/gate.ts";
import type { TrainResult } from "../train/train.ts";
import { type ChainLink, describeTargets, describeTrainRun, modelDifference, StaleInputError } from "../chain/chain.ts";

/**
 * The refusals of the stage chain (DOMAIN.md §6), as pure checks over the results in the workspace and the model
 * files on disk: each throws a {@link StaleInputError} (exit 2) that says whose result it is and which command makes
 * it fresh, and returns nothing when the inputs belong together. `mlops run` never trips them: it runs the stages in
 * order, each on the result the one before it just saved.
 */

/** A result saved by an older mlops-kit carries no chain link: which run it belongs to cannot be told. */
function requireLink(result: { chain?: ChainLink }, what: string, command: string): ChainLink {
  if (result.chain) return result.chain;
  throw new StaleInputError(`the ${what} in the workspace names no train run (an older mlops-kit saved it)`, {
    hint: `run \`${command}\` (or \`mlops run\`)`,
  });
}

/**
 * Before an evaluation: the model on disk must be what the last train run left. No train result at all is allowed
 * (a model put in place by hand is evaluated as such, and publish will ask for a train run); a failed one is not.
 */
export function checkModelFromTrain(config: MlopsConfig, train: TrainResult | null, current: FileDigest[]): void {
  if (!config.train || !train) return;
  const targets = describeTargets(config);
  if (train.status !== "ok") {
    throw new StaleInputError(
      `train run ${train.runId} ${train.status === "failed" ? "failed" : "did not train"}: ${targets} is not its model`,
      { hint: "run `mlops train` (or `mlops run`)" },
    );
  }
  const recorded = train.chain?.model ?? train.outputs;
  const difference = modelDifference(recorded, current);
  if (difference) {
    throw new StaleInputError(`${targets} is not what train run ${train.runId} left: ${difference}`, {
      hint: "run `mlops train` to train it again (or `mlops run`)",
    });
  }
}

/**
 * Before a gate or a publish: the evaluation must be of the last train run, and the model on disk what it evaluated.
 */
export function checkEvaluation(
  config: MlopsConfig,
  evaluation: EvaluateResult,
  train: TrainResult | null,
  current: FileDigest[],
): ChainLink {
  const link = requireLink(evaluation, "evaluation", "mlops evaluate");
  const targets = describeTargets(config);
  if (config.train && train && link.trainRun !== train.runId) {
    throw new StaleInputError(
      `the evaluation is of ${describeTrainRun(link.trainRun)}; the model in ${targets} is from train run ${train.runId}`,
      { hint: "run `mlops evaluate`" },
    );
  }
  if (config.train && !train && link.trainRun !== null) {
    throw new StaleInputError(
      `the evaluation is of train run ${link.trainRun}, whose result is no longer in the workspace`,
      { hint: "run `mlops train` and `mlops evaluate` (or `mlops run`)" },
    );
  }
  const difference = modelDifference(link.model, current);
  if (difference) {
    throw new StaleInputError(
      `the model in ${targets} changed after evaluation ${link.id} (of ${describeTrainRun(link.trainRun)}): ${difference}`,
      { hint: "run `mlops train` and `mlops evaluate` (or `mlops run`)" },
    );
  }
  return link;
}

/** Before a publish: the gate verdict must be of the evaluation in the workspace. */
export function checkGate(gate: GateResult, evaluation: EvaluateResult | null): ChainLink {
  const link = requireLink(gate, "gate verdict", "mlops gate");
  const evaluated = evaluation?.chain?.id ?? null;
  if (link.evaluation !== evaluated) {
    throw new StaleInputError(
      evaluated === null
        ? `the gate verdict is of evaluation ${link.evaluation ?? "(none)"}, which is no longer in the workspace`
        : `the gate verdict is of evaluation ${link.evaluation ?? "(none)"}; the evaluation in the workspace is ${evaluated} (of ${describeTrainRun(evaluation?.chain?.trainRun ?? null)})`,
      { hint: evaluated === null ? "run `mlops evaluate` and `mlops gate`" : "run `mlops gate`" },
    );
  }
  return link;
}

/** Before a publish: what a publish needs from training (its params and run) must exist and be of this model. */
export function checkTrainForPublish(config: MlopsConfig, train: TrainResult | null, current: FileDigest[]): void {
  if (!config.train) return;
  if (!train) {
    throw new StaleInputError(
      `there is no train result in the workspace: nothing records which run made ${describeTargets(config)}, nor its params`,
      { hint: "run `mlops train` (or `mlops run`)" },
    );
  }
  checkModelFromTrain(config, train, current);
}

/**
 * Before a publish: the validation (whose profile is attached as the next drift reference) must be of the data the
 * model was trained on, and that data must not have changed since (the manifest records its fingerprints now).
 */
export function checkData(
  validation: { chain?: ChainLink } | null,
  train: TrainResult | null,
  dataNow: string | null,
): void {
  const trained = train?.chain?.data ?? null;
  if (!train || trained === null) return;
  if (dataNow !== null && dataNow !== trained) {
    throw new StaleInputError(`the data changed after train run ${train.runId} trained on it`, {
      hint: "run `mlops validate` and `mlops train` (or `mlops run`), so the version records the data it was trained on",
    });
  }
  const validated = validation ? requireLink(validation, "validation", "mlops validate").data : null;
  if (validated !== null && validated !== trained) {
    throw new StaleInputError(
      `the validation in the workspace is of other data than train run ${train.runId} trained on`,
      {
        hint: "run `mlops validate` (or `mlops run`)",
      },
    );
  }
}
