import { loadStage, STAGES } from "../../stages/index.ts";
import type { CommandEntry } from "../command.ts";

/**
 * Every `mlops` command, in the order `mlops --help` lists them (the pipeline's order, then the registry's): a command
 * per stage with one of its own (src/stages/index.ts, in the stages' order), and the commands that are not stages,
 * each placed after the command it follows. A command's module is loaded only when that command runs: between them
 * they reach Octokit, the AWS SDK and every stage, and `mlops check` should not pay to load what `mlops report` needs.
 */
const OTHER_COMMANDS: readonly (CommandEntry & { after: string | null })[] = [
  { name: "init", after: null, load: async () => (await import("./init.ts")).initCommand },
  { name: "check", after: "init", load: async () => (await import("./check.ts")).checkCommand },
  { name: "config", after: "check", load: async () => (await import("./config.ts")).configCommand },
  { name: "profile", after: "validate", load: async () => (await import("./profile.ts")).profileCommand },
  { name: "report", after: "gate", load: async () => (await import("./report.ts")).reportCommand },
  { name: "run", after: "publish", load: async () => (await import("./run.ts")).runCommand },
  { name: "retrain", after: "run", load: async () => (await import("./retrain.ts")).retrainCommand },
  { name: "monitor", after: "retrain", load: async () => (await import("./monitor.ts")).monitorCommand },
  { name: "deploy", after: "monitor", load: async () => (await import("./deploy.ts")).deployCommand },
  { name: "canary", after: "deploy", load: async () => (await import("./canary.ts")).canaryCommand },
  { name: "predict", after: "canary", load: async () => (await import("./predict.ts")).predictCommand },
  { name: "sweep", after: "plan", load: async () => (await import("./sweep.ts")).sweepCommand },
  { name: "models", after: "select", load: async () => (await import("./models.ts")).modelsCommand },
  { name: "promote", after: "models", load: async () => (await import("./promote.ts")).promoteCommand },
  { name: "rollback", after: "promote", load: async () => (await import("./rollback.ts")).rollbackCommand },
  { name: "pull", after: "rollback", load: async () => (await import("./pull.ts")).pullCommand },
  { name: "verify", after: "pull", load: async () => (await import("./verify.ts")).verifyCommand },
  { name: "sign", after: "verify", load: async () => (await import("./sign.ts")).signCommand },
  { name: "compare", after: "sign", load: async () => (await import("./compare.ts")).compareCommand },
  { name: "metrics", after: "compare", load: async () => (await import("./metrics.ts")).metricsCommand },
];

function inHelpOrder(): CommandEntry[] {
  const commands: CommandEntry[] = STAGES.filter((stage) => stage.command).map(({ name }) => ({
    name,
    load: async () => (await import("../stage-command.ts")).stageCommand(await loadStage(name)),
  }));
  for (const { after, ...command } of OTHER_COMMANDS) {
    const at = after === null ? 0 : commands.findIndex((c) => c.name === after) + 1;
    if (at === 0 && after !== null) throw new Error(`mlops ${command.name} is placed after an unknown command`);
    commands.splice(at, 0, command);
  }
  return commands;
}

export const COMMANDS: readonly CommandEntry[] = inHelpOrder();
