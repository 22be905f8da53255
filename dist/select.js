import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runSelectStage
} from "./chunks/chunk-D752MXZE.js";
import "./chunks/chunk-WBQ3EJ6X.js";
import "./chunks/chunk-EWRZ2WMN.js";
import "./chunks/chunk-CXLN3UR2.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-GP53L4VS.js";
import "./chunks/chunk-UYX66RUR.js";
import "./chunks/chunk-55QIH2BG.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/select.ts
import path from "node:path";
await runAction({
  run: (context, inputs) => {
    const results = inputs.text("results");
    const base = context.env.GITHUB_WORKSPACE ?? context.loaded.root;
    return runSelectStage(context, results === void 0 ? {} : { resultsDir: path.resolve(base, results) });
  },
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.winner ? "ok" : "failed",
    leg: result.winner?.leg.id ?? "",
    name: result.winner?.leg.name ?? "",
    params: JSON.stringify(result.winner?.leg.values ?? {}),
    metric: result.metric,
    value: result.winner?.value ?? ""
  }),
  failureMessage: ({ result }) => `no sweep leg produced ${result.metric}`
});
