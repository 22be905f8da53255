import type { PublishInput } from "../src/registry/write-version.ts";
import { publishInput } from "../test/helpers/publish.ts";

/** What the registry benches publish: one model file and nothing else (no metrics, lineage or gate to speak of). */
export function modelFileOnly(model: string, source: string): PublishInput {
  return publishInput({ model, files: [{ path: "model.bin", source }], actor: "bench", kitVersion: "bench" });
}
