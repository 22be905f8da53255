import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CardFacts } from "./facts.ts";
import { renderModelCard } from "./model-card.ts";

export { gateIntervals, type CardFacts } from "./facts.ts";

/** The attachment names a version's card and ML-BOM are stored under (manifest.attachments). */
export const CARD_ATTACHMENT = "card";
export const MLBOM_ATTACHMENT = "mlbom";

/**
 * Writes a version's model card and ML-BOM into `<outDir>/card/` for publish to attach; the files' names are the names
 * they keep in the version (`card/model-card.md`, `mlbom/ml-bom.cdx.json`). The CycloneDX library loads only here.
 */
export async function writeCardFiles(
  outDir: string,
  facts: CardFacts,
  generatedAt: Date,
): Promise<{ card: string; mlbom: string }> {
  const { renderMlBom } = await import("./ml-bom.ts");
  const dir = path.join(outDir, "card");
  await mkdir(dir, { recursive: true });
  const card = path.join(dir, "model-card.md");
  const mlbom = path.join(dir, "ml-bom.cdx.json");
  await writeFile(card, renderModelCard(facts));
  await writeFile(mlbom, renderMlBom(facts, generatedAt));
  return { card, mlbom };
}
