import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPublishStage
} from "./chunks/chunk-VVN3AAI4.js";
import "./chunks/chunk-O6PCWZLY.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-ET5SJIK4.js";
import "./chunks/chunk-JAOVJQZ4.js";
import "./chunks/chunk-4V36AGCJ.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
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
