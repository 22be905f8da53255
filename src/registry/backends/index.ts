import type { ObjectStore } from "../../store/object-store.ts";
import type { OpenPlace, RegistryBackend, WorkflowNeeds } from "./backend.ts";
import { folderBackend, type FolderRegistryLocation } from "./folder.ts";
import { githubBackend, type GitHubRegistryLocation } from "./github.ts";
import { s3Backend, type S3RegistryLocation } from "./s3.ts";

export type { CredentialsKind, OpenPlace, RegistrySettings, WorkflowNeeds } from "./backend.ts";

/** `registry.uri` read by scheme: one location type per backend. */
export type RegistryLocation = S3RegistryLocation | GitHubRegistryLocation | FolderRegistryLocation;

export type RegistryScheme = RegistryLocation["scheme"];

/**
 * The registry backends, one row each, in the order a URI is tried: the folder reads any URI, so it comes last.
 * A new backend is a file in this folder, its location in {@link RegistryLocation} and a row here.
 */
export const REGISTRY_BACKENDS: readonly RegistryBackendRow[] = [
  row(s3Backend),
  row(githubBackend),
  row(folderBackend),
];

/** A row of the table: a backend with its reading and opening tied together, so that rows of any location fit. */
export interface RegistryBackendRow extends Pick<RegistryBackend<RegistryLocation>, "settings" | "workflow"> {
  scheme: RegistryScheme;
  /** The location and a way to open it, when `uri` is this backend's. */
  resolve(uri: string): ResolvedRegistry | undefined;
}

export interface ResolvedRegistry {
  location: RegistryLocation;
  open(place: OpenPlace): Promise<ObjectStore>;
}

function row<Location extends RegistryLocation>(backend: RegistryBackend<Location>): RegistryBackendRow {
  return {
    scheme: backend.scheme,
    settings: backend.settings,
    workflow: backend.workflow,
    resolve(uri) {
      const location = backend.read(uri);
      return location === undefined ? undefined : { location, open: (place) => backend.open(location, place) };
    },
  };
}

/** The backend that serves `uri` and the location it names; a UserError when the URI is its own but malformed. */
export function resolveRegistryUri(uri: string): ResolvedRegistry {
  for (const backend of REGISTRY_BACKENDS) {
    const resolved = backend.resolve(uri);
    if (resolved) return resolved;
  }
  throw new Error(`no registry backend reads "${uri}": the folder row must come last and read every URI`);
}

/** The row of a scheme. */
export function registryBackend(scheme: RegistryScheme): RegistryBackendRow {
  const found = REGISTRY_BACKENDS.find((backend) => backend.scheme === scheme);
  if (!found) throw new Error(`no registry backend has the scheme "${scheme}"`);
  return found;
}

/** The scheme of a config's `registry.uri`: a folder when it has none (the workspace's registry). */
export function registryScheme(uri: string | undefined): RegistryScheme {
  return uri === undefined ? "folder" : resolveRegistryUri(uri).location.scheme;
}

/**
 * What a job of the kit's reusable workflows needs to reach the registry, whichever backend the caller's is (their
 * credentials steps skip themselves when the caller passes no role). The higher level wins.
 *
 * The github row is left out on purpose. A called workflow's job cannot get more GITHUB_TOKEN permissions than its
 * caller grants: GitHub fails the whole run at startup ("The nested job ... is requesting 'contents: write', but is
 * only allowed 'contents: read'"). Asking `contents: write` here would break every caller that grants
 * `contents: read`, which is every S3 caller there is. A github:// registry therefore needs the workflows
 * `mlops init` writes into the project, whose jobs ask for what they use (issue 15, item 4).
 */
export function reusableWorkflowsNeeds(): WorkflowNeeds {
  const permissions: WorkflowNeeds["permissions"] = { read: {}, write: {} };
  const credentials = new Set<WorkflowNeeds["credentials"][number]>();
  for (const backend of REGISTRY_BACKENDS.filter((row) => row.scheme !== "github")) {
    for (const access of ["read", "write"] as const) {
      for (const [name, level] of Object.entries(backend.workflow.permissions[access])) {
        const permission = name as keyof WorkflowNeeds["permissions"][typeof access];
        if (permissions[access][permission] !== "write") permissions[access][permission] = level;
      }
    }
    for (const kind of backend.workflow.credentials) credentials.add(kind);
  }
  return { permissions, credentials: [...credentials] };
}
