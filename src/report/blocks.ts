import type { Table } from "./table.ts";

/** What a stage's report is made of: structured blocks that sections.ts renders to markdown or terminal text. */

export type Block =
  | { kind: "text"; text: string }
  | { kind: "table"; table: Table }
  | { kind: "code"; text: string }
  | {
      kind: "details";
      summary: string;
      blocks: Block[];
      /**
       * Whether terminal text shows it (markdown always does): always (the default), only with --verbose (validate's
       * column profiles), or never (a failed command's output, which the terminal showed live).
       */
      terminal?: "always" | "verbose" | "never";
    }
  /** A bar or line chart (Mermaid in markdown; left out of terminal text, where the table beside it says the same). */
  | { kind: "chart"; chart: Chart }
  /**
   * A section of the repository's own markdown under a heading, put in as written (a code fence it leaves open is
   * closed). Only gate/user-sections.ts makes one, and only for files the job's event vouches for; anything else a
   * user wrote goes in text and code blocks, which are escaped.
   */
  | { kind: "markdown"; title: string; text: string }
  /** A link to a URL the kit vetted (an https workflow-run page); anything else is rendered as plain text. */
  | { kind: "link"; text: string; url: string }
  /**
   * A grid of counts shaded by size (a confusion matrix). Drawn only in the HTML report: markdown and terminal text
   * leave it out, so whoever makes one puts a table of the same numbers beside it.
   */
  | { kind: "heatmap"; heatmap: Heatmap }
  /** Spans on lanes over time (which version each alias held, and when). HTML only, like {@link Heatmap}. */
  | { kind: "timeline"; timeline: Timeline };

export interface Heatmap {
  title: string;
  caption: string;
  /** What the rows and the columns are (e.g. "actual", "predicted"). */
  rowTitle: string;
  columnTitle: string;
  rows: string[];
  columns: string[];
  /** cells[row][column]; a cell is shaded by its share of its row, so a small class's errors still show. */
  cells: number[][];
}

export interface Timeline {
  title: string;
  caption: string;
  lanes: {
    name: string;
    /** In time order; `to` is null for the span that still holds (drawn up to the timeline's end). */
    spans: { label: string; from: string; to: string | null; note?: string }[];
  }[];
  /** Where the axis ends: ISO time, usually when the report was made. */
  end: string;
}

export interface Chart {
  title: string;
  /** What the marks mean, shown above the chart (Mermaid's xychart has no legend: the caption names the colours). */
  caption: string;
  /** The categories along x (ignored when {@link Chart.xAxis} is set). */
  labels: string[];
  /** Drawn as bars; none when empty. */
  bars: number[];
  /** Drawn as a line over the bars, when there is one (e.g. the baseline). */
  line: number[] | null;
  /** What the bars and `line` are, for the HTML report's legend (Mermaid has none: the caption says it there). */
  names?: { bars?: string; line?: string };
  /** Fixed y range, e.g. [0, 1] for a share. */
  range: [number, number] | null;
  /** A numeric x axis instead of categories: the values are evenly spaced from the first to the last of `range`. */
  xAxis?: { title: string; range: [number, number] };
  yTitle?: string;
  /**
   * More lines, drawn after `line`, each in a named colour (the bars are blue, `line` orange, when there are any), with
   * what it is for the HTML report's legend (e.g. "candidate"); Mermaid has no legend, so the caption names colours.
   */
  lines?: { values: number[]; colour: ChartColour; name?: string }[];
  /**
   * An interval per bar (null where a bar has none), with what it is, e.g. "95% bootstrap interval". The HTML report
   * draws error bars; Mermaid has none, so whoever sets this draws the ends as `lines` too and says so in the caption.
   */
  intervals?: { label: string; bounds: ({ low: number; high: number } | null)[] };
}

export type ChartColour = (typeof CHART_COLOURS)[number]["name"];

/** The colours a chart with {@link Chart.lines} is drawn in, fixed so a caption can name them: xychart has no legend. */
export const CHART_COLOURS = [
  { name: "blue", hex: "#2563eb" },
  { name: "orange", hex: "#ea580c" },
  { name: "grey", hex: "#9ca3af" },
  { name: "green", hex: "#16a34a" },
] as const;

export type Status = "pass" | "fail" | "error" | "warn" | "skipped" | "ok" | "failed";

export interface Section {
  title: string;
  status: Status;
  /** One line for overviews (`mlops run` prints this for stages that went well). */
  headline: string;
  blocks: Block[];
}
