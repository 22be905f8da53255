import { readFile } from "node:fs/promises";
import { parseAction } from "@actions/workflow-parser/actions/index";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";

/**
 * Validation of workflow and action YAML with GitHub's own parser (@actions/workflow-parser): unknown keys, bad
 * expressions and contexts, bad cron, undefined `needs`, bad `runs.using`. Returns the error messages.
 */
export async function actionYamlErrors(file: string): Promise<string[]> {
  const content = await readFile(file, "utf8");
  const result = parseAction({ name: file, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}

export async function workflowYamlErrors(file: string): Promise<string[]> {
  const content = await readFile(file, "utf8");
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}
