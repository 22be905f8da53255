/**
 * A parser-level check of Mermaid xychart-beta text, as far as it can go without a browser: the statements and tokens
 * of Mermaid's xychart grammar (packages/mermaid/src/diagrams/xychart/parser/xychart.jison: title, x-axis as a band
 * of quoted categories or `min --> max`, y-axis with an optional title and range, `line` and `bar` of plain decimal
 * numbers without exponents), an init directive that must be JSON, and one rule the grammar leaves to the renderer:
 * every series has one value per category, and no category repeats. Returns the problems; none means well-formed.
 */

const QUOTED = String.raw`"[^"\n]*"`;
const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`;
const TITLE = new RegExp(`^title ${QUOTED}$`);
const BAND = new RegExp(`^x-axis (?:${QUOTED} )?\\[(${QUOTED}(?:, ${QUOTED})*)\\]$`);
const LINEAR = new RegExp(`^[xy]-axis (?:${QUOTED} )?${NUMBER} --> ${NUMBER}$`);
const Y_TITLE_ONLY = new RegExp(`^y-axis ${QUOTED}$`);
const SERIES = new RegExp(`^(line|bar) (?:${QUOTED} )?\\[(${NUMBER}(?:, ${NUMBER})*)\\]$`);
const INIT = /^%%\{init: (.*)\}%%$/;

export interface XyChart {
  categories: number | null;
  series: { kind: "line" | "bar"; values: number[] }[];
  palette: string[] | null;
}

export function parseXyChart(text: string): { chart: XyChart; problems: string[] } {
  const problems: string[] = [];
  const chart: XyChart = { categories: null, series: [], palette: null };
  const lines = text.split("\n");
  let at = 0;
  const init = INIT.exec(lines[at] ?? "");
  if (init) {
    try {
      const parsed = JSON.parse(init[1] ?? "") as { themeVariables?: { xyChart?: { plotColorPalette?: string } } };
      chart.palette = parsed.themeVariables?.xyChart?.plotColorPalette?.split(", ") ?? null;
    } catch {
      problems.push(`the init directive is not JSON: ${lines[at]}`);
    }
    at++;
  }
  if (lines[at] !== "xychart-beta") problems.push(`expected "xychart-beta", found ${JSON.stringify(lines[at])}`);
  for (const raw of lines.slice(at + 1)) {
    const line = raw.trim();
    const band = BAND.exec(line);
    const series = SERIES.exec(line);
    if (band) {
      const categories = (band[1] ?? "").split(", ");
      chart.categories = categories.length;
      // Mermaid places equal categories at one spot: their values would be drawn on top of each other.
      if (new Set(categories).size < categories.length) problems.push(`repeated categories: ${band[1]}`);
    } else if (series) {
      chart.series.push({
        kind: series[1] === "bar" ? "bar" : "line",
        values: (series[2] ?? "").split(", ").map(Number),
      });
    } else if (!TITLE.test(line) && !LINEAR.test(line) && !Y_TITLE_ONLY.test(line)) {
      problems.push(`not an xychart statement: ${JSON.stringify(line)}`);
    }
  }
  if (chart.series.length === 0) problems.push("no line or bar");
  const lengths = new Set(chart.series.map((s) => s.values.length));
  if (lengths.size > 1) problems.push(`series of different lengths: ${[...lengths].join(", ")}`);
  if (chart.categories !== null && !lengths.has(chart.categories))
    problems.push(`${chart.categories} categories but series of ${[...lengths].join(", ")} values`);
  if (chart.palette && chart.palette.length !== chart.series.length)
    problems.push(`${chart.palette.length} colours for ${chart.series.length} series`);
  return { chart, problems };
}

/** Every mermaid fence of a markdown document, closed; an unclosed one is a problem. */
export function mermaidCharts(markdown: string): { charts: string[]; unclosed: boolean } {
  const charts: string[] = [];
  const parts = markdown.split("```mermaid\n");
  let unclosed = false;
  for (const part of parts.slice(1)) {
    const end = part.indexOf("\n```");
    if (end < 0) unclosed = true;
    else charts.push(part.slice(0, end));
  }
  return { charts, unclosed };
}
