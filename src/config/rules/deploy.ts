import { durationMs, WINDOW_MS } from "../schema/monitor.ts";
import type { MlopsConfig } from "../schema/index.ts";
import { closestMatch } from "../suggest.ts";
import { windowMetricKind } from "../window-metrics.ts";
import { checkRuleBounds } from "./gate.ts";
import type { FieldPath, Report } from "./report.ts";

/**
 * Delivery: each alias has one target, publish does not move an alias a target owns, and a canary names targets that
 * exist and rules it can judge.
 */
export function checkDeploy(config: MlopsConfig, report: Report): void {
  const deploy = config.deploy;
  if (!deploy) return;
  const owner = new Map<string, string>();
  for (const [name, target] of Object.entries(deploy.targets)) {
    const claimed = owner.get(target.alias);
    if (claimed !== undefined) {
      report(
        "error",
        ["deploy", "targets", name, "alias"],
        `targets "${claimed}" and "${name}" both serve the alias "${target.alias}": one alias is one place`,
        "give each target an alias of its own",
      );
    } else owner.set(target.alias, name);
  }
  const promote = config.publish.promote;
  if (promote !== false && owner.has(promote)) {
    report(
      "error",
      ["publish", "promote"],
      `"${promote}" is served by the deploy target "${owner.get(promote)}", so only its deploy job may move it`,
      "set `publish.promote: false` (the deploy job promotes after approval), or promote another alias such as candidate",
    );
  }
  const canary = deploy.canary;
  if (!canary) return;
  const targetNames = Object.keys(deploy.targets);
  for (const field of ["target", "promote_to"] as const) {
    if (!(canary[field] in deploy.targets)) {
      const near = closestMatch(canary[field], targetNames);
      report(
        "error",
        ["deploy", "canary", field],
        `there is no deploy target "${canary[field]}"`,
        near ? `did you mean "${near}"?` : `name one of ${targetNames.join(", ")}`,
      );
    }
  }
  if (canary.target === canary.promote_to) {
    report("error", ["deploy", "canary", "promote_to"], "the canary and the target it promotes to are the same");
  }
  if ((canary.logs === undefined) === (canary.command === undefined)) {
    report(
      "error",
      ["deploy", "canary"],
      "a canary is judged either on its prediction logs (`logs`) or on the figures a `command` prints: give one",
    );
  }
  if (canary.logs !== undefined && !config.monitor) {
    report(
      "error",
      ["deploy", "canary", "logs"],
      "the canary's logs are read with the columns of monitor.logs, and there is no monitor section",
      "add a monitor section (docs/monitoring.md), or judge with a `command`",
    );
  }
  // Only windows that start after the deploy and have ended by the judgement count: a deploy lands anywhere within a
  // window, so a bake of two windows is the shortest that always leaves a whole one.
  if (canary.logs !== undefined && durationMs(canary.bake) < 2 * WINDOW_MS[canary.window]) {
    report(
      "error",
      ["deploy", "canary", "bake"],
      `a bake of ${canary.bake} may end before a whole ${canary.window} has followed the deploy, and only whole windows after it are judged`,
      `bake for at least two ${canary.window}s, or judge by a smaller window`,
    );
  }
  if (canary.shadow && canary.logs === undefined) {
    report("error", ["deploy", "canary", "shadow"], "shadow predictions are read from the canary's `logs`");
  }
  if (canary.shadow && !config.monitor?.labels) {
    report(
      "error",
      ["deploy", "canary", "shadow"],
      "comparing the canary with the champion's shadow predictions needs labels",
      "add monitor.labels",
    );
  }
  canary.rules.forEach((rule, index) => {
    const at: FieldPath = ["deploy", "canary", "rules", index];
    checkRuleBounds(rule, at, report);
    const change = rule.max_regression !== undefined || rule.min_improvement !== undefined;
    if (change && !canary.shadow) {
      report(
        "error",
        at,
        `the change rule on "${rule.metric}" compares the canary with the champion on the same requests, and no shadow predictions are logged`,
        "log the champion's predictions beside the canary's and name their columns in deploy.canary.shadow, or use min/max",
      );
    }
    if (rule.significance !== undefined && !change) {
      report(
        "error",
        [...at, "significance"],
        "a paired test belongs to a change rule (max_regression, min_improvement)",
      );
    }
    if (canary.logs !== undefined && !windowMetricKind(rule.metric)) {
      report("error", [...at, "metric"], `a window of the canary's logs has no figure "${rule.metric}"`);
    }
    if (change && windowMetricKind(rule.metric)?.kind !== "realised") {
      report(
        "error",
        [...at, "metric"],
        `a paired comparison with the champion is on a performance metric such as accuracy, not "${rule.metric}"`,
      );
    }
  });
}
