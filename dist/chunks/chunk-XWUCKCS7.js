import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  blockToMarkdown,
  userMarkdown
} from "./chunk-OSH67I4H.js";
import {
  markdownTableRow,
  plainText,
  renderMarkdownTable
} from "./chunk-PEZVGW4L.js";

// src/report/fit.ts
var SEPARATOR = "\n\n";
function fitBlocks(blocks, budget) {
  const parts = [];
  let used = 0;
  for (const block of blocks) {
    const room = budget - used - (parts.length > 0 ? SEPARATOR.length : 0);
    const whole = blockToMarkdown(block);
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
function cutBlock(block, room) {
  switch (block.kind) {
    case "table": {
      const head = renderMarkdownTable({ ...block.table, rows: [] });
      let text = head;
      let rows = 0;
      for (const row of block.table.rows) {
        const line = `
${markdownTableRow(block.table, row)}`;
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
        text += `
${line}`;
      }
      return text === fence ? null : `${text}
${closing}`;
    }
    case "details": {
      const open = blockToMarkdown({ ...block, blocks: [] }).replace(/\n\n\n\n<\/details>$/, "");
      const close = "\n\n</details>";
      const inner = fitBlocks(block.blocks, room - open.length - 2 - close.length);
      return inner.markdown === "" ? null : `${open}

${inner.markdown}${close}`;
    }
    case "text": {
      const whole = blockToMarkdown(block);
      if (room < 40) return null;
      const cut = whole.slice(0, room - 1);
      const space = cut.lastIndexOf(" ");
      return space > 0 ? `${cut.slice(0, space)}\u2026` : null;
    }
    case "markdown": {
      const note = "\n\n*(cut to fit)*";
      let text = "";
      let fitted = null;
      for (const line of block.text.split("\n")) {
        text += `${line}
`;
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

export {
  fitBlocks
};
