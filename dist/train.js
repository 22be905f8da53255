import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  parseCacheChoice,
  resolveTrainParams,
  runTrainStage
} from "./chunks/chunk-WLMFWUHR.js";
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
import {
  findLeg
} from "./chunks/chunk-TFWDSRPY.js";
import "./chunks/chunk-MUNXKJR2.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-657YCYD7.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/train.ts
await runAction({
  run: async (context, inputs) => {
    const legId = inputs.text("leg");
    const leg = legId === void 0 ? null : findLeg(context.loaded.config, legId);
    const backend = inputs.text("cache-backend");
    return runTrainStage(context, {
      params: await resolveTrainParams(context.loaded, inputs.lines("set"), leg),
      leg,
      force: inputs.flag("force", false),
      ...backend === void 0 ? {} : { cacheChoice: parseCacheChoice(backend, 'input "cache-backend"') }
    });
  },
  verdictOutput: "result",
  outputs: ({ result, resultFile }) => ({
    result: result.status,
    "cache-hit": result.cache.status === "hit",
    "cache-key": result.cache.key ?? "",
    "run-record": resultFile,
    duration: (result.durationMs / 1e3).toFixed(1)
  }),
  failureMessage: ({ result }) => result.failure ?? "training failed"
});
