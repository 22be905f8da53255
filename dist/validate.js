import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-OMGN7JEQ.js";
import {
  runValidateStage
} from "./chunks/chunk-VOL7MJYD.js";
import "./chunks/chunk-MAK6BRSN.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/validate.ts
await runAction({
  run: (context) => runValidateStage(context),
  verdictOutput: "verdict",
  outputs: ({ result }) => ({ verdict: result.verdict, errors: result.errors, warnings: result.warnings }),
  failureMessage: ({ result }) => `data validation failed: ${result.errors} error(s); see the annotations and the job summary`
});
