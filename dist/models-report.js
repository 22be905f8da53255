import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  buildModelPage,
  modelPageMarkdown
} from "./chunks/chunk-YV7YXEXX.js";
import {
  withRegistryToken
} from "./chunks/chunk-YGUH5UYY.js";
import {
  describeDamage,
  openRegistry
} from "./chunks/chunk-4F7JFGEA.js";
import "./chunks/chunk-BCJVN7WI.js";
import "./chunks/chunk-YAAMRAA5.js";
import "./chunks/chunk-ASQHJYOS.js";
import "./chunks/chunk-3QIEY56F.js";
import "./chunks/chunk-LP2MTGO2.js";
import {
  actionInputs,
  actionStart,
  failStep
} from "./chunks/chunk-35CII7S2.js";
import "./chunks/chunk-IVUJGG4J.js";
import "./chunks/chunk-EZK6EJQS.js";
import {
  loadConfig
} from "./chunks/chunk-QKLWXX4C.js";
import "./chunks/chunk-5D2KL2UV.js";
import "./chunks/chunk-IRPQCUXK.js";
import {
  setOutput,
  summary
} from "./chunks/chunk-TRBHS2SB.js";
import "./chunks/chunk-M5RMI2LT.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-HGWZYJ7P.js";
import {
  workspaceFor
} from "./chunks/chunk-SR67EPJB.js";
import "./chunks/chunk-2FCG3MIX.js";
import {
  primaryMetricOf
} from "./chunks/chunk-2E2J3IB3.js";
import "./chunks/chunk-GRKPW6EC.js";
import "./chunks/chunk-QR6TB6JR.js";
import "./chunks/chunk-O3UAJ45K.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-VLGHGLBD.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-K2EJYN74.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/models-report.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
async function run(env = process.env) {
  const { workspaceRoot, workingDirectory, logger } = actionStart(env);
  try {
    const loaded = await loadConfig(actionInputs.text("config") ?? "mlops.yml", workingDirectory);
    const workspace = workspaceFor(loaded);
    const damaged = [];
    const context = withRegistryToken(
      { loaded, workspace, env, logger, now: () => /* @__PURE__ */ new Date() },
      actionInputs.text("registry-token")
    );
    const registry = await openRegistry(context, {
      onDamage: (damage) => {
        damaged.push(damage);
        logger.warn(describeDamage(damage, registry.location));
      }
    });
    const model = actionInputs.text("model") ?? loaded.config.model.name;
    const { page, sections, html } = await buildModelPage({
      registry,
      damaged,
      model,
      primaryMetric: primaryMetricOf(loaded.config) ?? void 0,
      now: /* @__PURE__ */ new Date()
    });
    const outInput = actionInputs.text("out");
    const file = outInput ? path.resolve(workingDirectory, outInput) : path.join(workspace.outDir, "models", `${model}.html`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
    const { markdown } = modelPageMarkdown(sections, { fullPage: `the HTML page (${path.basename(file)})` });
    await summary.addRaw(markdown).addEOL().write();
    setOutput("result", "written");
    setOutput("file", file);
    setOutput("versions", page.versions.length);
    logger.info(
      `Wrote the page of ${model} (${page.versions.length} version(s)) to ${path.relative(workspaceRoot, file)}`
    );
  } catch (thrown) {
    failStep(thrown, logger, "result");
  } finally {
    logger.flushOverflow();
  }
}
await run();
