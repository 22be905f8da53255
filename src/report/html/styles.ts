/**
 * The report's one stylesheet, inline (the page's Content-Security-Policy allows inline styles and nothing else):
 * readable widths, light and dark colours from the reader's setting, and a print layout that keeps figures whole.
 */
export const STYLES = `
:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --grid: #e6eaef;
  --cell: #f6f8fa; --accent: #0969da;
  --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d; --grid: #262c36;
    --cell: #151b23; --accent: #4493f8;
    --pass: #3fb950; --fail: #f85149; --warn: #d29922;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg);
  /* A long unbroken value (a path, a hash) wraps rather than widening the page. */
  overflow-wrap: anywhere;
}
th, td { overflow-wrap: normal; }
header { border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
header h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
header p { margin: .2rem 0; color: var(--muted); }
nav ol { padding-left: 1.4rem; columns: 2 18rem; }
a { color: var(--accent); }
section.report { border-top: 1px solid var(--line); padding-top: .5rem; margin-top: 1.5rem; }
h2 { font-size: 1.3rem; margin: .5rem 0; }
h2 .status { font-size: .85rem; font-weight: 600; padding: .1rem .5rem; border-radius: 1rem; border: 1px solid currentColor; margin-left: .4rem; vertical-align: middle; }
.status.pass, .status.ok { color: var(--pass); }
.status.fail, .status.failed, .status.error { color: var(--fail); }
.status.warn { color: var(--warn); }
.status.skipped { color: var(--muted); }
.headline { color: var(--muted); margin-top: 0; }
.table-box { overflow-x: auto; max-width: 100%; margin: .75rem 0; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow-x: auto; font-size: .85rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
p code, li code { background: var(--panel); padding: 0 .25rem; border-radius: 4px; }
details { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .75rem; margin: .75rem 0; }
summary { cursor: pointer; font-weight: 600; }
figure { margin: 1rem 0; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); max-width: 100%; overflow-x: auto; }
figcaption { margin-bottom: .5rem; }
figcaption strong { display: block; }
svg.plot { display: block; width: 100%; max-width: 760px; height: auto; }
svg.grid-plot { display: block; max-width: 100%; height: auto; }
svg text { fill: var(--fg); font-size: 11px; font-family: system-ui, sans-serif; }
svg .tick { fill: var(--muted); }
svg .axis-title { font-size: 12px; font-weight: 600; }
svg .grid { stroke: var(--grid); stroke-width: 1; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .series { stroke-width: 2; stroke-linejoin: round; }
svg .interval line { stroke: var(--fg); stroke-width: 1.5; }
svg .cell { fill: var(--cell); stroke: var(--line); }
svg .count { font-size: 12px; }
svg .count.on-dark { fill: #ffffff; }
svg .span text { fill: #ffffff; font-size: 11px; }
svg .span.open rect { fill-opacity: .6; stroke: var(--fg); stroke-dasharray: 4 3; }
svg .lane { font-weight: 600; }
ul.legend { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .85rem; }
.swatch { display: inline-block; width: 14px; margin-right: .4rem; vertical-align: middle; }
.swatch.box { height: 10px; }
.swatch.stroke { height: 3px; }
.swatch.whisker { height: 12px; width: 8px; border: 1.5px solid var(--fg); border-left: none; border-right: none; background: linear-gradient(var(--fg), var(--fg)) center / 1.5px 100% no-repeat; }
.empty { color: var(--muted); font-style: italic; }
.user-markdown { border-left: 3px solid var(--line); padding-left: .75rem; }
footer { margin-top: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  figure, table, pre { break-inside: avoid; }
  section.report { break-before: auto; }
  .table-box, pre, figure { overflow: visible; }
  /* On paper nobody can click a summary: the numbers behind each figure print open (where the browser can). */
  details::details-content { content-visibility: visible; display: contents; }
  a { color: inherit; }
}
`;
