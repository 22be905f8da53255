import { REGISTRY_TOKEN_VARIABLE } from "../registry/backends/github-token.ts";
import { textOption } from "./options.ts";

/**
 * The tokens stages reach GitHub with. Two purposes, two inputs, both the job's own token by default:
 * - `github-token` posts to the pull request or opens the retraining issue (empty posts nothing);
 * - `registry-token` reaches a github:// registry (docs/registry.md "On GitHub"), handed over as MLOPS_REGISTRY_TOKEN
 *   ({@link withRegistryToken}), which the backend reads before GITHUB_TOKEN, GH_TOKEN and the `gh` CLI's login.
 * Kept apart so that a pull request's read-only job can read the registry while posting nothing, and a registry in
 * another repository can be reached with a token of its own. The action masks both in its log before anything runs:
 * their variables (INPUT_GITHUB-TOKEN, INPUT_REGISTRY-TOKEN) are named like secrets (src/command/redact.ts).
 */

const JOB_TOKEN = "${{ github.token }}";

/** For the sticky pull-request comment and the check run; only the actions post them (the CLI has `mlops report`). */
export function pullRequestTokenOption() {
  return textOption({
    cli: null,
    action: {
      input: "github-token",
      description:
        "Token for the pull-request comment and the check run (needs `pull-requests: write` and `checks: write`); empty posts nothing.",
      default: JOB_TOKEN,
    },
  });
}

/** For the retraining issue; the CLI takes it from GITHUB_TOKEN. */
export function issueTokenOption(what = "the retraining issue") {
  return textOption({
    cli: { env: "GITHUB_TOKEN" },
    action: {
      input: "github-token",
      description: `Token for ${what} (needs \`issues: write\`); empty opens no issue.`,
      default: JOB_TOKEN,
    },
  });
}

/** What a github:// registry needs of the token, by what the stage does with the registry. */
const REGISTRY_NEEDS = {
  read: "`contents: read`",
  write: "`contents: write` to write to it: publish, promote, the monitoring log",
} as const;

/**
 * For a github:// registry. The CLI has no flag: the backend reads MLOPS_REGISTRY_TOKEN, GITHUB_TOKEN, GH_TOKEN or the
 * `gh` CLI's login from the environment (src/registry/backends/github.ts), so a token never lands in shell history.
 */
export function registryTokenOption(access: keyof typeof REGISTRY_NEEDS) {
  return textOption({
    cli: null,
    action: {
      input: "registry-token",
      description: `Token a github:// registry is reached with (needs ${REGISTRY_NEEDS[access]}); other registries do not use it.`,
      default: JOB_TOKEN,
    },
  });
}

/**
 * The context a stage opens the registry from, with the `registry-token` input where a github:// registry reads it.
 * An empty input hands nothing over: the registry is then reached without a token (a public repository's reads).
 */
export function withRegistryToken<Context extends { env: NodeJS.ProcessEnv }>(
  context: Context,
  token: string | undefined,
): Context {
  return token ? { ...context, env: { ...context.env, [REGISTRY_TOKEN_VARIABLE]: token } } : context;
}
