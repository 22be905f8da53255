import type { CommandSpec } from "../command.ts";
import { checkCommand } from "./check.ts";
import { initCommand } from "./init.ts";
import { modelsCommand } from "./models.ts";
import { planCommand } from "./plan.ts";
import { profileCommand } from "./profile.ts";
import { promoteCommand } from "./promote.ts";
import { pullCommand } from "./pull.ts";
import { reportCommand } from "./report.ts";
import { retrainCommand } from "./retrain.ts";
import { rollbackCommand } from "./rollback.ts";
import { runCommand } from "./run.ts";
import { selectCommand } from "./select.ts";
import { evaluateCommand, gateCommand, publishCommand, trainCommand, validateCommand } from "./stages.ts";
import { sweepCommand } from "./sweep.ts";

/** Every `mlops` command, in the order `mlops --help` lists them (the pipeline's order, then the registry's). */
export const COMMANDS: readonly CommandSpec[] = [
  initCommand,
  checkCommand,
  validateCommand,
  profileCommand,
  trainCommand,
  evaluateCommand,
  gateCommand,
  reportCommand,
  publishCommand,
  runCommand,
  retrainCommand,
  planCommand,
  sweepCommand,
  selectCommand,
  modelsCommand,
  promoteCommand,
  rollbackCommand,
  pullCommand,
];
