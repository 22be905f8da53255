import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-HA6NXILD.js";
import "./chunks/chunk-2SNSQUWW.js";
import {
  runPublishStage
} from "./chunks/chunk-D7VDVQU5.js";
import "./chunks/chunk-L53UQPWG.js";
import "./chunks/chunk-J74NVVDZ.js";
import "./chunks/chunk-4MICSIQX.js";
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
