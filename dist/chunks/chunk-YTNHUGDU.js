import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  textOption
} from "./chunk-AV2R5YVD.js";

// src/stages/github-token.ts
var JOB_TOKEN = "${{ github.token }}";
function pullRequestTokenOption() {
  return textOption({
    cli: null,
    action: {
      input: "github-token",
      description: "Token for the pull-request comment and the check run (needs `pull-requests: write` and `checks: write`); empty posts nothing.",
      default: JOB_TOKEN
    }
  });
}
function issueTokenOption() {
  return textOption({
    cli: { env: "GITHUB_TOKEN" },
    action: {
      input: "github-token",
      description: "Token for the retraining issue (needs `issues: write`); empty opens no issue.",
      default: JOB_TOKEN
    }
  });
}

export {
  pullRequestTokenOption,
  issueTokenOption
};
