import type { PublishInput } from "../src/registry/write-version.ts";

/** What the registry benches publish: one model file and nothing else (no metrics, lineage or gate to speak of). */
export function modelFileOnly(model: string, source: string): PublishInput {
  return {
    model,
    files: [{ path: "model.bin", source }],
    metrics: {},
    slices: [],
    gate: { verdict: "pass", baseline: null },
    params: {},
    data: [],
    git: { sha: null, ref: null },
    runUrl: null,
    actor: "bench",
    kitVersion: "bench",
  };
}
