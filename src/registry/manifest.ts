import * as z from "../zod.ts";
import { NAME_PATTERN } from "../config/schema/common.ts";
import { relativePathProblem } from "../files/safe-path.ts";

/**
 * A version's manifest (DOMAIN.md §4): what the version holds and where it came from. Manifests are read back from a
 * store anyone with bucket access can write to, so they are parsed with this schema, never trusted as they are.
 *
 * Format history: `@1` (the first registry) has no sequence number; `@2` adds `sequence` (required) and `repository`.
 * The reader takes both; the writer writes `@2`.
 */

export const MANIFEST_FORMAT_V1 = "mlops-kit/manifest@1";
export const MANIFEST_FORMAT = "mlops-kit/manifest@2";

const SafeRelativePath = z.string().check(
  z.refine((value) => relativePathProblem(value) === undefined, {
    error: "not a safe relative path",
  }),
);
const Name = z.string().check(z.regex(NAME_PATTERN, { error: "not a valid name" }));

const FileEntry = z.object({
  /** Path inside the version (and, on pull, inside the output folder). */
  path: SafeRelativePath,
  size: z.number().check(z.int(), z.gte(0)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export const ManifestSchema = z
  .object({
    format: z.enum([MANIFEST_FORMAT_V1, MANIFEST_FORMAT]),
    model: Name,
    /** Unique and sortable without coordination: `v<UTC time to the ms>-<random>` (see newVersionId). */
    version: Name,
    /** The friendly number (1, 2, 3 ...): unique per model, in commit order. Absent on `@1` manifests. */
    sequence: z.optional(z.number().check(z.int(), z.gte(1))),
    createdAt: z.string(),
    files: z.array(FileEntry),
    /**
     * Files the kit keeps with a version for its own use, by name: `predictions` (the evaluation predictions, for
     * paired significance tests against this version), `profile` (the training-data profile, the drift reference),
     * `report` (the run's HTML report), `card` (the model card) and `mlbom` (the CycloneDX ML-BOM; src/card/).
     */
    attachments: z._default(z.record(z.string().check(z.regex(NAME_PATTERN)), FileEntry), {}),
    metrics: z.record(z.string(), z.number()),
    slices: z._default(
      z.array(
        z.object({
          column: z.string(),
          value: z.string(),
          rows: z.number(),
          metrics: z.record(z.string(), z.number()),
        }),
      ),
      [],
    ),
    gate: z.nullable(z.object({ verdict: z.enum(["pass", "fail", "error"]), baseline: z.nullable(z.string()) })),
    params: z.record(z.string(), z.unknown()),
    /**
     * The `--set` overrides (dotted `name`, `value` as read) that `params` include on top of the params committed at
     * `git.sha`: with any, that commit alone does not reproduce the version. Empty when there were none; absent when
     * not known (no train run, manifests of older kits).
     */
    overrides: z.optional(z.array(z.object({ name: z.string().check(z.minLength(1)), value: z.unknown() }))),
    /**
     * Fingerprints of the data the model was trained and evaluated on: size and sha256 of local files, size and ETag of
     * s3:// objects (see src/data/fingerprint.ts).
     */
    data: z.array(
      z.object({
        dataset: z.string(),
        files: z.array(
          z
            .object({
              path: z.string(),
              size: z.number().check(z.int(), z.gte(0)),
              sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
              etag: z.optional(z.string().check(z.minLength(1))),
            })
            .check(
              z.refine((file) => file.sha256 !== undefined || file.etag !== undefined, {
                error: "a data file needs a sha256 or an etag",
              }),
            ),
        ),
      }),
    ),
    git: z.object({
      sha: z.nullable(z.string()),
      ref: z.nullable(z.string()),
      /**
       * The model was built from uncommitted changes on `sha` (src/pipeline/worktree.ts says which count). Absent
       * when that could not be known, and in manifests of older kits.
       */
      dirty: z.optional(z.boolean()),
      /** `sha256:<hex>` of those changes, null when clean. */
      diff: z.optional(z.nullable(z.string())),
      /** The changed paths (the first 20). */
      changed: z.optional(z.array(z.string())),
    }),
    /** The stage results the version was made from, by id (DOMAIN.md §6); absent in manifests of older kits. */
    chain: z.optional(
      z.object({ trainRun: z.nullable(z.string()), evaluation: z.nullable(z.string()), gate: z.nullable(z.string()) }),
    ),
    /** owner/name of the repository that published it, when known. */
    repository: z.optional(z.nullable(z.string())),
    runUrl: z.nullable(z.string()),
    actor: z.nullable(z.string()),
    kitVersion: z.string(),
  })
  .check(
    z.refine((m) => m.format === MANIFEST_FORMAT_V1 || m.sequence !== undefined, {
      error: `a ${MANIFEST_FORMAT} manifest needs a sequence number`,
      path: ["sequence"],
    }),
  );

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestFile = Manifest["files"][number];

/** How messages name a version: `churn v20260301T120000123Z-a1b2c3 (#7)`, the number when it has one. */
export function describeVersion(manifest: Pick<Manifest, "model" | "version" | "sequence">): string {
  return `${manifest.model} ${manifest.version}${manifest.sequence === undefined ? "" : ` (#${manifest.sequence})`}`;
}
