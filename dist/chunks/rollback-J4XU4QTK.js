import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject
} from "./chunk-SPTQT36L.js";
import {
  openRegistry
} from "./chunk-7ZIPCBYU.js";
import "./chunk-SOCIR2FV.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-BCNLONRF.js";
import "./chunk-WARQSE6L.js";
import "./chunk-PV6OBCS4.js";
import "./chunk-CKQNB7V5.js";
import "./chunk-NDR5IGVA.js";
import "./chunk-4HF3QBCP.js";
import "./chunk-GGC6PM5E.js";
import "./chunk-NFXRFKJG.js";
import "./chunk-JCTNFSN4.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import {
  ExitCode
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/rollback.ts
var rollbackCommand = {
  name: "rollback",
  summary: "Move an alias (default champion) back to the version it stood on before, recording it in the history",
  details: "Each rollback goes one step further back (v1, v2, v3 promoted: rollback -> v2, rollback again -> v1).\nTo go to any other version, use `mlops promote <version>`.",
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move back" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const alias = String(args.values.alias ?? "champion");
    const event = await registry.rollback(model, alias, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: typeof args.values.reason === "string" ? args.values.reason : "",
      runUrl: context.provenance.runUrl
    });
    return {
      exitCode: ExitCode.ok,
      result: { rolledBack: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to} (rolled back)`
    };
  }
};
export {
  rollbackCommand
};
