import { runPublishStage } from "../pipeline/stages.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context, inputs) => runPublishStage(context, { allowDirty: inputs.flag("allow-dirty", false) }),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: "published",
    version: result.version,
    sequence: result.sequence ?? "",
    uri: result.uri,
    manifest: result.manifest,
    promoted: result.promoted ?? "",
  }),
  failureMessage: ({ result }) => (result.refusedDirty ? result.promotion : "publishing failed"),
});
