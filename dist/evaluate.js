import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-HA6NXILD.js";
import "./chunks/chunk-2SNSQUWW.js";
import {
  runEvaluateStage
} from "./chunks/chunk-D7VDVQU5.js";
import "./chunks/chunk-L53UQPWG.js";
import "./chunks/chunk-J74NVVDZ.js";
import "./chunks/chunk-4MICSIQX.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/evaluate.ts
await runAction({
  run: (context) => runEvaluateStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({ result: result.status, metrics: JSON.stringify(result.metrics) }),
  failureMessage: ({ result }) => result.failure ?? "evaluation failed"
});
