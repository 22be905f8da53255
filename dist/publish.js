import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-OMGN7JEQ.js";
import {
  runPublishStage
} from "./chunks/chunk-VOL7MJYD.js";
import "./chunks/chunk-MAK6BRSN.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/publish.ts
await runAction({
  run: (context) => runPublishStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: "published",
    version: result.version,
    sequence: result.sequence ?? "",
    uri: result.uri,
    manifest: result.manifest,
    promoted: result.promoted ?? ""
  }),
  failureMessage: () => "publishing failed"
});
