import { type Block, blockToMarkdown, userMarkdown } from "./sections.ts";
import { markdownTableRow, plainText, renderMarkdownTable } from "./table.ts";

/**
 * Keeping a report under a size limit (PLATFORM.md: a PR comment body holds 65,536 characters, a check run summary
 * 65,535). Blocks are kept in order while they fit; the first that does not is cut where markdown allows it (a table
 * after a whole row, a code block after a whole line, details around what fits of their content), and the rest is
 * left out. Nothing is ever cut mid-row, mid-fence or mid-tag, so what remains still renders as written.
 */

const SEPARATOR = "\n\n";

export interface Fitted {
  markdown: string;
  /** Whether anything was left out. */
  truncated: boolean;
}

/** The blocks as markdown in at most `budget` characters (UTF-16 code units, which never undercount characters). */
export function fitBlocks(blocks: readonly Block[], budget: number): Fitted {
  const parts: string[] = [];
  let used = 0;
  for (const block of blocks) {
    const room = budget - used - (parts.length > 0 ? SEPARATOR.length : 0);
    const whole = blockToMarkdown(block);
    // The HTML report's figures have no markdown.
    if (whole === "") continue;
    if (whole.length <= room) {
      parts.push(whole);
      used += whole.length + (parts.length > 1 ? SEPARATOR.length : 0);
      continue;
    }
    const cut = cutBlock(block, room);
    if (cut !== null) parts.push(cut);
    return { markdown: parts.join(SEPARATOR), truncated: true };
  }
  return { markdown: parts.join(SEPARATOR), truncated: false };
}

/** As much of one block as fits in `room` characters while staying valid markdown, or null when nothing useful fits. */
function cutBlock(block: Block, room: number): string | null {
  switch (block.kind) {
    case "table": {
      const head = renderMarkdownTable({ ...block.table, rows: [] });
      let text = head;
      let rows = 0;
      for (const row of block.table.rows) {
        const line = `\n${markdownTableRow(block.table, row)}`;
        if (text.length + line.length > room) break;
        text += line;
        rows++;
      }
      return rows > 0 ? text : null;
    }
    case "code": {
      const whole = blockToMarkdown(block);
      const fence = whole.slice(0, whole.indexOf("\n"));
      const closing = fence.replace(/text$/, "");
      let text = fence;
      for (const line of plainText(block.text).split("\n")) {
        if (text.length + line.length + 1 + closing.length + 1 > room) break;
        text += `\n${line}`;
      }
      return text === fence ? null : `${text}\n${closing}`;
    }
    case "details": {
      const open = blockToMarkdown({ ...block, blocks: [] }).replace(/\n\n\n\n<\/details>$/, "");
      const close = "\n\n</details>";
      const inner = fitBlocks(block.blocks, room - open.length - 2 - close.length);
      return inner.markdown === "" ? null : `${open}\n\n${inner.markdown}${close}`;
    }
    case "text": {
      // Cut between words of the escaped text, never inside an escape or entity.
      const whole = blockToMarkdown(block);
      if (room < 40) return null;
      const cut = whole.slice(0, room - 1);
      const space = cut.lastIndexOf(" ");
      return space > 0 ? `${cut.slice(0, space)}…` : null;
    }
    case "markdown": {
      // After a whole line, with a fence the cut leaves open closed, and a line saying it was cut.
      const note = "\n\n*(cut to fit)*";
      let text = "";
      let fitted: string | null = null;
      for (const line of block.text.split("\n")) {
        text += `${line}\n`;
        const candidate = userMarkdown(block.title, text);
        if (candidate.length + note.length > room) break;
        fitted = candidate;
      }
      return fitted === null || fitted.length < 40 ? null : `${fitted}${note}`;
    }
    case "chart":
    case "link":
    case "heatmap":
    case "timeline":
      return null;
  }
}
