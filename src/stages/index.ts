import type { AnyStageDefinition } from "./definition.ts";

/**
 * Every stage, in the pipeline's order: the one list the CLI's stage commands (and their place in `mlops --help`), the
 * bundled actions (build.mjs), their action.yml files and the action tables of docs/actions.md are built from. An entry is
 * small on purpose: a definition's module reaches the stage's code (the AWS SDK, Octokit ...), so it is loaded only
 * when that stage runs, and `mlops check` loads none of them.
 */
export interface StageEntry {
  name: string;
  /** Whether `mlops <name>` runs it; retrain's steps run through `mlops retrain` instead. */
  command: boolean;
  load(): Promise<AnyStageDefinition>;
}

export const STAGES = [
  { name: "validate", command: true, load: async () => (await import("./validate.ts")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train.ts")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate.ts")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate.ts")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish.ts")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan.ts")).planStage },
  { name: "select", command: true, load: async () => (await import("./select.ts")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain.ts")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain.ts")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor.ts")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy.ts")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary.ts")).canaryStage },
  { name: "predict", command: false, load: async () => (await import("./predict.ts")).predictStage },
] as const satisfies readonly StageEntry[];

export type StageName = (typeof STAGES)[number]["name"];

/** The named stage's definition. */
export async function loadStage(name: string): Promise<AnyStageDefinition> {
  const entry: StageEntry | undefined = STAGES.find((stage) => stage.name === name);
  if (!entry) throw new Error(`no stage is named ${name} (src/stages/index.ts lists them)`);
  const definition = await entry.load();
  if (definition.name !== entry.name || (definition.command !== null) !== entry.command)
    throw new Error(`src/stages/index.ts lists ${entry.name} unlike its definition says`);
  return definition;
}
