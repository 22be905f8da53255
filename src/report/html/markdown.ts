import { escapeHtml } from "./escape.ts";

/**
 * A repository's markdown (a user report section) as HTML, never as raw HTML: a small subset is drawn (headings,
 * paragraphs, lists, fenced code, emphasis, inline code) and everything else is escaped and shown as text. Links show
 * their text and target as text, images their alt text: the page fetches nothing and leads nowhere it does not say.
 */

export function markdownToHtml(text: string): string {
  const out: string[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = (): void => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
    if (list) {
      const tag = list.ordered ? "ol" : "ul";
      out.push(`<${tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join("")}</${tag}>`);
    }
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      flush();
      const marks = fence[1] ?? "```";
      const code: string[] = [];
      for (i++; i < lines.length; i++) {
        const inner = lines[i] ?? "";
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(inner);
        if (close && close[1]?.[0] === marks[0] && (close[1]?.length ?? 0) >= marks.length) break;
        code.push(inner);
      }
      out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      // Under the section's h2 and the block's h3: the file's own levels start at h4.
      const level = Math.min(6, 3 + (heading[1]?.length ?? 1));
      out.push(`<h${level}>${inline(heading[2] ?? "")}</h${level}>`);
      continue;
    }
    const item = /^ {0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/.exec(line);
    if (item) {
      const ordered = item[2] !== undefined;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[3] ?? "");
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    // A line indented under a list item continues it.
    if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (list) flush();
    paragraph.push(line.trim());
  }
  flush();
  return out.join("\n");
}

/** Inline code spans as written; elsewhere links and images as text, then emphasis on the escaped text. */
function inline(text: string): string {
  const html: string[] = [];
  let last = 0;
  for (const span of text.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    html.push(prose(text.slice(last, span.index)));
    const code = span[2] ?? "";
    html.push(`<code>${escapeHtml(/^ .* $/.test(code) ? code.slice(1, -1) : code)}</code>`);
    last = span.index + span[0].length;
  }
  html.push(prose(text.slice(last)));
  return html.join("");
}

function prose(text: string): string {
  const plain = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)/g, (_, label: string, url: string) =>
      url ? `${label} (${url})` : label,
    );
  return escapeHtml(plain)
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/__(?=\S)([\s\S]*?\S)__/g, "<strong>$1</strong>")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, "$1<em>$2</em>")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1<em>$2</em>");
}
