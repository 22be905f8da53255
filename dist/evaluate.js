import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-5IZ4RB6I.js";
import {
  runEvaluateStage
} from "./chunks/chunk-OMWDKQC4.js";

// src/actions/evaluate.ts
await runAction({
  run: (context) => runEvaluateStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({ result: result.status, metrics: JSON.stringify(result.metrics) }),
  failureMessage: ({ result }) => result.failure ?? "evaluation failed"
});
