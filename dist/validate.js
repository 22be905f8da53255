import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-HA6NXILD.js";
import "./chunks/chunk-2SNSQUWW.js";
import {
  runValidateStage
} from "./chunks/chunk-D7VDVQU5.js";
import "./chunks/chunk-L53UQPWG.js";
import "./chunks/chunk-J74NVVDZ.js";
import "./chunks/chunk-4MICSIQX.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/validate.ts
await runAction({
  run: (context) => runValidateStage(context),
  verdictOutput: "verdict",
  outputs: ({ result }) => ({ verdict: result.verdict, errors: result.errors, warnings: result.warnings }),
  failureMessage: ({ result }) => `data validation failed: ${result.errors} error(s); see the annotations and the job summary`
});
