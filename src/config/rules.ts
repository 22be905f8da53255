import type { ConfigDiagnostic } from "../errors.ts";
import type { MlopsConfig } from "./schema/index.ts";
import { checkData } from "./rules/data.ts";
import { checkDeploy } from "./rules/deploy.ts";
import { checkEvaluate } from "./rules/evaluate.ts";
import { checkGate } from "./rules/gate.ts";
import { checkMonitor } from "./rules/monitor.ts";
import { checkPaths } from "./rules/paths.ts";
import { checkPredict } from "./rules/predict.ts";
import { checkPublish } from "./rules/publish.ts";
import { collectInto, type RuleContext } from "./rules/report.ts";
import { checkRetrain } from "./rules/retrain.ts";
import { checkSigning } from "./rules/signing.ts";
import { checkTrain } from "./rules/train.ts";

/**
 * Rules that span fields (STYLE.md "validate in phases"): the shape is already valid here; these find configs that
 * parse but cannot work, or probably do not mean what they say. Returned as data; the door decides how to print.
 * One module per concern under rules/; paths are found through the schema's marks (schema/path-field.ts).
 */

export type { RuleContext };

export function checkConfigRules(config: MlopsConfig, context: RuleContext): ConfigDiagnostic[] {
  const found: ConfigDiagnostic[] = [];
  const report = collectInto(found);
  checkPaths(config, context, report);
  checkGate(config, report);
  checkEvaluate(config, report);
  checkData(config, report);
  checkTrain(config, report);
  checkPublish(config, report);
  checkRetrain(config, report);
  checkMonitor(config, report);
  checkDeploy(config, report);
  checkPredict(config, context, report);
  checkSigning(config, context, report);
  return found;
}
