import { data, Evaluator, Lexer, Parser } from "@actions/expressions";
import type { FunctionDefinition } from "@actions/expressions/funcs/info";
import { truthy } from "@actions/expressions/result";

/**
 * GitHub's own expression engine (@actions/expressions) over the contexts a step sees, as the runner evaluates a
 * step's `if:`, its `with:` and `env:` values, and a composite's outputs. Shared by the composite runner
 * (composite.ts) and the workflow-job runner (workflow-job.ts).
 */

export interface StepEvaluator {
  /** A `${{ }}` expression's value (the braces optional). */
  evaluate: (expression: string) => data.ExpressionData;
  /** `${{ expr }}` pieces in a string, replaced by their values as text. */
  interpolate: (text: string) => string;
  /** A step's `if:` (default `success()`): a bare one implies success() unless it names a status function. */
  shouldRun: (condition: string | undefined) => boolean;
}

export function stepEvaluator(contexts: () => Record<string, unknown>, failed: () => boolean): StepEvaluator {
  const status = new Map<string, FunctionDefinition>([
    ["always", { name: "always", minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) }],
    ["success", { name: "success", minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(!failed()) }],
    ["failure", { name: "failure", minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(failed()) }],
    ["cancelled", { name: "cancelled", minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(false) }],
  ]);
  const evaluate = (expression: string): data.ExpressionData => {
    const values = contexts();
    const lexed = new Lexer(expression.replace(/^\$\{\{\s*|\s*\}\}$/g, "")).lex();
    const parsed = new Parser(lexed.tokens, Object.keys(values), [...status.values()]).parse();
    return new Evaluator(parsed, toExpressionData(values) as data.Dictionary, status).evaluate();
  };
  return {
    evaluate,
    interpolate: (text) =>
      text.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expression: string) => evaluate(expression).coerceString()),
    shouldRun: (condition = "success()") => {
      const bare = condition.replace(/^\$\{\{\s*|\s*\}\}$/g, "");
      const wanted = /\b(always|success|failure|cancelled)\(\)/.test(bare) ? bare : `success() && (${bare})`;
      return truthy(evaluate(wanted));
    },
  };
}

function toExpressionData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData;
}
