import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  concludeRetrain,
  retrainGitHub
} from "./chunks/chunk-MNSOUXS4.js";
import "./chunks/chunk-CD2OP4S3.js";
import "./chunks/chunk-VKPGDWJQ.js";
import "./chunks/chunk-65OJ4SAD.js";
import "./chunks/chunk-G45JT5E2.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-MJOC45FH.js";
import "./chunks/chunk-ERO4MCOP.js";
import "./chunks/chunk-OG2EDJGU.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-E57T2NHP.js";
import "./chunks/chunk-Z3CAJF4B.js";
import "./chunks/chunk-Z5LC5UOA.js";
import "./chunks/chunk-VU3GDN5A.js";
import "./chunks/chunk-6RC3X4N6.js";
import "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-VIP6GQOC.js";
import "./chunks/chunk-L5ZB5M6A.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/retrain-conclude.ts
await runAction({
  run: (context, inputs) => concludeRetrain(context, { github: retrainGitHub(context, inputs.text("github-token")) }),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.outcome,
    reason: result.reason,
    version: result.version ?? "",
    promoted: result.promoted ?? "",
    "issue-url": result.issue?.url ?? ""
  }),
  failureMessage: ({ result }) => `retraining ${result.outcome}: ${result.reason}`
});
