import * as z from "../../zod.ts";
import { Name, Scalar } from "./common.ts";

export const ModelSection = z.described(
  z.strictObject({
    name: z.described(Name, "The model's name in the registry, reports and check names."),
    task: z.described(
      z._default(z.enum(["classification", "regression"]), "classification"),
      "What the model predicts: classes (`classification`) or numbers (`regression`).",
    ),
    positive_label: z.described(
      z.optional(Scalar),
      "The positive class for binary metrics (precision, recall, F1, ROC AUC). Default: 1, true or yes when the " +
        "labels are those; otherwise set it.",
    ),
    description: z.described(z.optional(z.string()), "One line about the model, shown in reports and the registry."),
  }),
  "What is being trained.",
);
