import type { Chart, Section } from "../../src/report/blocks.ts";

/**
 * A report with every kind of block, shaped like the gate's and the registry's (ROC curve on a numeric axis, slice bars
 * with intervals and a baseline line, a confusion matrix with an empty row, an alias timeline with an open span), for
 * the renderer's tests and the browser test.
 */

const grid = Array.from({ length: 21 }, (_, i) => i / 20);

export const EVERY_BLOCK: Section[] = [
  {
    title: "Gate",
    status: "fail",
    headline: "1 of 3 rules failed",
    blocks: [
      { kind: "text", text: "The candidate is worse than the champion on one slice." },
      {
        kind: "table",
        table: {
          headers: ["metric", "candidate", "champion"],
          rows: [
            ["accuracy", "0.91", "0.93"],
            ["f1", "0.88", "0.9"],
          ],
          align: ["left", "right", "right"],
        },
      },
      {
        kind: "chart",
        chart: {
          title: "ROC curve",
          caption: "blue: candidate; orange: the baseline; grey: chance.",
          labels: [],
          bars: [],
          line: null,
          lines: [
            { values: grid.map((x) => Math.sqrt(x)), colour: "blue" },
            { values: grid.map((x) => x ** 0.7), colour: "orange" },
            { values: grid, colour: "grey" },
          ],
          range: [0, 1],
          xAxis: { title: "False positive rate", range: [0, 1] },
          yTitle: "True positive rate",
        },
      },
      {
        kind: "chart",
        chart: {
          title: "accuracy by island",
          caption: "bars are the candidate, the line is the baseline; whiskers the 95% bootstrap interval.",
          labels: ["Biscoe", "Dream", "Torgersen"],
          bars: [0.93, 0.81, 0.97],
          line: [0.9, 0.86, 0.95],
          range: [0, 1],
          intervals: {
            label: "95% bootstrap interval",
            bounds: [{ low: 0.9, high: 0.96 }, null, { low: 0.92, high: 1 }],
          },
        },
      },
      {
        kind: "details",
        summary: "accuracy by island: the numbers",
        blocks: [{ kind: "table", table: { headers: ["island", "accuracy"], rows: [["Biscoe", "0.9312"]] } }],
      },
      {
        kind: "heatmap",
        heatmap: {
          title: "Confusion matrix",
          caption: "Each cell shaded by its share of its row.",
          rowTitle: "actual",
          columnTitle: "predicted",
          rows: ["Adelie", "Chinstrap", "Gentoo"],
          columns: ["Adelie", "Chinstrap", "Gentoo"],
          cells: [
            [40, 3, 1],
            [0, 0, 0],
            [2, 1, 50],
          ],
        },
      },
      { kind: "code", text: "python train.py\nTraceback: <none>" },
      { kind: "link", text: "The workflow run", url: "https://github.com/acme/penguins/actions/runs/1" },
    ],
  },
  {
    title: "Registry",
    status: "pass",
    headline: "",
    blocks: [
      {
        kind: "timeline",
        timeline: {
          title: "Alias history",
          caption: "Which version each alias held.",
          lanes: [
            {
              name: "champion",
              spans: [
                { label: "v1", from: "2026-11-01T00:00:00Z", to: "2026-11-20T12:00:00Z" },
                { label: "v3", from: "2026-11-20T12:00:00Z", to: null, note: "promoted by the gate" },
              ],
            },
            { name: "challenger", spans: [{ label: "v2", from: "2026-11-10T00:00:00Z", to: "2026-11-20T12:00:00Z" }] },
          ],
          end: "2026-12-06T00:00:00Z",
        },
      },
      {
        kind: "markdown",
        title: "Model notes",
        text: "## Known limits\n\nTrained on **three** islands; see `prepare.py`.\n\n- one\n- two\n\n```\ncode <b>\n```",
      },
    ],
  },
];

/** The renderer's own markup: a page made of any strings holds these tags and no other. */
export const ALLOWED_TAGS = new Set(
  "html head meta title style body header h1 h2 h3 h4 h5 h6 p nav ol ul li a main section span time div table thead tbody tr th td pre code details summary figure figcaption strong em svg text line rect polyline circle g footer".split(
    " ",
  ),
);

const chart = (overrides: Partial<Chart>): Chart => ({
  title: "t",
  caption: "c",
  labels: [],
  bars: [],
  line: null,
  range: null,
  ...overrides,
});

export const HOSTILE = `<img src=x onerror="alert(1)"> </section><script>alert('x')</script> & "quoted" 'single' \u202Eevil`;

/** Every string field of every block kind holds the hostile string. */
export function hostileSections(): Section[] {
  const h = HOSTILE;
  return [
    {
      title: h,
      status: "fail",
      headline: h,
      blocks: [
        { kind: "text", text: h },
        { kind: "table", table: { headers: [h], rows: [[h]] } },
        { kind: "code", text: h },
        { kind: "details", summary: h, blocks: [{ kind: "text", text: h }] },
        {
          kind: "chart",
          chart: {
            ...chart({ title: h, caption: h, labels: [h, h], bars: [1, 2], yTitle: h }),
            intervals: { label: h, bounds: [{ low: 0, high: 1 }, null] },
          },
        },
        {
          kind: "chart",
          chart: chart({ title: h, lines: [{ values: [1, 2], colour: "blue" }], xAxis: { title: h, range: [0, 1] } }),
        },
        { kind: "markdown", title: h, text: `# ${h}\n\n${h}\n\n- ${h}\n\n\`${h}\`\n\n\`\`\`\n${h}\n\`\`\`` },
        { kind: "link", text: h, url: h },
        { kind: "link", text: h, url: "https://github.com/a/b" },
        {
          kind: "heatmap",
          heatmap: { title: h, caption: h, rowTitle: h, columnTitle: h, rows: [h], columns: [h], cells: [[1]] },
        },
        {
          kind: "timeline",
          timeline: {
            title: h,
            caption: h,
            lanes: [{ name: h, spans: [{ label: h, from: "2026-01-01T00:00:00Z", to: null, note: h }] }],
            end: "2026-02-01T00:00:00Z",
          },
        },
      ],
    },
  ];
}

const sliceValues = Array.from({ length: 60 }, (_, i) => `slice value number ${i}`);
const classes = Array.from({ length: 12 }, (_, i) => `class-${i}`);

/** Figures at their crowded end: 60 long category labels, bars below zero, a 12-class confusion matrix. */
export const CROWDED: Section = {
  title: "Crowded figures",
  status: "warn",
  headline: "",
  blocks: [
    {
      kind: "chart",
      chart: {
        title: "accuracy by slice",
        caption: "60 slices with long names.",
        labels: sliceValues,
        bars: sliceValues.map((_, i) => 0.5 + 0.4 * Math.sin(i)),
        line: sliceValues.map(() => 0.6),
        range: [0, 1],
        intervals: {
          label: "95% interval",
          bounds: sliceValues.map((_, i) => ({ low: 0.4 + 0.4 * Math.sin(i), high: 0.6 + 0.4 * Math.sin(i) })),
        },
      },
    },
    {
      kind: "chart",
      chart: {
        title: "Residuals by predicted value",
        caption: "Bars below zero.",
        labels: ["1.2", "3.4", "5.6", "7.8"],
        bars: [-2.5, 1.2, 0.4, -0.7],
        line: null,
        range: null,
        yTitle: "Mean residual",
      },
    },
    {
      kind: "heatmap",
      heatmap: {
        title: "Confusion matrix",
        caption: "Twelve classes.",
        rowTitle: "actual",
        columnTitle: "predicted",
        rows: classes,
        columns: classes,
        cells: classes.map((_, r) => classes.map((_, c) => (r === c ? 1000 + r : (r * c) % 7))),
      },
    },
  ],
};
