import { runPublishStage } from "../pipeline/stages.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context) => runPublishStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: "published",
    version: result.version,
    sequence: result.sequence ?? "",
    uri: result.uri,
    manifest: result.manifest,
    promoted: result.promoted ?? "",
  }),
  failureMessage: () => "publishing failed",
});
