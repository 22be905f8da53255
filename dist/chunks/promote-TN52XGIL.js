import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions
} from "./chunk-XVFAPK37.js";
import {
  openProject
} from "./chunk-KATF5WDH.js";
import {
  refuseServedAlias
} from "./chunk-JTG2R54U.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-EEV3A2B6.js";
import {
  PublishOptions
} from "./chunk-PASYHNV3.js";
import "./chunk-JVSKKL3U.js";
import "./chunk-WXVUEIVD.js";
import "./chunk-5I3LMDH3.js";
import "./chunk-IKP5MKZU.js";
import "./chunk-QJXKZEE6.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-MCQ3S4MW.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-G6IL24PE.js";
import {
  describeCommit
} from "./chunk-SLSOLTLA.js";
import {
  describeOverrides
} from "./chunk-IY6KPMTB.js";
import "./chunk-VAXOH5AZ.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-533AISZH.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-U3OKT6DL.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-HHR3RJXW.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
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
import "./chunk-SUPM4SWD.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import {
  ExitCode,
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/promote.ts
var promoteCommand = {
  name: "promote",
  summary: "Point an alias (default champion) at a version, recording who, when and why",
  details: "<version> may also be a version number (7 or v7) or an alias whose version to promote (staging).\nRefuses (exit 1) a version whose gate did not pass unless --force, and one built from uncommitted changes\nor trained with --set overrides unless --allow-dirty; either override is recorded in the alias history.",
  positionals: [{ name: "version", required: true, description: "the version id (see `mlops models`)" }],
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" },
    force: { type: "boolean", description: "Promote even though the version's gate did not pass (recorded as forced)" },
    ...cliOptions(PublishOptions)
  },
  run: async (args, io) => {
    const [ref] = args.positionals;
    if (!ref) throw new UsageError("promote needs a version id", { hint: "mlops promote <version> --alias champion" });
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const manifest = await registry.resolve(model, ref);
    if (!manifest) throw new InputError(`${model} has no version ${ref}`, { hint: "see `mlops models list`" });
    const { version } = manifest;
    const alias = String(args.values.alias ?? "champion");
    refuseServedAlias(context.loaded.config, alias, `--version ${ref}`);
    if ((await registry.aliases(model))[alias] === version) {
      return {
        exitCode: ExitCode.ok,
        result: { promoted: false, model, version, alias, reason: `${alias} already points at ${version}` },
        text: `${alias} already points at ${version}: nothing to do.`
      };
    }
    const force = args.values.force === true;
    const verdict = manifest.gate?.verdict ?? "missing";
    if (verdict !== "pass" && !force) {
      return {
        exitCode: ExitCode.checkFailed,
        result: { promoted: false, model, version, alias, reason: `its gate verdict is ${verdict}` },
        text: `Not promoted: ${version}'s gate verdict is ${verdict}. Use --force to promote anyway (it is recorded).`
      };
    }
    const overrides = manifest.git.sha === null ? [] : manifest.overrides ?? [];
    const dirty = manifest.git.dirty === true && manifest.git.sha !== null || overrides.length > 0;
    const commit = describeCommit({ commit: manifest.git.sha ?? "", dirty: manifest.git.dirty === true });
    const built = !dirty ? "" : overrides.length > 0 ? `${commit} with ${describeOverrides(overrides)}` : commit;
    if (dirty && args.values["allow-dirty"] !== true) {
      return {
        exitCode: ExitCode.checkFailed,
        result: { promoted: false, model, version, alias, reason: `it was built from ${built}` },
        text: `Not promoted: ${model} ${version} was built from ${built}. Publish a model trained on committed code and params, or use --allow-dirty to promote it anyway (it is recorded).`
      };
    }
    const problems = await registry.storedFileProblems(manifest);
    if (problems.length > 0) {
      const [first] = problems;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
      return {
        exitCode: ExitCode.checkFailed,
        result: { promoted: false, model, version, alias, reason: "its stored files are damaged", problems },
        text: `Not promoted: ${model} ${version} is damaged in ${registry.location}: ${first?.problem ?? ""}${more}. \`mlops models fsck\` checks every file; promote another version.`
      };
    }
    const reason = typeof args.values.reason === "string" ? args.values.reason : "promoted by hand";
    const event = await registry.moveAlias(model, alias, version, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: dirty ? `${reason} (built from ${built}, --allow-dirty)` : reason,
      runUrl: context.provenance.runUrl,
      forced: force && verdict !== "pass"
    });
    return {
      exitCode: ExitCode.ok,
      result: { promoted: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to}`
    };
  }
};
export {
  promoteCommand
};
