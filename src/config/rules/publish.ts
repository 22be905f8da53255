import { isS3Uri } from "../../files/safe-path.ts";
import type { MlopsConfig } from "../schema/index.ts";
import type { Report } from "./report.ts";

/** Publishing and the registry: an alias that can be moved and named, settings that are used. */
export function checkPublish(config: MlopsConfig, report: Report): void {
  if (config.publish.promote !== false && !config.gate) {
    report(
      "warning",
      ["publish", "promote"],
      `without a gate nothing is ever promoted to "${config.publish.promote}"`,
      "add a gate section, or set `promote: false`",
    );
  }
  if (config.publish.files === undefined && (config.train?.outputs.length ?? 0) === 0) {
    report("warning", ["publish"], "nothing to publish: neither publish.files nor train.outputs lists any file");
  }
  if (config.registry.endpoint !== undefined && !isS3Uri(config.registry.uri ?? "")) {
    report("warning", ["registry", "endpoint"], "an endpoint is only used with an s3:// registry uri");
  }
  if (config.publish.promote !== false && /^v?\d+$|^v\d{8}T\d{9}Z-/.test(config.publish.promote)) {
    report(
      "error",
      ["publish", "promote"],
      `"${config.publish.promote}" cannot be an alias name: it reads as a version number or id`,
      "use a word such as champion or staging",
    );
  }
  if (config.registry.force_path_style !== undefined && config.registry.endpoint === undefined) {
    report(
      "warning",
      ["registry", "force_path_style"],
      "force_path_style only matters with an endpoint (AWS S3 itself uses virtual-hosted addressing)",
    );
  }
}
