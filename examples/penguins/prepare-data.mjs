// Derives data/train.csv, data/eval.csv and data/fresh.csv from vega-datasets' penguins.json, deterministically, so
// anyone can check that the committed CSVs are exactly what this file produces.
//
//   node prepare-data.mjs node_modules/vega-datasets/data/penguins.json   (vega-datasets@3.2.1)
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { InputError, readTextFile, runScript } from "./cli.mjs";
import { formatCsv } from "./csv.mjs";

// vega-datasets' datapackage.json records each file's hash as the SHA-1 of its git blob (what `git hash-object`
// prints), not of the raw bytes that `sha1sum` reads; this is that value for penguins.json in 3.2.1.
const EXPECTED_GIT_BLOB_SHA1 = "517b6d3267174b1b65691a37cbd59c1739155866";

/** Source key for each output column, in output order. */
const SOURCE_KEYS = {
  species: "Species",
  island: "Island",
  beak_length_mm: "Beak Length (mm)",
  beak_depth_mm: "Beak Depth (mm)",
  flipper_length_mm: "Flipper Length (mm)",
  body_mass_g: "Body Mass (g)",
  sex: "Sex",
};
const COLUMNS = Object.keys(SOURCE_KEYS);
const OUTPUT_DIR = new URL("./data/", import.meta.url);

/** @typedef {Record<string, string | number | null>} PenguinRow */

await runScript("prepare-data.mjs", async () => {
  const sourcePath = process.argv[2];
  if (!sourcePath) throw new InputError("usage: node prepare-data.mjs <path to vega-datasets/data/penguins.json>");
  const sourceText = await readTextFile(sourcePath, "penguins.json");
  warnIfNotTheDocumentedSource(sourceText);

  /** @type {unknown} */
  let source;
  try {
    source = JSON.parse(sourceText);
  } catch (error) {
    throw new InputError(`${sourcePath} is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
  if (!Array.isArray(source)) throw new InputError(`${sourcePath} should hold a JSON array of penguin records`);
  const allRows = source.map(renameColumns);

  // The target must be known to train or evaluate on a row. The source marks an unknown sex with null, and once
  // (a Gentoo on Biscoe) with ".", a placeholder carried over from the LTER raw data; both mean "unknown".
  const rows = allRows.filter((row) => row.sex === "MALE" || row.sex === "FEMALE");
  const unexpected = allRows.find((row) => row.sex !== null && row.sex !== "." && !rows.includes(row));
  if (unexpected) throw new InputError(`unexpected sex value ${JSON.stringify(unexpected.sex)} in ${sourcePath}`);

  // Every third row goes to eval: a split by position rather than by a seeded shuffle, so it is obvious and stable.
  // The source is ordered by species and island, so both sets cover all of them in about the same proportions.
  const train = rows.filter((_row, index) => index % 3 !== 2);
  const evaluation = rows.filter((_row, index) => index % 3 === 2);
  const fresh = rows.map(shiftLikeANewSeason);

  await mkdir(OUTPUT_DIR, { recursive: true });
  for (const [name, subset] of /** @type {const} */ ([
    ["train.csv", train],
    ["eval.csv", evaluation],
    ["fresh.csv", fresh],
  ])) {
    const csv = formatCsv(
      COLUMNS,
      subset.map((row) => COLUMNS.map((column) => row[column])),
    );
    await writeFile(new URL(name, OUTPUT_DIR), csv);
    console.log(`wrote data/${name}: ${subset.length} rows`);
  }
  console.log(`dropped ${allRows.length - rows.length} of ${allRows.length} source rows whose sex is unknown`);
});

/**
 * @param {unknown} record
 * @param {number} index
 * @returns {PenguinRow}
 */
function renameColumns(record, index) {
  if (typeof record !== "object" || record === null) throw new InputError(`source record ${index} is not an object`);
  const fields = /** @type {Record<string, unknown>} */ (record);
  return Object.fromEntries(
    Object.entries(SOURCE_KEYS).map(([column, sourceKey]) => {
      const value = fields[sourceKey];
      if (value !== null && typeof value !== "string" && typeof value !== "number") {
        throw new InputError(`source record ${index}: "${sourceKey}" is ${JSON.stringify(value)}`);
      }
      return [column, value];
    }),
  );
}

/**
 * A synthetic "new season" batch for drift demos, not real observations: the same birds, heavier by 12% and with
 * flippers 6 mm longer, so the kit's drift checks have a clear, known shift to find. Masses are rounded to whole
 * grams like the source; missing values stay missing.
 * @param {PenguinRow} row
 * @returns {PenguinRow}
 */
function shiftLikeANewSeason(row) {
  const { body_mass_g: mass = null, flipper_length_mm: flipper = null } = row;
  return {
    ...row,
    body_mass_g: typeof mass === "number" ? Math.round(mass * 1.12) : mass,
    flipper_length_mm: typeof flipper === "number" ? flipper + 6 : flipper,
  };
}

/**
 * The derivation is only reproducible from the documented file, so say loudly when it is another one; but still run,
 * since deriving from a newer release is a legitimate thing to try.
 * @param {string} sourceText
 */
function warnIfNotTheDocumentedSource(sourceText) {
  const bytes = Buffer.from(sourceText, "utf8");
  const gitBlobSha1 = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
  if (gitBlobSha1 !== EXPECTED_GIT_BLOB_SHA1) {
    console.warn(
      `warning: this penguins.json (git blob sha1 ${gitBlobSha1}) is not the vega-datasets 3.2.1 file ` +
        `(${EXPECTED_GIT_BLOB_SHA1}); the CSVs will differ from the committed ones`,
    );
  }
}
