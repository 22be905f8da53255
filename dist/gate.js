import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-HA6NXILD.js";
import "./chunks/chunk-2SNSQUWW.js";
import {
  runGateStage
} from "./chunks/chunk-D7VDVQU5.js";
import "./chunks/chunk-L53UQPWG.js";
import "./chunks/chunk-J74NVVDZ.js";
import "./chunks/chunk-4MICSIQX.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/gate.ts
await runAction({
  run: (context) => runGateStage(context),
  verdictOutput: "verdict",
  outputs: ({ result }) => ({ verdict: result.verdict, baseline: result.baseline?.version ?? "" }),
  failureMessage: ({ result }) => {
    const failed = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error");
    return `gate ${result.verdict}: ${failed.map((o) => `${o.metric} ${o.reason}`).join("; ") || result.notes.join("; ")}`;
  }
});
