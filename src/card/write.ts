import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AttachmentInput, VersionIdentity } from "../registry/registry.ts";
import type { CardFacts } from "./facts.ts";
import { renderModelCard } from "./model-card.ts";

export { gateIntervals, type CardFacts } from "./facts.ts";
export { intervalsOverAllRows } from "./intervals.ts";
export { profileFact } from "./profile.ts";

/** The attachment names a version's card and ML-BOM are stored under (manifest.attachments). */
export const CARD_ATTACHMENT = "card";
export const MLBOM_ATTACHMENT = "mlbom";

/** What the card and the ML-BOM say, but for who the version is: the registry tells that as it writes the version. */
export type CardInputs = Omit<CardFacts, "version" | "sequence" | "createdAt">;

/**
 * A version's model card and ML-BOM as attachments for publish: each written into `<outDir>/card/` by the registry
 * once it knows the version's id and number (registry/write-version.ts), so both name the version they belong to; the
 * files' names are the names they keep in the version (`card/model-card.md`, `mlbom/ml-bom.cdx.json`). The ML-BOM's
 * timestamp is the version's creation time. The CycloneDX library loads only when the ML-BOM is written.
 */
export function cardAttachments(outDir: string, inputs: CardInputs): AttachmentInput[] {
  const dir = path.join(outDir, "card");
  const factsOf = (identity: VersionIdentity): CardFacts => ({
    ...inputs,
    version: identity.version,
    sequence: identity.sequence,
    createdAt: identity.createdAt,
  });
  const card = path.join(dir, "model-card.md");
  const mlbom = path.join(dir, "ml-bom.cdx.json");
  return [
    {
      name: CARD_ATTACHMENT,
      source: card,
      write: async (identity) => {
        await mkdir(dir, { recursive: true });
        await writeFile(card, renderModelCard(factsOf(identity)));
      },
    },
    {
      name: MLBOM_ATTACHMENT,
      source: mlbom,
      write: async (identity) => {
        const { renderMlBom } = await import("./ml-bom.ts");
        await mkdir(dir, { recursive: true });
        await writeFile(mlbom, renderMlBom(factsOf(identity)));
      },
    },
  ];
}
