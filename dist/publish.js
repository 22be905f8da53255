import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPublishStage
} from "./chunks/chunk-HOUSRP2N.js";
import "./chunks/chunk-77FXKEEL.js";
import "./chunks/chunk-N26MFBKU.js";
import "./chunks/chunk-4KTAN6IW.js";
import "./chunks/chunk-LKTX6OBX.js";
import {
  runAction
} from "./chunks/chunk-NWT6XKEP.js";
import "./chunks/chunk-ILD44PUT.js";
import "./chunks/chunk-PH4FNO6N.js";
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
