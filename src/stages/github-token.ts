import { textOption } from "./options.ts";

/**
 * The tokens stages reach GitHub with: the action's `github-token` input (the job's own token by default), or the
 * CLI's GITHUB_TOKEN. A stage that opens the registry hands its token to a github:// registry too (README "On
 * GitHub"): {@link withRegistryToken}. The action masks the input in its log before anything runs: its variable,
 * INPUT_GITHUB-TOKEN, is named like a secret (actionStart in src/actions/door.ts, src/command/redact.ts).
 */

const JOB_TOKEN = "${{ github.token }}";

/** What a github:// registry needs of the token, in the inputs of the stages that open the registry. */
const REGISTRY_NEEDS = {
  read: "a github:// registry needs `contents: read`",
  write: "a github:// registry needs `contents: write` to publish and promote",
} as const;

/** For the sticky pull-request comment and the check run; only the actions post them (the CLI has `mlops report`). */
export function pullRequestTokenOption(options: { opensRegistry: boolean }) {
  return textOption({
    cli: null,
    action: {
      input: "github-token",
      description: options.opensRegistry
        ? `Token for the pull-request comment and the check run (needs \`pull-requests: write\` and \`checks: write\`), and the registry's (${REGISTRY_NEEDS.read}); empty posts nothing.`
        : "Token for the pull-request comment and the check run (needs `pull-requests: write` and `checks: write`); empty posts nothing.",
      default: JOB_TOKEN,
    },
  });
}

/** For the retraining issue and the registry; the CLI takes it from GITHUB_TOKEN. */
export function issueTokenOption() {
  return textOption({
    cli: { env: "GITHUB_TOKEN" },
    action: {
      input: "github-token",
      description: `Token for the retraining issue (needs \`issues: write\`; empty opens no issue) and the registry's (${REGISTRY_NEEDS.write}).`,
      default: JOB_TOKEN,
    },
  });
}

/** For the registry alone (stages that post nothing); the CLI takes it from GITHUB_TOKEN, else GH_TOKEN. */
export function registryTokenOption(access: keyof typeof REGISTRY_NEEDS) {
  return textOption({
    cli: { env: "GITHUB_TOKEN" },
    action: {
      input: "github-token",
      description: `Token the registry is reached with (${REGISTRY_NEEDS[access]}); other registries do not use it.`,
      default: JOB_TOKEN,
    },
  });
}

/**
 * The context a stage opens the registry from, with `token` where a github:// registry reads it (GITHUB_TOKEN,
 * src/registry/backends/github.ts). Without one, the environment is left as it is: the CLI's GH_TOKEN still serves,
 * and a public repository is read anonymously.
 */
export function withRegistryToken<Context extends { env: NodeJS.ProcessEnv }>(
  context: Context,
  token: string | undefined,
): Context {
  return token === undefined ? context : { ...context, env: { ...context.env, GITHUB_TOKEN: token } };
}
