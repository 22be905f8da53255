import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postSurfaces
} from "./chunk-ETJ5HDRZ.js";
import {
  createGitHub
} from "./chunk-72OCKP5C.js";

// src/github/from-job.ts
async function postFromJob(context, token, build) {
  const { provenance, logger, runner, loaded } = context;
  const settings = loaded.config.report;
  if (settings.comment === "off" && !settings.check) return null;
  if (!token || !provenance.repository) {
    logger.info(
      !token ? "No github-token: the report is in the job summary only (no pull-request comment or check run)." : "Not in GitHub Actions (no GITHUB_REPOSITORY): nothing posted to GitHub."
    );
    return null;
  }
  const github = createGitHub({
    token,
    repository: provenance.repository,
    baseUrl: runner.apiUrl,
    logger
  });
  const target = {
    pullRequest: provenance.pullRequest?.number ?? null,
    headSha: provenance.pullRequest?.headSha ?? provenance.gitSha,
    runUrl: provenance.runUrl
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

export {
  postFromJob
};
