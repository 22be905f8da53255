import type { Section } from "../blocks.ts";
import { STATUS_MARK } from "../sections.ts";
import { blockToHtml } from "./blocks.ts";
import { attr, escapeHtml } from "./escape.ts";
import { STYLES } from "./styles.ts";

/**
 * A report as one self-contained HTML file: the same Sections the job summary and the terminal show, drawn with real
 * plots (inline SVG), one inline stylesheet, and no script at all. Its Content-Security-Policy forbids every fetch
 * (no script, font, frame, image or connection from anywhere; images only as data: URLs), so the file opens offline
 * and stays inert even if someone edits it to add a reference. Every string from a result or the config is escaped.
 */

export interface HtmlDocument {
  title: string;
  subtitle?: string;
  /** When the report was made, ISO time. */
  generated: string;
  sections: Section[];
  /** Lines for the footer (what the report was made from, what it leaves out). */
  notes?: string[];
}

/** The page's policy: nothing may load but the inline styles (and data: images). */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderHtmlDocument(document: HtmlDocument): string {
  const ids = sectionIds(document.sections);
  const contents = document.sections
    .map(
      (section, i) =>
        `<li><a href="#${ids[i] ?? ""}">${STATUS_MARK[section.status]} ${escapeHtml(section.title)}: ${escapeHtml(section.status)}</a></li>`,
    )
    .join("\n");
  const body = document.sections.map((section, i) => sectionToHtml(section, ids[i] ?? `section-${i + 1}`)).join("\n");
  const notes = (document.notes ?? []).map((note) => `<li>${escapeHtml(note)}</li>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content=${attr(CONTENT_SECURITY_POLICY)}>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(document.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>${escapeHtml(document.title)}</h1>
${document.subtitle ? `<p class="subtitle">${escapeHtml(document.subtitle)}</p>\n` : ""}<p>Generated <time datetime=${attr(document.generated)}>${escapeHtml(readableTime(document.generated))}</time> by mlops-kit.</p>
</header>
${document.sections.length > 0 ? `<nav aria-label="Contents"><ol>\n${contents}\n</ol></nav>\n` : ""}<main>
${body}
</main>
${notes ? `<footer><ul>${notes}</ul></footer>\n` : ""}</body>
</html>
`;
}

function sectionToHtml(section: Section, id: string): string {
  return [
    `<section class="report" id="${id}">`,
    `<h2>${STATUS_MARK[section.status]} ${escapeHtml(section.title)} <span class="status ${section.status}">${escapeHtml(section.status)}</span></h2>`,
    section.headline ? `<p class="headline">${escapeHtml(section.headline)}</p>` : "",
    ...section.blocks.map(blockToHtml),
    "</section>",
  ]
    .filter(Boolean)
    .join("\n");
}

/** An id per section from its title (letters, digits and dashes only), numbered so two alike stay apart. */
function sectionIds(sections: Section[]): string[] {
  return sections.map((section, i) => {
    const slug = section.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40);
    return `s${i + 1}${slug ? `-${slug}` : ""}`;
  });
}

/** An ISO time as `2026-12-06 15:53 UTC`; anything unreadable as written. */
function readableTime(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  const text = new Date(time).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
