import type { CommandSpec } from "../command.ts";
import { checkCommand } from "./check.ts";
import { initCommand } from "./init.ts";
import { modelsCommand } from "./models.ts";
import { profileCommand } from "./profile.ts";
import { promoteCommand } from "./promote.ts";
import { runCommand } from "./run.ts";
import { evaluateCommand, gateCommand, publishCommand, trainCommand, validateCommand } from "./stages.ts";

/** Every `mlops` command, in the order `mlops --help` lists them (the pipeline's order, then the registry's). */
export const COMMANDS: readonly CommandSpec[] = [
  initCommand,
  checkCommand,
  validateCommand,
  profileCommand,
  trainCommand,
  evaluateCommand,
  gateCommand,
  publishCommand,
  runCommand,
  modelsCommand,
  promoteCommand,
];
