import path from "node:path";
import { runSelectStage } from "../pipeline/sweep-stages.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context, inputs) => {
    const results = inputs.text("results");
    // Relative to the repository root, like actions/download-artifact's `path`.
    const base = context.runner.workspace ?? context.loaded.root;
    return runSelectStage(context, results === undefined ? {} : { resultsDir: path.resolve(base, results) });
  },
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.winner ? "ok" : "failed",
    leg: result.winner?.leg.id ?? "",
    name: result.winner?.leg.name ?? "",
    params: JSON.stringify(result.winner?.leg.values ?? {}),
    metric: result.metric,
    value: result.winner?.value ?? "",
  }),
  failureMessage: ({ result }) => `no sweep leg produced ${result.metric}`,
});
