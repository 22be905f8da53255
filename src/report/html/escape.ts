import { plainText } from "../table.ts";

/**
 * Text as HTML: the five characters that could open a tag, an entity or end an attribute become entities, and the
 * bidirectional controls go ({@link plainText}). Every string from a result, the config or a repository's file goes
 * through here (or {@link attr}) before it reaches the page, so no value can add markup.
 */
export function escapeHtml(text: string): string {
  return plainText(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** An attribute value, quoted: escaped the same way, so it cannot end the quotes. */
export function attr(text: string): string {
  return `"${escapeHtml(text)}"`;
}

/**
 * An SVG coordinate: one decimal place (the drawings are a few hundred units wide, so that is 4 significant digits),
 * and 0 for anything non-finite, so no attribute ever reads NaN or Infinity.
 */
export function px(value: number): string {
  if (!Number.isFinite(value)) return "0";
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/** A text cut to `max` characters with an ellipsis, for axis labels that would run into each other. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
