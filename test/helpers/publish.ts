import type { PublishInput } from "../../src/registry/registry.ts";

/**
 * A publish request for tests that need a version in a registry: the model and its files, everything else a plain
 * passing run with no provenance unless the test says otherwise.
 */
export function publishInput(
  request: Pick<PublishInput, "model" | "files"> & Partial<Omit<PublishInput, "model" | "files">>,
): PublishInput {
  return {
    metrics: {},
    slices: [],
    gate: { verdict: "pass", baseline: null },
    params: {},
    data: [],
    git: { sha: null, ref: null },
    runUrl: null,
    actor: null,
    kitVersion: "test",
    ...request,
  };
}
