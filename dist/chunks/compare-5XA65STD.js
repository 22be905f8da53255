import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  compareRuns,
  comparisonCsv,
  comparisonSection,
  resolveSources
} from "./chunk-S6LXMVMA.js";
import "./chunk-PN4HNOGA.js";
import "./chunk-IMJCSNJ7.js";
import {
  openProject
} from "./chunk-KF27U3WW.js";
import "./chunk-SFSPSCGF.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-TKV7BY2Y.js";
import {
  openRegistry
} from "./chunk-HGUKYN65.js";
import "./chunk-I3ZMONTZ.js";
import "./chunk-5CKVLCEB.js";
import "./chunk-KAPEWGXR.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YAFPWT32.js";
import "./chunk-NCHGCW3K.js";
import "./chunk-XT2XCMED.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-N4VEWDFT.js";
import "./chunk-Z6SYVTXW.js";
import "./chunk-ONV2DZLH.js";
import "./chunk-MGTE44PV.js";
import "./chunk-XNASD4YB.js";
import "./chunk-5PEOAABG.js";
import "./chunk-YDKU3OPP.js";
import {
  renderText
} from "./chunk-GMPRWTBY.js";
import "./chunk-BYDL72MP.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/compare.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
var compareCommand = {
  name: "compare",
  summary: "Compare runs side by side: registry versions, sweep legs and the workspace's run, with paired intervals",
  details: "A <run> is `workspace` (the current run), `leg:<id>` (a leg of the last `mlops sweep`; `legs` is every leg),\n`<model>@<ref>` (a registry version: an alias such as champion, a version id, or a number such as v7), or a bare\n<ref> of mlops.yml's model. The first run is the reference: every other run's metrics get a delta against it\nand, when both have predictions on the same rows, the paired bootstrap interval of the delta, as the gate\ncomputes it. Informational: it exits 0 whichever run is better.",
  positionals: [
    { name: "a", required: true, description: "the reference run" },
    { name: "b", required: false, description: "the runs to compare with it", variadic: true }
  ],
  options: {
    csv: { type: "boolean", description: "Print CSV (one row per run and metric or param) instead of tables" }
  },
  run: async (args, io) => {
    if (args.values.csv === true && args.json) throw new UsageError("--csv and --json cannot go together");
    const context = await openProject(args, io);
    const scratch = await mkdtemp(path.join(tmpdir(), "mlops-compare-"));
    let registry;
    try {
      const sources = await resolveSources(args.positionals, {
        context,
        registry: () => registry ??= openRegistry(context),
        scratch
      });
      if (sources.length < 2) {
        throw new UsageError("compare needs at least two runs", {
          hint: "e.g. `mlops compare champion workspace`, or `mlops compare legs` after a sweep"
        });
      }
      const comparison = await compareRuns(sources, context.loaded.config);
      const text = args.values.csv === true ? comparisonCsv(comparison) : renderText(comparisonSection(comparison), args.text);
      return { exitCode: ExitCode.ok, result: comparison, text };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
};
export {
  compareCommand
};
