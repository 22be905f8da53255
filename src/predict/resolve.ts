import type { StageContext } from "../context/context.ts";
import { InputError, UsageError } from "../errors.ts";
import { NAME_PATTERN } from "../config/schema/common.ts";
import type { Manifest } from "../registry/manifest.ts";
import type { Registry } from "../registry/registry.ts";
import { requirePredict } from "./require.ts";

/**
 * Which version a scoring run scores with: `ref` (an id, a number or an alias), else predict.alias; and which alias
 * that was, for the scoring record. A matrix's first job resolves it once (`--plan`), and its legs and finish job pass
 * the version with the alias it came from (`--alias`), so the record still names the alias though the legs scored
 * with a pinned version.
 */

export interface ScoringVersion {
  manifest: Manifest;
  /** The alias the version was resolved from; null when a version was named directly. */
  alias: string | null;
}

/** What `--plan` gives: the version every leg and the finish job score with, resolved once. */
export interface PredictPlan {
  stage: "predict";
  state: "planned";
  verdict: "pass";
  model: string;
  alias: string | null;
  version: string;
}

export async function resolveScoringVersion(
  context: StageContext,
  registry: Registry,
  request: { ref: string | null; alias?: string | null },
): Promise<ScoringVersion> {
  const { config } = context.loaded;
  const predict = requirePredict(config);
  const model = config.model.name;
  const ref = request.ref ?? predict.alias;
  if (request.alias && !NAME_PATTERN.test(request.alias)) {
    throw new UsageError(`--alias names an alias, not "${request.alias}"`, {
      hint: "pass the alias the plan job resolved (its `alias` output)",
    });
  }
  const aliases = await registry.aliases(model);
  const manifest = await registry.resolve(model, ref);
  if (!manifest) {
    throw new InputError(
      request.ref === null
        ? `${predict.alias} of ${model} points nowhere yet, so there is no version to score with`
        : `${model} has no version ${ref}`,
      { hint: "publish and promote a version first (see `mlops models list`), or name one with --version" },
    );
  }
  return { manifest, alias: request.alias || (ref in aliases ? ref : null) };
}

export async function planScoring(context: StageContext, registry: Registry, ref: string | null): Promise<PredictPlan> {
  const { manifest, alias } = await resolveScoringVersion(context, registry, { ref });
  context.logger.info(
    `${manifest.model}: ${alias ? `${alias} is ${manifest.version}` : manifest.version}; scoring nothing yet`,
  );
  return {
    stage: "predict",
    state: "planned",
    verdict: "pass",
    model: manifest.model,
    alias,
    version: manifest.version,
  };
}
