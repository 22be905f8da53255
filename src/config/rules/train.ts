import path from "node:path";
import { isS3Uri } from "../../files/safe-path.ts";
import { legCount, MAX_LEGS } from "../matrix.ts";
import type { MlopsConfig } from "../schema/index.ts";
import type { Report } from "./report.ts";

/** The train section: a run cache that can work, outputs a cache hit may replace, a sweep GitHub can run. */
export function checkTrain(config: MlopsConfig, report: Report): void {
  const train = config.train;
  if (!train) return;
  const cache = train.cache;
  const cacheEnabled = cache === true || (typeof cache === "object" && cache.enabled);
  if (cacheEnabled && train.outputs.length === 0) {
    report(
      "warning",
      ["train", "cache"],
      "the run cache is on but train.outputs is empty, so a cache hit restores nothing",
      "list what the command writes in train.outputs",
    );
  }
  if (
    typeof cache === "object" &&
    cache.backend === "s3" &&
    cache.uri === undefined &&
    !isS3Uri(config.registry.uri ?? "")
  ) {
    report("error", ["train", "cache", "uri"], "the s3 cache backend needs `uri: s3://bucket/prefix`");
  }
  if (typeof cache === "object" && cache.uri !== undefined) {
    if (cache.backend === "local" && isS3Uri(cache.uri)) {
      report(
        "error",
        ["train", "cache", "uri"],
        "the local cache backend needs a folder, not an s3:// URI",
        "use `backend: s3` (or `auto`) for a cache in a bucket",
      );
    } else if (cache.backend === "actions") {
      report("warning", ["train", "cache", "uri"], "the actions cache backend has no uri; it is ignored");
    }
  }
  // A cache hit replaces each declared output wholesale: one that holds mlops.yml or the workspace would be deleted.
  train.outputs.forEach((output, index) => {
    const normal = path.posix.normalize(output).replace(/\/+$/, "");
    const workspace = path.posix.normalize(config.workspace).replace(/\/+$/, "");
    if (normal === "." || normal === "" || workspace === normal || workspace.startsWith(`${normal}/`)) {
      report(
        "error",
        ["train", "outputs", index],
        `"${output}" holds ${normal === "." || normal === "" ? "mlops.yml" : "the workspace"}, so it cannot be an output`,
        "list the folders or files the command writes, e.g. model/",
      );
    }
  });
  if (train.matrix) {
    const combinations = legCount(train.matrix);
    if (combinations > MAX_LEGS) {
      report(
        "error",
        ["train", "matrix"],
        `the sweep has ${combinations} combinations; GitHub runs at most ${MAX_LEGS} jobs from one matrix`,
        "sweep fewer values, or split the sweep",
      );
    }
  }
  if (train.matrix && typeof train.params === "object") {
    for (const key of Object.keys(train.matrix)) {
      if (!(key in train.params) && !hasDotted(train.params, key)) {
        report(
          "warning",
          ["train", "matrix", key],
          `"${key}" is not one of train.params, so the sweep adds a new param`,
        );
      }
    }
  }
}

/** A dotted name (`opt.lr`) names a value inside nested params. */
function hasDotted(params: Record<string, unknown>, name: string): boolean {
  let current: unknown = params;
  for (const key of name.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}
