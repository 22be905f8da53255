import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPublishStage
} from "./chunks/chunk-J4ASSBM4.js";
import "./chunks/chunk-L53UQPWG.js";
import "./chunks/chunk-TKNEU5H6.js";
import {
  runAction
} from "./chunks/chunk-7DFCO746.js";
import "./chunks/chunk-VCPUFKR7.js";
import "./chunks/chunk-4MICSIQX.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
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
