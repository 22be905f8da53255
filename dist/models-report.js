import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  buildModelPage,
  modelPageMarkdown
} from "./chunks/chunk-BQ2PPCLS.js";
import "./chunks/chunk-HHR3RJXW.js";
import {
  describeDamage,
  openRegistry
} from "./chunks/chunk-GPXSHNAX.js";
import "./chunks/chunk-TFGIC24Q.js";
import "./chunks/chunk-ASQHJYOS.js";
import {
  withRegistryToken
} from "./chunks/chunk-BO5Z4RF3.js";
import "./chunks/chunk-QD46VIFS.js";
import "./chunks/chunk-XWUCKCS7.js";
import "./chunks/chunk-WOQKGCDT.js";
import "./chunks/chunk-LP2MTGO2.js";
import "./chunks/chunk-U3KBKKVS.js";
import "./chunks/chunk-Q52DLOOW.js";
import "./chunks/chunk-VLGHGLBD.js";
import {
  actionInputs,
  actionStart,
  failStep
} from "./chunks/chunk-2AQQCETI.js";
import "./chunks/chunk-QLLY57GB.js";
import {
  loadConfig
} from "./chunks/chunk-QEZGSB67.js";
import "./chunks/chunk-35MZIMAV.js";
import "./chunks/chunk-TEWQFG7M.js";
import {
  setOutput,
  summary
} from "./chunks/chunk-GKURBYGZ.js";
import {
  workspaceFor
} from "./chunks/chunk-I7YBYH2J.js";
import "./chunks/chunk-RRG6TSJC.js";
import "./chunks/chunk-EYMTTHNR.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-WYGES5K7.js";
import "./chunks/chunk-VJBMOATJ.js";
import "./chunks/chunk-LNIKRDBK.js";
import "./chunks/chunk-EYNKBRNV.js";
import "./chunks/chunk-XJ2QCSOL.js";
import "./chunks/chunk-OSH67I4H.js";
import "./chunks/chunk-5AQJPSN5.js";
import "./chunks/chunk-PEZVGW4L.js";
import "./chunks/chunk-SUPM4SWD.js";
import "./chunks/chunk-MOKAEFJD.js";
import {
  primaryMetricOf
} from "./chunks/chunk-KIGM2236.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-YTT2LBXM.js";
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
