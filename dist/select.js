import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runSelectStage
} from "./chunks/chunk-SEXONBWH.js";
import "./chunks/chunk-65OJ4SAD.js";
import "./chunks/chunk-ZIFCCQY3.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-ANTYHHFR.js";
import "./chunks/chunk-ERO4MCOP.js";
import "./chunks/chunk-BXP3T3LQ.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-3LBZ3T65.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-Z3CAJF4B.js";
import "./chunks/chunk-GWPYMBGK.js";
import "./chunks/chunk-4Y6J3X4V.js";
import "./chunks/chunk-6RC3X4N6.js";
import "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-XEH6HUDK.js";
import "./chunks/chunk-L5ZB5M6A.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
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
