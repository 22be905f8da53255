import * as z from "zod";

/**
 * What people must be told about the model that no run can measure: its license, what it is for and not for, its
 * known limits, who made it. The model card and the ML-BOM each published version carries (src/card/) take these as
 * they are written; everything else in them comes from the version's manifest and its gate.
 */

/** An SPDX license id or expression (`MIT`, `Apache-2.0`, `MIT OR Apache-2.0`), or the SPDX `LicenseRef-` form. */
const SPDX_PATTERN = /^[A-Za-z0-9.+-]+(?:\s+(?:AND|OR|WITH)\s+[A-Za-z0-9.+-]+)*$/;

const Text = z.string().trim().min(1, { error: "expected some text" });

export const CardSection = z
  .strictObject({
    license: z
      .string()
      .trim()
      .regex(SPDX_PATTERN, { error: "expected an SPDX license id or expression, such as MIT or Apache-2.0" })
      .optional()
      .describe(
        "The model's license as an SPDX id or expression (https://spdx.org/licenses/), e.g. `Apache-2.0`; " +
          "`LicenseRef-<name>` for your own.",
      ),
    intended_use: Text.optional().describe("What the model is for, and for whom: the card's first section."),
    out_of_scope: z
      .array(Text)
      .optional()
      .describe('Uses the model is not meant for, one per item (the card\'s "Out of scope" list).'),
    limitations: z.array(Text).optional().describe("Known limitations, biases and risks, one per item."),
    authors: z.array(Text).optional().describe("Who made the model (people or teams), as they want to be named."),
    tags: z
      .array(
        z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "expected a tag of letters, digits, '.', '_' or '-'" }),
      )
      .optional()
      .describe("Tags for the card's front matter (Hugging Face's `tags`), e.g. `tabular`, `churn`."),
  })
  .describe(
    "The model card each published version carries (docs/model-card.md): these facts are written as given; the " +
      "metrics, data fingerprints and lineage come from the version itself.",
  );

export type CardConfig = z.output<typeof CardSection>;
