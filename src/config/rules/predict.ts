import path from "node:path";
import { isInside, isS3Uri, parseS3Uri } from "../../files/safe-path.ts";
import { checkCron } from "../cron.ts";
import type { MlopsConfig } from "../schema/index.ts";
import type { Report, RuleContext } from "./report.ts";

/**
 * Batch scoring: a schedule that exists, predictions kept apart from the registry, a layout that gives each result its
 * own place, and parts the monitor can read when it is to watch them.
 */
export function checkPredict(config: MlopsConfig, context: RuleContext, report: Report): void {
  const predict = config.predict;
  if (!predict) return;
  const cron = checkCron(predict.schedule);
  if (!cron.ok) {
    report(
      "error",
      ["predict", "schedule"],
      `invalid cron schedule "${predict.schedule}": ${cron.error}`,
      'for example "23 2 * * *" is every day at 02:23 UTC',
    );
  } else {
    for (const warning of cron.warnings) report("warning", ["predict", "schedule"], warning);
  }

  if (predict.shards > 1 && !isS3Uri(predict.output)) {
    report(
      "warning",
      ["predict", "shards"],
      `the ${predict.shards} legs of mlops-predict.yml each run on their own runner: with predict.output a folder, ` +
        "each leg's parts stay on its runner and the finish job finds them missing",
      "put predict.output on s3://, or keep predict.shards: 1",
    );
  }

  const registry = config.registry.uri ?? path.join(config.workspace, "registry");
  const overlap = overlapOf(predict.output, registry, context.root);
  if (overlap === "output-in-registry") {
    report(
      "error",
      ["predict", "output"],
      `predictions at "${predict.output}" would land inside the registry (${registry}), whose keys are its models' ` +
        "versions and logs: the registry is not a place for data",
      "give the predictions a prefix or folder of their own, e.g. s3://bucket/scores beside s3://bucket/registry",
    );
  } else if (overlap === "registry-in-output") {
    report(
      "warning",
      ["predict", "output"],
      `the registry (${registry}) is inside predict.output "${predict.output}": a clean-up or lifecycle rule on ` +
        "the predictions would reach the registry too",
      "give the predictions a prefix or folder of their own, beside the registry's",
    );
  }

  const missing = (["version", "input"] as const).filter((name) => !predict.layout.includes(`{${name}}`));
  if (missing.length > 0) {
    const differs = missing.map((name) => (name === "input" ? "another input" : "another version")).join(" or ");
    const when = predict.layout.includes("{date}") ? " on the same day" : "";
    report(
      "warning",
      ["predict", "layout"],
      `the layout has no ${missing.map((name) => `{${name}}`).join(" or ")}: a run scoring ${differs}${when} finds ` +
        "the earlier complete result in its place and fails (exit 1), as a complete result is never replaced by " +
        "one of another version or input",
      `keep {version} and {input} in predict.layout, e.g. "{model}/{version}/{input}"`,
    );
  }

  const logsFormat = config.monitor?.logs.format;
  if (predict.monitored && logsFormat !== undefined && logsFormat !== "auto" && logsFormat !== predict.output_format) {
    report(
      "warning",
      ["predict", "output_format"],
      `the parts are written as ${predict.output_format} and the monitor reads its logs as ${logsFormat} ` +
        "(monitor.logs.format): it cannot read the predictions as they are",
      `set predict.output_format: ${logsFormat}, or monitor.logs.format: auto`,
    );
  }
}

type Overlap = "output-in-registry" | "registry-in-output" | null;

/** Whether predict.output and the registry share a tree: the same bucket and nested prefixes, or nested folders. */
function overlapOf(output: string, registry: string, root: string): Overlap {
  if (isS3Uri(output) !== isS3Uri(registry)) return null;
  if (isS3Uri(output)) {
    const a = parseS3Uri(output);
    const b = parseS3Uri(registry);
    if (!a || !b || a.bucket !== b.bucket) return null;
    const within = (inner: string, outer: string): boolean => {
      const prefix = trimSlashes(outer);
      return prefix === "" || trimSlashes(inner) === prefix || trimSlashes(inner).startsWith(`${prefix}/`);
    };
    if (within(a.key, b.key)) return "output-in-registry";
    return within(b.key, a.key) ? "registry-in-output" : null;
  }
  if (registry.includes("://")) return null;
  const outputDir = path.resolve(root, output);
  const registryDir = path.resolve(root, registry);
  if (isInside(registryDir, outputDir)) return "output-in-registry";
  return isInside(outputDir, registryDir) ? "registry-in-output" : null;
}

function trimSlashes(key: string): string {
  return key.replace(/^\/+|\/+$/g, "");
}
