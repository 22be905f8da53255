import type { Section } from "../report/sections.ts";
import type { PublishResult } from "./publish.ts";

/** The publish stage's report: where the version went, what it was built from, and why it was or was not promoted. */
export function publishSection(result: PublishResult): Section {
  return {
    title: "Publish",
    status: "ok",
    headline: `${result.version}, ${result.promoted ? `promoted to ${result.promoted}` : `not promoted: ${result.notPromotedBecause ?? "see the report"}`}`,
    blocks: [
      {
        kind: "text",
        text: `${result.model} ${result.version}: ${result.files} file(s), ${result.bytes} bytes, stored at ${result.uri}.`,
      },
      ...(result.builtFrom ? [{ kind: "text" as const, text: `Built from ${result.builtFrom}.` }] : []),
      { kind: "text", text: `${result.promotion[0]?.toUpperCase() ?? ""}${result.promotion.slice(1)}.` },
    ],
  };
}
