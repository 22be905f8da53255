import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  parseCacheChoice,
  resolveTrainParams,
  runTrainStage
} from "./chunks/chunk-UJ7QNZKI.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-YCG64R6H.js";
import "./chunks/chunk-ERO4MCOP.js";
import "./chunks/chunk-4F2BXEAP.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-FUKKX43E.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-Z3CAJF4B.js";
import "./chunks/chunk-UFJC2KPC.js";
import "./chunks/chunk-IFCYOS42.js";
import "./chunks/chunk-LRSAP6TR.js";
import {
  findLeg
} from "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-XEH6HUDK.js";
import "./chunks/chunk-XF3Z56KS.js";
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
