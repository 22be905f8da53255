import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject
} from "./chunk-KATF5WDH.js";
import {
  refuseServedAlias
} from "./chunk-JTG2R54U.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
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
    refuseServedAlias(context.loaded.config, alias, "--version <the version before>");
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
