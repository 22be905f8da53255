import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  REGISTRY_TOKEN_VARIABLE
} from "./chunk-QD46VIFS.js";
import {
  textOption
} from "./chunk-SUPM4SWD.js";

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
function issueTokenOption(what = "the retraining issue") {
  return textOption({
    cli: { env: "GITHUB_TOKEN" },
    action: {
      input: "github-token",
      description: `Token for ${what} (needs \`issues: write\`); empty opens no issue.`,
      default: JOB_TOKEN
    }
  });
}
var REGISTRY_NEEDS = {
  read: "`contents: read`",
  write: "`contents: write` to write to it: publish, promote, the monitoring log"
};
function registryTokenOption(access) {
  return textOption({
    cli: null,
    action: {
      input: "registry-token",
      description: `Token a github:// registry is reached with (needs ${REGISTRY_NEEDS[access]}); other registries do not use it.`,
      default: JOB_TOKEN
    }
  });
}
function withRegistryToken(context, token) {
  return token ? { ...context, env: { ...context.env, [REGISTRY_TOKEN_VARIABLE]: token } } : context;
}

export {
  pullRequestTokenOption,
  issueTokenOption,
  registryTokenOption,
  withRegistryToken
};
