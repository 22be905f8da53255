import { runValidateStage } from "../pipeline/stages.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context) => runValidateStage(context),
  verdictOutput: "verdict",
  outputs: ({ result }) => ({ verdict: result.verdict, errors: result.errors, warnings: result.warnings }),
  failureMessage: ({ result }) =>
    `data validation failed: ${result.errors} error(s); see the annotations and the job summary`,
});
