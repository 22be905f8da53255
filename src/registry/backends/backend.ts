import type * as z from "../../zod.ts";
import type { RegistrySection } from "../../config/schema/registry.ts";
import type { ObjectStore } from "../../store/object-store.ts";

/**
 * One kind of place a registry can live, named by the scheme of `registry.uri`: one file per backend in this folder,
 * one row in the table (index.ts). A backend reads the URIs that are its own, says which settings of the registry
 * section it uses, opens the object store the registry is kept in, and says what a GitHub workflow job needs to
 * reach it. The registry's contract tests run on every row (test/registry/backend-table.test.ts checks that they do).
 */
export interface RegistryBackend<Location extends { scheme: string }> {
  /** What `registry.uri` starts with (`s3` for `s3://`); `folder` for a path, which has no scheme. */
  scheme: Location["scheme"];
  /**
   * The location `uri` names, when it is this backend's; undefined when it is not. A URI of this scheme that is
   * malformed is a UserError (exit 2) saying what is expected.
   */
  read(uri: string): Location | undefined;
  /** The fields of the registry section (besides uri) this backend uses: a pick of config/schema/registry.ts. */
  settings: z.ZodMiniObject;
  /** The object store at `location`. */
  open(location: Location, place: OpenPlace): Promise<ObjectStore>;
  /** What a workflow job that reads or writes this registry needs. */
  workflow: WorkflowNeeds;
}

/** The registry section's settings besides uri; a door passes what it has, and one left out takes its default. */
export type RegistrySettings = Partial<Omit<z.output<typeof RegistrySection>, "uri">>;

/** Where and how a door opens a registry. */
export interface OpenPlace {
  /** What a relative folder is relative to: the folder of mlops.yml, or the working directory of `mlops pull`. */
  root: string;
  /** The door's environment, where credentials come from (not necessarily process.env). */
  env: NodeJS.ProcessEnv;
  settings: RegistrySettings;
}

/** How a job gets credentials for the registry before the kit's steps run. */
export type CredentialsKind =
  /** An AWS role assumed by OIDC (aws-actions/configure-aws-credentials), named by a repository variable. */
  "aws-oidc";

/** What a GitHub workflow job needs to reach a registry: written into the workflows by `mlops init`. */
export interface WorkflowNeeds {
  /** Job permissions beyond `contents: read`, for a job that only reads the registry and for one that writes it. */
  permissions: Record<"read" | "write", Partial<Record<"id-token" | "contents", "read" | "write">>>;
  /** The credentials steps the job runs first (none for a folder). */
  credentials: readonly CredentialsKind[];
}
