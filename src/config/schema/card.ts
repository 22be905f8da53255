import * as z from "../../zod.ts";

/**
 * What people must be told about the model that no run can measure: its license, what it is for and not for, its
 * known limits, who made it. The model card and the ML-BOM each published version carries (src/card/) take these as
 * they are written; everything else in them comes from the version's manifest and its gate.
 */

/** An SPDX license id or expression (`MIT`, `Apache-2.0`, `MIT OR Apache-2.0`), or the SPDX `LicenseRef-` form. */
const SPDX_PATTERN = /^[A-Za-z0-9.+-]+(?:\s+(?:AND|OR|WITH)\s+[A-Za-z0-9.+-]+)*$/;

const Text = z.string().check(z.trim(), z.minLength(1, { error: "expected some text" }));

const License = z
  .string()
  .check(
    z.trim(),
    z.regex(SPDX_PATTERN, { error: "expected an SPDX license id or expression, such as MIT or Apache-2.0" }),
  );

const Tag = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "expected a tag of letters, digits, '.', '_' or '-'" }));

export const CardSection = z.described(
  z.strictObject({
    license: z.described(
      z.optional(License),
      "The model's license as an SPDX id or expression (https://spdx.org/licenses/), e.g. `Apache-2.0`; " +
        "`LicenseRef-<name>` for your own.",
    ),
    intended_use: z.described(z.optional(Text), "What the model is for, and for whom: the card's first section."),
    out_of_scope: z.described(
      z.optional(z.array(Text)),
      'Uses the model is not meant for, one per item (the card\'s "Out of scope" list).',
    ),
    limitations: z.described(z.optional(z.array(Text)), "Known limitations, biases and risks, one per item."),
    authors: z.described(z.optional(z.array(Text)), "Who made the model (people or teams), as they want to be named."),
    tags: z.described(
      z.optional(z.array(Tag)),
      "Tags for the card's front matter (Hugging Face's `tags`), e.g. `tabular`, `churn`.",
    ),
  }),
  "The model card each published version carries (docs/model-card.md): these facts are written as given; the " +
    "metrics, data fingerprints and lineage come from the version itself.",
);

export type CardConfig = z.output<typeof CardSection>;
