import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ConfigDiagnostic } from "../../src/errors.ts";
import { evaluateSection } from "../../src/evaluate/section.ts";
import { runGate } from "../../src/gate/gate.ts";
import { gateSection } from "../../src/gate/section.ts";
import { runEvaluateStage } from "../../src/pipeline/stages.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { renderMarkdown } from "../../src/report/sections.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { brief, configErrorOf, parse } from "../helpers/config.ts";
import { stageContext } from "../helpers/context.ts";
import { tempDir } from "../helpers/temp.ts";

/**
 * The metrics added in issue 17 (balanced accuracy, per-class precision/recall/F1, multiclass ROC AUC averages,
 * expected calibration error, explained variance, max error) from a real predictions file through the evaluate
 * stage, the gate and the report: gate rules can name them, and where one is undefined on the data (single-class
 * labels, a class that is not there) the report and the rule say why in words, never NaN. Their values against
 * scikit-learn are checked in metrics.test.ts and significance.test.ts.
 */

function configText(model: string, predictions: string, rules: string[]): string {
  return `version: 1
model: ${model}
evaluate:
  predictions: ${predictions}
gate:
  baseline: none
  rules:
${rules.map((rule) => `    - metric: ${rule}`).join("\n")}
`;
}

/** What the config checks say about the gate (these projects have no train or publish section, on purpose). */
function gateWarnings(warnings: readonly ConfigDiagnostic[]): string[] {
  return brief(warnings.filter((d) => d.path[0] === "gate"));
}

/** Evaluates `csv` as predictions.csv under `config`, gates it, and renders both report sections. */
async function evaluateAndGate(config: string, csv: string[]) {
  const dir = await tempDir();
  const loaded = parse(config, dir);
  expect(gateWarnings(loaded.warnings)).toEqual([]);
  const context = stageContext(loaded);
  await writeFile(path.join(dir, "predictions.csv"), csv.join("\n") + "\n");
  const evaluation = (await runEvaluateStage(context)).result;
  const gate = await runGate(context, evaluation, createRegistry(createLocalStore(context.workspace.registryDir)));
  const report = renderMarkdown(evaluateSection(evaluation)) + renderMarkdown(gateSection(gate));
  return { evaluation, gate, report };
}

describe("single-class eval data", () => {
  const tumours = (rules: string[]) =>
    configText("{ name: tumours, positive_label: malignant }", "{ path: predictions.csv, score: score }", rules);
  const benignOnly = [
    "label,prediction,score",
    "benign,benign,0.1",
    "benign,malignant,0.7",
    "benign,benign,0.2",
    "benign,benign,0.3",
  ];

  it("a rule on a metric of scores, over predictions without scores, says what to name", async () => {
    // The file's score column is `prob`; the config names none, so no scores are read.
    const { evaluation, gate } = await evaluateAndGate(
      configText("{ name: tumours, positive_label: malignant }", "predictions.csv", ["roc_auc\n      min: 0.7"]),
      ["label,prediction,prob", "benign,benign,0.2", "malignant,malignant,0.8", "benign,malignant,0.6"],
    );
    expect(evaluation.metrics.roc_auc).toBeUndefined();
    expect(gate.outcomes.map((o) => [o.metric, o.verdict, o.reason])).toEqual([
      [
        "roc_auc",
        "error",
        'the candidate has no value for "roc_auc": it is computed from scores, and none were read: name the ' +
          "predictions' score column (evaluate.predictions.score) or their per-class probability columns " +
          "(evaluate.predictions.score_prefix)",
      ],
    ]);
  });

  it("reports ROC AUC as undefined because of it, and a rule on it fails with that reason", async () => {
    const { evaluation, gate, report } = await evaluateAndGate(
      tumours([
        "roc_auc\n      min: 0.7",
        "balanced_accuracy\n      min: 0.5",
        "expected_calibration_error\n      max: 0.5",
      ]),
      benignOnly,
    );
    expect(evaluation.metrics.roc_auc).toBeUndefined();
    expect(evaluation.undefinedMetrics).toEqual({
      roc_auc: "only one class is present in the labels",
      average_precision: "only one class is present in the labels",
    });
    expect(gate.verdict).toBe("error");
    expect(gate.outcomes.map((o) => [o.metric, o.verdict, o.reason])).toEqual([
      [
        "roc_auc",
        "error",
        'the candidate has no value for "roc_auc": undefined because only one class is present in the labels',
      ],
      // Recall of benign only: malignant has no true rows, so it is left out as scikit-learn leaves it out.
      ["balanced_accuracy", "pass", "0.75 is >= 0.5"],
      // Bins (0, 0.1], (0.1, 0.2], (0.2, 0.3] and (0.6, 0.7], one row each: |0 - score| / 4 summed.
      ["expected_calibration_error", "pass", "0.325 is <= 0.5"],
    ]);
    expect(report).toContain("| roc\\_auc | undefined | because only one class is present in the labels |");
    expect(report).toContain("undefined because only one class is present in the labels");
    expect(report).not.toMatch(/NaN/);
  });

  it("gives per-class metrics a rule can name, and says when the class is not in the data", async () => {
    const { evaluation, gate, report } = await evaluateAndGate(
      tumours([
        '"recall[malignant]"\n      min: 0.5',
        '"precision[benign]"\n      min: 0.9',
        '"f1[cyst]"\n      min: 0.5',
      ]),
      benignOnly,
    );
    expect(evaluation.metrics).toMatchObject({
      "precision[benign]": 1,
      "recall[benign]": 0.75,
      "f1[benign]": 6 / 7,
      "precision[malignant]": 0,
      "recall[malignant]": 0,
      "f1[malignant]": 0,
    });
    expect(evaluation.warnings).toContain(
      "recall is ill-defined for a class with no true samples; set to 0 as scikit-learn does",
    );
    expect(gate.outcomes.map((o) => [o.metric, o.verdict, o.reason])).toEqual([
      ["recall[malignant]", "fail", "0 is below the minimum 0.5"],
      ["precision[benign]", "pass", "1 is >= 0.9"],
      [
        "f1[cyst]",
        "error",
        'the candidate has no value for "f1[cyst]": undefined because "cyst" is not a class of its labels or predictions',
      ],
    ]);
    expect(report).toContain("| benign | 1 | 0.75 | 0.8571 |");
  });
});

describe("multiclass probabilities", () => {
  const animals = (rules: string[]) =>
    configText("{ name: animals }", "{ path: predictions.csv, score_prefix: p_ }", rules);

  it("with every score equal: each ROC AUC is 0.5, and the first class is the top one", async () => {
    const third = 1 / 3;
    const { evaluation, gate } = await evaluateAndGate(
      animals(["roc_auc_ovo\n      min: 0.6", "roc_auc_ovr_weighted\n      min: 0.5"]),
      [
        "label,prediction,p_bird,p_cat,p_dog",
        ...["bird", "cat", "dog", "cat", "dog", "dog"].map((label) => `${label},bird,${third},${third},${third}`),
      ],
    );
    expect(evaluation.metrics).toMatchObject({ roc_auc: 0.5, roc_auc_ovr_weighted: 0.5, roc_auc_ovo: 0.5 });
    // One bin, confidence 1/3, accuracy 1/6 (only the bird row is right).
    expect(evaluation.metrics.expected_calibration_error).toBeCloseTo(1 / 6, 12);
    expect(gate.outcomes.map((o) => [o.metric, o.verdict])).toEqual([
      ["roc_auc_ovo", "fail"],
      ["roc_auc_ovr_weighted", "pass"],
    ]);
  });

  it("with a class no row is labelled: every ROC AUC is undefined, naming it", async () => {
    const { evaluation, gate, report } = await evaluateAndGate(animals(["roc_auc_ovo\n      min: 0.6"]), [
      "label,prediction,p_bird,p_cat,p_dog",
      "bird,bird,0.7,0.2,0.1",
      "cat,cat,0.2,0.7,0.1",
      "cat,bird,0.5,0.4,0.1",
    ]);
    const reason = 'no row is labelled "dog"';
    expect(evaluation.undefinedMetrics).toEqual({ roc_auc: reason, roc_auc_ovr_weighted: reason, roc_auc_ovo: reason });
    expect(gate.outcomes[0]?.reason).toBe(`the candidate has no value for "roc_auc_ovo": undefined because ${reason}`);
    expect(report).toContain(`| roc\\_auc\\_ovo | undefined | because ${reason} |`);
    expect(report).not.toMatch(/NaN/);
  });

  it("past 30 classes, per-class metrics are left out and a rule on one says so", async () => {
    const classes = Array.from({ length: 31 }, (_, i) => `c${String(i).padStart(2, "0")}`);
    const { evaluation, gate } = await evaluateAndGate(
      configText("{ name: many }", "{ path: predictions.csv }", ['"recall[c07]"\n      min: 0.5']),
      ["label,prediction", ...classes.map((c) => `${c},${c}`)],
    );
    expect(Object.keys(evaluation.metrics).filter((name) => name.includes("["))).toEqual([]);
    expect(gate.outcomes[0]?.reason).toBe(
      'the candidate has no value for "recall[c07]": undefined because per-class metrics are computed for at most 30 classes and the data has 31',
    );
  });
});

describe("regression", () => {
  it("adds explained variance and max error, which rules can name", async () => {
    const { evaluation, gate } = await evaluateAndGate(
      configText("{ name: prices, task: regression }", "predictions.csv", [
        "explained_variance\n      min: 0.9",
        "max_error\n      max: 1",
      ]),
      ["label,prediction", "1,2", "2,3", "3,4", "4,6.5"],
    );
    // Residuals -1, -1, -1, -2.5 around their mean -1.375: variance 0.421875 against the target's 1.25.
    expect(evaluation.metrics.explained_variance).toBeCloseTo(1 - 0.421875 / 1.25, 12);
    expect(evaluation.metrics.max_error).toBe(2.5);
    expect(gate.outcomes.map((o) => [o.metric, o.verdict])).toEqual([
      ["explained_variance", "fail"],
      ["max_error", "fail"],
    ]);
  });
});

describe("the config", () => {
  const text = (metric: string, extra = "") =>
    configText("{ name: tumours, positive_label: malignant }", "predictions.csv", [
      `${metric}\n      min: 0.5${extra}`,
    ]);
  const accepted = (metric: string): string[] => gateWarnings(parse(text(metric)).warnings);
  const refused = (metric: string, extra = ""): string[] =>
    brief(configErrorOf(() => parse(text(metric, extra))).diagnostics.filter((d) => d.severity === "error"));

  it("accepts per-class metrics as built-in ones, whose direction is fixed", () => {
    expect(accepted('"recall[malignant]"')).toEqual([]);
    expect(accepted("f1[benign]")).toEqual([]);
    expect(refused('"precision[a class]"', "\n      direction: lower")).toEqual([
      '10:18 error gate.rules.0.direction: "precision[a class]" is higher-is-better; a rule cannot turn it around',
    ]);
  });

  it("says to quote a per-class metric inside { }, where YAML reads [ as the start of a list", () => {
    const flow = configText("{ name: tumours, positive_label: malignant }", "predictions.csv", []).replace(
      "rules:\n",
      "rules:\n    - { metric: recall[malignant], min: 0.5 }\n",
    );
    const error = configErrorOf(() => parse(flow));
    expect(error.diagnostics.map((d) => [d.location?.line, d.message, d.hint])).toEqual([
      [
        8,
        "YAML: the per-class metric recall[malignant] must be quoted inside { }",
        'write "recall[malignant]", or put `metric: recall[malignant]` on its own line',
      ],
    ]);
    expect(() => parse(flow.replace("recall[malignant]", '"recall[malignant]"'))).not.toThrow();
  });

  it("knows which task each new metric belongs to", () => {
    expect(accepted("balanced_accuracy")).toEqual([]);
    expect(refused("max_error")).toEqual([
      '8:15 error gate.rules.0.metric: "max_error" is a regression metric but model.task is classification',
    ]);
  });
});
