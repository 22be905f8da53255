import type { Section } from "../../report/blocks.ts";
import { renderHtmlDocument } from "../../report/html/document.ts";
import { CHART_VERSIONS } from "./sections.ts";
import type { ModelPage } from "./gather.ts";

/** The model page as one self-contained HTML file (report/html: inline CSS and SVG, no script, nothing fetched). */
export function modelPageHtml(page: ModelPage, sections: Section[]): string {
  return renderHtmlDocument({
    title: `Model ${page.model}`,
    subtitle: `${page.versions.length} version(s) in ${page.location}`,
    generated: page.generated,
    sections,
    notes: [
      `Read from ${page.location} by mlops models report.`,
      `Charts draw the last ${CHART_VERSIONS} versions that have each metric; the tables list every version.`,
      ...(page.damaged.length > 0
        ? [`${page.damaged.length} damaged object(s) are listed in the overview; mlops models fsck says more.`]
        : []),
    ],
  });
}
