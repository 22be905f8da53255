import { textOption } from "./options.ts";

/** The tokens stages post to GitHub with: the action's `github-token` input (the job's own token by default). */

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
export function issueTokenOption() {
  return textOption({
    cli: { env: "GITHUB_TOKEN" },
    action: {
      input: "github-token",
      description: "Token for the retraining issue (needs `issues: write`); empty opens no issue.",
      default: JOB_TOKEN,
    },
  });
}
