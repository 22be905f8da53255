import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-KENXLUU5.js";
import {
  runPublishStage
} from "./chunks/chunk-5LHAZPY5.js";
import "./chunks/chunk-4MICSIQX.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/publish.ts
await runAction({
  run: (context) => runPublishStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: "published",
    version: result.version,
    uri: result.uri,
    manifest: result.manifest,
    promoted: result.promoted ?? ""
  }),
  failureMessage: () => "publishing failed"
});
