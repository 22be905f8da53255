import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runValidateStage
} from "./chunks/chunk-UJ7QNZKI.js";
import "./chunks/chunk-THUPLUY7.js";
import {
  glob
} from "./chunks/chunk-YCG64R6H.js";
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
import "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-XEH6HUDK.js";
import "./chunks/chunk-XF3Z56KS.js";
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
    drift: result.drift === null ? "" : String(result.drift.datasetDrift)
  }),
  failureMessage: ({ result }) => `data validation failed: ${result.errors} error(s); see the annotations and the job summary`
});
