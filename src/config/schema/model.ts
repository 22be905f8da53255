import * as z from "zod";
import { Name, Scalar } from "./common.ts";

export const ModelSection = z
  .strictObject({
    name: Name.describe("The model's name in the registry, reports and check names."),
    task: z
      .enum(["classification", "regression"])
      .default("classification")
      .describe("What the model predicts: classes (`classification`) or numbers (`regression`)."),
    positive_label: Scalar.optional().describe(
      "The positive class for binary metrics (precision, recall, F1, ROC AUC). Default: 1, true or yes when the " +
        "labels are those; otherwise set it.",
    ),
    description: z.string().optional().describe("One line about the model, shown in reports and the registry."),
  })
  .describe("What is being trained.");
