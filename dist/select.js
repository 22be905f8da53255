import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runSelectStage
} from "./chunks/chunk-H7JPQVQV.js";
import "./chunks/chunk-KVDXAACB.js";
import "./chunks/chunk-C7ZF2XGW.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-57DR65GN.js";
import "./chunks/chunk-GLLAQNCF.js";
import "./chunks/chunk-EOYDCAJC.js";
import {
  runAction
} from "./chunks/chunk-KT6ZIGYI.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-4N4SLXSY.js";
import "./chunks/chunk-HTHFC55R.js";
import "./chunks/chunk-EU447EYR.js";
import "./chunks/chunk-CMNHLUPT.js";
import "./chunks/chunk-YZZ2M47K.js";
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
