import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-OMGN7JEQ.js";
import {
  runEvaluateStage
} from "./chunks/chunk-VOL7MJYD.js";
import "./chunks/chunk-MAK6BRSN.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/evaluate.ts
await runAction({
  run: (context) => runEvaluateStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({ result: result.status, metrics: JSON.stringify(result.metrics) }),
  failureMessage: ({ result }) => result.failure ?? "evaluation failed"
});
