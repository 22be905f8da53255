import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CSV_OPTION,
  compareRuns,
  comparisonText,
  resolveSources,
  withSourceDoor
} from "./chunk-5OKELWQC.js";
import "./chunk-SPTQT36L.js";
import "./chunk-WY7BALVF.js";
import "./chunk-3KOYAKF7.js";
import "./chunk-GM3DQO2S.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-UWNI5IZX.js";
import "./chunk-YIBY5GJK.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-CFS6OHL3.js";
import "./chunk-ZHURFC42.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-7ZIPCBYU.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-SOCIR2FV.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-I4JPAUMH.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-BCNLONRF.js";
import "./chunk-WARQSE6L.js";
import "./chunk-PV6OBCS4.js";
import "./chunk-CKQNB7V5.js";
import "./chunk-NDR5IGVA.js";
import "./chunk-5PEOAABG.js";
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
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/compare.ts
var compareCommand = {
  name: "compare",
  summary: "Compare runs side by side: registry versions, sweep legs and the workspace's run, with paired intervals",
  details: "A <run> is `workspace` (the current run), `leg:<id>` (a leg of the last `mlops sweep`; `legs` is every leg),\n`<model>@<ref>` (a registry version: an alias such as champion, a version id, or a number such as v7), or a bare\n<ref> of mlops.yml's model. The first run is the reference: every other run's metrics get a delta against it\nand, when both have predictions on the same rows, the paired bootstrap interval of the delta, as the gate\ncomputes it. Informational: it exits 0 whichever run is better.",
  positionals: [
    { name: "a", required: true, description: "the reference run" },
    { name: "b", required: false, description: "the runs to compare with it", variadic: true }
  ],
  options: { csv: CSV_OPTION },
  run: (args, io) => withSourceDoor(args, io, async (door) => {
    const sources = await resolveSources(args.positionals, door);
    if (sources.length < 2) {
      throw new UsageError("compare needs at least two runs", {
        hint: "e.g. `mlops compare champion workspace`, or `mlops compare legs` after a sweep"
      });
    }
    const comparison = await compareRuns(sources, door.context.loaded.config);
    return { exitCode: ExitCode.ok, result: comparison, text: comparisonText(comparison, args) };
  })
};
export {
  compareCommand
};
