import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runValidateStage
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
import {
  glob
} from "./chunks/chunk-AOOPNKUY.js";
import "./chunks/chunk-VRNFBWJ4.js";
import "./chunks/chunk-TFWDSRPY.js";
import "./chunks/chunk-MUNXKJR2.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-657YCYD7.js";
import "./chunks/chunk-H6UPHFKP.js";
import {
  UsageError
} from "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/validate.ts
import path from "node:path";
await runAction({
  run: async (context, inputs) => {
    const patterns = inputs.lines("profiles");
    const profiles = (await Promise.all(
      patterns.map((p) => glob(p, { cwd: context.loaded.root, absolute: true, expandDirectories: false }))
    )).flat().sort();
    if (patterns.length > 0 && profiles.length === 0) {
      throw new UsageError(`input "profiles": no file matches ${patterns.join(", ")}`, {
        hint: "download the matrix legs' profile artifacts first"
      });
    }
    const workers = inputs.text("workers");
    if (workers !== void 0 && !/^[1-9]\d*$/.test(workers))
      throw new UsageError(`input "workers" must be a whole number, not "${workers}"`);
    return runValidateStage(context, { profiles, ...workers === void 0 ? {} : { workers: Number(workers) } });
  },
  verdictOutput: "verdict",
  outputs: ({ result }) => ({
    verdict: result.verdict,
    errors: result.errors,
    warnings: result.warnings,
    profile: result.profile ? path.resolve(result.profile) : "",
    drift: result.drift === null ? "" : String(result.drift.datasetDrift),
    "eval-drift": result.evalDrift === null ? "" : String(result.evalDrift.datasetDrift),
    skew: result.skew === null ? "" : String(result.skew.datasetDrift)
  }),
  failureMessage: ({ result }) => `data validation failed: ${result.errors} error(s); see the annotations and the job summary`
});
