import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runValidateStage
} from "./chunks/chunk-J4ASSBM4.js";
import "./chunks/chunk-L53UQPWG.js";
import "./chunks/chunk-TKNEU5H6.js";
import {
  runAction
} from "./chunks/chunk-7DFCO746.js";
import "./chunks/chunk-VCPUFKR7.js";
import "./chunks/chunk-4MICSIQX.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/validate.ts
await runAction({
  run: (context) => runValidateStage(context),
  verdictOutput: "verdict",
  outputs: ({ result }) => ({ verdict: result.verdict, errors: result.errors, warnings: result.warnings }),
  failureMessage: ({ result }) => `data validation failed: ${result.errors} error(s); see the annotations and the job summary`
});
