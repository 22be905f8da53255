import { InputError } from "../../errors.ts";
import type { Section } from "../../report/blocks.ts";
import type { Damage } from "../damage.ts";
import type { Registry } from "../registry.ts";
import { gatherModelPage, type ModelPage } from "./gather.ts";
import { modelPageHtml } from "./html.ts";
import { modelPageSections } from "./sections.ts";

export interface ModelPageRequest {
  registry: Registry;
  /** The list the registry's damage reporter fills: what it holds after the reads is shown as damaged. */
  damaged: readonly Damage[];
  model: string;
  /** The gate's primary metric, drawn first. */
  primaryMetric: string | undefined;
  now: Date;
}

/**
 * The model's page, for both doors (`mlops models report`, actions/models-report): its data, its sections and its
 * HTML. A model the registry does not hold is an input error naming the models it does hold.
 */
export async function buildModelPage(
  request: ModelPageRequest,
): Promise<{ page: ModelPage; sections: Section[]; html: string }> {
  const { registry, model } = request;
  const known = await registry.models();
  if (!known.includes(model)) {
    throw new InputError(
      `${registry.location} has no model ${model}` +
        (known.length > 0 ? `; the models there: ${known.join(", ")}` : "; it holds no models yet"),
      { hint: known.length > 0 ? `mlops models report ${known[0]}` : "publish a version first: mlops publish" },
    );
  }
  const page = await gatherModelPage(registry, model, { now: request.now, damaged: request.damaged });
  const sections = modelPageSections(page, request.primaryMetric ? { primaryMetric: request.primaryMetric } : {});
  return { page, sections, html: modelPageHtml(page, sections) };
}
