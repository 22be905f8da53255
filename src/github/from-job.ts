import type { StageContext } from "../context/context.ts";
import { createGitHub } from "./client.ts";
import type { Published } from "./publish.ts";
import { postSurfaces, type Surfaces } from "./report.ts";

/**
 * Posting from the job that ran the stage (actions/gate, actions/evaluate): the pull request and commit come from
 * this run's own event, the token from the action's `github-token` input. Nothing to post to (no token, no
 * repository) is a note in the log; what GitHub refused becomes a warning, never a changed verdict: the step's
 * outcome is the gate's.
 */
export async function postFromJob(
  context: StageContext,
  token: string | undefined,
  build: (target: Surfaces["target"]) => Pick<Surfaces, "section" | "check" | "checkName">,
): Promise<Published | null> {
  const { provenance, logger, runner, loaded } = context;
  const settings = loaded.config.report;
  if (settings.comment === "off" && !settings.check) return null;
  if (!token || !provenance.repository) {
    logger.info(
      !token
        ? "No github-token: the report is in the job summary only (no pull-request comment or check run)."
        : "Not in GitHub Actions (no GITHUB_REPOSITORY): nothing posted to GitHub.",
    );
    return null;
  }
  const github = createGitHub({
    token,
    repository: provenance.repository,
    baseUrl: runner.apiUrl,
    logger,
  });
  const target: Surfaces["target"] = {
    pullRequest: provenance.pullRequest?.number ?? null,
    headSha: provenance.pullRequest?.headSha ?? provenance.gitSha,
    runUrl: provenance.runUrl,
  };
  const surfaces = build(target);
  const key = { workflow: runner.workflow, job: runner.job, model: loaded.config.model.name };
  const published = await postSurfaces(github, { ...surfaces, key, target }, settings);
  if (published.commentUrl) logger.info(`Pull-request comment ${published.commentAction}: ${published.commentUrl}`);
  if (published.checkRunId !== null)
    logger.info(`Check run "${surfaces.checkName}": ${published.checkRunUrl ?? published.checkRunId}`);
  for (const problem of published.problems) logger.warn(`could not post ${problem}`);
  return published;
}
