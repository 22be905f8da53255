import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runSelectStage
} from "./chunks/chunk-LYAUT635.js";
import "./chunks/chunk-ML6KSRI7.js";
import "./chunks/chunk-PCFL5ZDS.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-NP4RXV4C.js";
import "./chunks/chunk-JHNWJVJL.js";
import "./chunks/chunk-EOYDCAJC.js";
import {
  runAction
} from "./chunks/chunk-36WMCKK6.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RQYHD5ZC.js";
import "./chunks/chunk-ZDLPDKKS.js";
import "./chunks/chunk-EU447EYR.js";
import "./chunks/chunk-ZWFYJDSY.js";
import "./chunks/chunk-WJGGL23E.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-ASW5YMHX.js";
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
