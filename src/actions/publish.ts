import * as core from "@actions/core";
import { runPublishStage } from "../pipeline/stages.ts";
import { credentialSecrets } from "../store/credentials.ts";
import { runAction } from "./door.ts";

// Before anything can log: the registry's credentials show as *** should they ever reach a message.
for (const secret of credentialSecrets(process.env)) core.setSecret(secret);

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
