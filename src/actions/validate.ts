import path from "node:path";
import { glob } from "tinyglobby";
import { runValidateStage } from "../pipeline/stages.ts";
import { UsageError } from "../errors.ts";
import { runAction } from "./door.ts";

await runAction({
  run: async (context, inputs) => {
    // Shard profiles (the shard-and-merge recipe): globs, one per line, relative to the working directory.
    const patterns = inputs.lines("profiles");
    const profiles = (
      await Promise.all(
        patterns.map((p) => glob(p, { cwd: context.loaded.root, absolute: true, expandDirectories: false })),
      )
    )
      .flat()
      .sort();
    if (patterns.length > 0 && profiles.length === 0) {
      throw new UsageError(`input "profiles": no file matches ${patterns.join(", ")}`, {
        hint: "download the matrix legs' profile artifacts first",
      });
    }
    const workers = inputs.text("workers");
    if (workers !== undefined && !/^[1-9]\d*$/.test(workers))
      throw new UsageError(`input "workers" must be a whole number, not "${workers}"`);
    return runValidateStage(context, { profiles, ...(workers === undefined ? {} : { workers: Number(workers) }) });
  },
  verdictOutput: "verdict",
  outputs: ({ result }) => ({
    verdict: result.verdict,
    errors: result.errors,
    warnings: result.warnings,
    profile: result.profile ? path.resolve(result.profile) : "",
    drift: result.drift === null ? "" : String(result.drift.datasetDrift),
    "eval-drift": result.evalDrift === null ? "" : String(result.evalDrift.datasetDrift),
    skew: result.skew === null ? "" : String(result.skew.datasetDrift),
  }),
  failureMessage: ({ result }) =>
    `data validation failed: ${result.errors} error(s); see the annotations and the job summary`,
});
