import { primaryMetricOf } from "../config/metrics.ts";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as core from "@actions/core";
import { loadConfig } from "../config/load.ts";
import { workspaceFor } from "../context/workspace.ts";
import { describeDamage, type Damage } from "../registry/damage.ts";
import { openRegistry } from "../registry/open.ts";
import { modelPageMarkdown } from "../registry/page/markdown.ts";
import { buildModelPage } from "../registry/page/page.ts";
import { withRegistryToken } from "../stages/github-token.ts";
import { actionInputs, actionStart, failStep } from "./door.ts";

/**
 * actions/models-report: the model's page from the registry (the door of `mlops models report`), written as one
 * self-contained HTML file for an artifact, and as markdown into the job summary, cut to fit its limit. A damaged
 * version or alias entry is a warning and a row on the page, never a failed step.
 */
async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { workspaceRoot, workingDirectory, logger } = actionStart(env);
  try {
    const loaded = await loadConfig(actionInputs.text("config") ?? "mlops.yml", workingDirectory);
    const workspace = workspaceFor(loaded);
    const damaged: Damage[] = [];
    const context = withRegistryToken(
      { loaded, workspace, env, logger, now: () => new Date() },
      actionInputs.text("registry-token"),
    );
    const registry = await openRegistry(context, {
      onDamage: (damage) => {
        damaged.push(damage);
        logger.warn(describeDamage(damage, registry.location));
      },
    });
    const model = actionInputs.text("model") ?? loaded.config.model.name;
    const { page, sections, html } = await buildModelPage({
      registry,
      damaged,
      model,
      primaryMetric: primaryMetricOf(loaded.config) ?? undefined,
      now: new Date(),
    });
    const outInput = actionInputs.text("out");
    const file = outInput
      ? path.resolve(workingDirectory, outInput)
      : path.join(workspace.outDir, "models", `${model}.html`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
    const { markdown } = modelPageMarkdown(sections, { fullPage: `the HTML page (${path.basename(file)})` });
    await core.summary.addRaw(markdown).addEOL().write();
    core.setOutput("result", "written");
    core.setOutput("file", file);
    core.setOutput("versions", page.versions.length);
    logger.info(
      `Wrote the page of ${model} (${page.versions.length} version(s)) to ${path.relative(workspaceRoot, file)}`,
    );
  } catch (thrown) {
    failStep(thrown, logger, "result");
  } finally {
    logger.flushOverflow();
  }
}

await run();
