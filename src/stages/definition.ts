import type * as z from "../zod.ts";
import type { StageContext } from "../context/context.ts";
import type { Published } from "../github/publish.ts";
import type { StageRun } from "../pipeline/stage-run.ts";
import type { StageOptionsSchema } from "./options.ts";

/**
 * A stage as both doors see it, declared once: `mlops <name>` and `actions/<name>` are built from it (src/cli/stage-
 * command.ts, src/actions/door.ts), and so are the action's action.yml, its bundle and its table in docs/actions.md. The work
 * itself is the stage's runner (src/pipeline/stages.ts, src/retrain/ ...), which `mlops run`, `mlops retrain` and the
 * local sweep call too: it returns the StageRun, with the result, its report section and the exit code it deserves.
 */
export interface StageDefinition<Options extends StageOptionsSchema, Result extends { stage: string }> {
  /** `mlops <name>`, `actions/<name>`, and `<workspace>/out/<name>.json`. */
  name: string;
  /** The options both doors take, each with its CLI flag and action input (./options.ts). */
  options: Options;
  run(context: StageContext, options: z.output<Options>): Promise<StageRun<Result>>;
  /** `mlops <name>`; null for a stage the CLI reaches through another command (retrain's steps). */
  command: StageCommand<Result> | null;
  action: StageAction<Options, Result>;
}

export interface StageCommand<Result extends { stage: string }> {
  /** One line in `mlops --help`; the first line of `mlops <name> --help`. */
  summary: string;
  /** More lines for `mlops <name> --help`. */
  details?: string;
  /** A paragraph printed after the report (plan prints the strategy.matrix JSON). */
  epilogue?(run: StageRun<Result>): string;
}

export type OutputValue = string | number | boolean;

export interface StageAction<Options extends StageOptionsSchema, Result extends { stage: string }> {
  /** action.yml's `name`; `mlops-kit <name>` unless given. */
  title?: string;
  /** action.yml's `description`. */
  description: string;
  /** A Feather icon for the Marketplace (action.yml's branding; the colour is always green). */
  icon: string;
  /** The outputs besides `report` and `summary` (which every stage action sets), in action.yml's order. */
  outputs: Record<string, ActionOutput<Result>>;
  /** The descriptions of the `report` and `summary` outputs, where a stage says more than the default. */
  files?: { report?: string; summary?: string };
  /** The verdict-like output, set to `error` when the stage cannot run. */
  verdictOutput: "verdict" | "result";
  /** The step's failure message when the exit code is not 0. */
  failureMessage(run: StageRun<Result>): string;
  /** What only the action does once the stage ran: posting the report to the pull request. */
  post?(context: StageContext, run: StageRun<Result>, options: z.output<Options>): Promise<Published | null>;
  /** action.yml's order of the stage's inputs, where it is not the options' (train's; kept as it was). */
  inputOrder?: readonly (keyof z.output<Options> & string)[];
}

export interface ActionOutput<Result extends { stage: string }> {
  description: string;
  /** The output's value; `posted` is what {@link StageAction.post} posted, if anything. */
  value(run: StageRun<Result>, posted: Published | null): OutputValue;
}

/** A definition whatever its options and result, as the list and the doors hold it. */
export type AnyStageDefinition = StageDefinition<StageOptionsSchema, { stage: string }>;

/** Checks a definition's parts against each other (options against run, result against outputs) where it is written. */
export function defineStage<Options extends StageOptionsSchema, Result extends { stage: string }>(
  definition: StageDefinition<Options, Result>,
): StageDefinition<Options, Result> {
  return definition;
}
