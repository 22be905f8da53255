import type { Section } from "../../src/report/blocks.ts";

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
        blocks: [{ kind: "table", table: { headers: ["island", "accuracy"], rows: [["Biscoe", "0.93"]] } }],
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
