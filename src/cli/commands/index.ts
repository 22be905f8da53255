import type { CommandEntry } from "../command.ts";

/**
 * Every `mlops` command, in the order `mlops --help` lists them (the pipeline's order, then the registry's). A command's
 * module is loaded only when that command runs: between them they reach Octokit, the AWS SDK and every stage, and
 * `mlops check` should not pay to load what `mlops report` needs.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "init", load: async () => (await import("./init.ts")).initCommand },
  { name: "check", load: async () => (await import("./check.ts")).checkCommand },
  { name: "validate", load: async () => (await import("./stages.ts")).validateCommand },
  { name: "profile", load: async () => (await import("./profile.ts")).profileCommand },
  { name: "train", load: async () => (await import("./stages.ts")).trainCommand },
  { name: "evaluate", load: async () => (await import("./stages.ts")).evaluateCommand },
  { name: "gate", load: async () => (await import("./stages.ts")).gateCommand },
  { name: "report", load: async () => (await import("./report.ts")).reportCommand },
  { name: "publish", load: async () => (await import("./stages.ts")).publishCommand },
  { name: "run", load: async () => (await import("./run.ts")).runCommand },
  { name: "retrain", load: async () => (await import("./retrain.ts")).retrainCommand },
  { name: "plan", load: async () => (await import("./plan.ts")).planCommand },
  { name: "sweep", load: async () => (await import("./sweep.ts")).sweepCommand },
  { name: "select", load: async () => (await import("./select.ts")).selectCommand },
  { name: "models", load: async () => (await import("./models.ts")).modelsCommand },
  { name: "promote", load: async () => (await import("./promote.ts")).promoteCommand },
  { name: "rollback", load: async () => (await import("./rollback.ts")).rollbackCommand },
  { name: "pull", load: async () => (await import("./pull.ts")).pullCommand },
];
