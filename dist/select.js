import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runSelectStage
} from "./chunks/chunk-PSYJ6FAN.js";
import "./chunks/chunk-CBBQCPY7.js";
import "./chunks/chunk-WLMFWUHR.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-VLN4SQWY.js";
import "./chunks/chunk-HLKXQ7X2.js";
import "./chunks/chunk-EOYDCAJC.js";
import {
  runAction
} from "./chunks/chunk-EN7ZLZTN.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-TLX656CK.js";
import "./chunks/chunk-NNNSQAJN.js";
import "./chunks/chunk-EU447EYR.js";
import "./chunks/chunk-AOOPNKUY.js";
import "./chunks/chunk-VRNFBWJ4.js";
import "./chunks/chunk-TFWDSRPY.js";
import "./chunks/chunk-MUNXKJR2.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-657YCYD7.js";
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
