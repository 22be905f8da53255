import type { RepositoryInfo } from "./detect.ts";

/**
 * Which registry.uri init writes, and why: --registry; else the one the mlops.yml --force replaces named (the registry
 * holds the champion, and detection cannot find a folder or bucket again: ./previous-config.ts); else the GitHub
 * repository itself; else none (the local folder).
 */

export type RegistryFrom = "--registry" | "replaced mlops.yml" | "origin" | null;

export function chooseRegistry(
  option: string | undefined,
  previous: string | null | undefined,
  repository: RepositoryInfo,
): { uri: string | null; from: RegistryFrom } {
  if (option !== undefined) return { uri: option, from: "--registry" };
  if (previous) return { uri: previous, from: "replaced mlops.yml" };
  const remote = registryOfRemote(repository);
  return { uri: remote, from: remote === null ? null : "origin" };
}

/**
 * The registry a repository on github.com gets when none was asked for: the repository itself (docs/registry.md "On
 * GitHub"), so pull requests have a champion to gate against from the first push, with no bucket and no secret.
 * Elsewhere (no remote, another host) the local folder stays the default, and the next steps say what it lacks.
 */
function registryOfRemote(repository: RepositoryInfo): string | null {
  const { remote } = repository;
  return remote?.host === "github.com" ? `github://${remote.owner}/${remote.repo}` : null;
}
