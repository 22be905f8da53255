import type { Section } from "../../report/blocks.ts";
import { fitBlocks } from "../../report/fit.ts";
import { escapeMarkdown } from "../../report/table.ts";
import { markdownHeading } from "../../report/sections.ts";

/**
 * The model page as markdown for a job summary, which GitHub cuts off at 1 MiB a step (PLATFORM.md). Sections are
 * kept in order while they fit; the first that does not is cut where markdown allows (report/fit.ts) and a line says
 * that the HTML page has everything. Measured in UTF-8 bytes, as the limit is.
 */

/** Room for the page in a step's summary: under the 1 MiB limit, with room for the step's other lines. */
const SUMMARY_BUDGET_BYTES = 1_000_000;

export function modelPageMarkdown(
  sections: readonly Section[],
  options: { budgetBytes?: number; fullPage: string },
): { markdown: string; truncated: boolean } {
  const limit = options.budgetBytes ?? SUMMARY_BUDGET_BYTES;
  // fitBlocks counts UTF-16 units; a unit can take up to 3 bytes, so shrink the budget until the bytes fit.
  let budget = limit;
  for (;;) {
    const fitted = fitSections(sections, budget, options.fullPage);
    const bytes = Buffer.byteLength(fitted.markdown, "utf8");
    if (bytes <= limit || budget < 1000) return fitted;
    budget = Math.floor((budget * limit) / bytes) - 100;
  }
}

function fitSections(
  sections: readonly Section[],
  budget: number,
  fullPage: string,
): { markdown: string; truncated: boolean } {
  const note = `*Cut to fit the job summary: ${escapeMarkdown(fullPage)} has every version.*`;
  const room = budget - note.length - 2;
  const parts: string[] = [];
  let used = 0;
  for (const section of sections) {
    const heading = markdownHeading(section);
    const left = room - used - heading.length - 4;
    if (left < 200) return { markdown: [...parts, note].join("\n\n"), truncated: true };
    const fitted = fitBlocks(section.blocks, left);
    const text = fitted.markdown === "" ? heading : `${heading}\n\n${fitted.markdown}`;
    parts.push(text);
    used += text.length + 2;
    if (fitted.truncated) return { markdown: [...parts, note].join("\n\n"), truncated: true };
  }
  return { markdown: parts.join("\n\n"), truncated: false };
}
