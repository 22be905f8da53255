import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CSV_OPTION,
  compareRuns,
  comparisonText,
  resolveSources,
  withSourceDoor
} from "./chunk-Y5CGOH7J.js";
import "./chunk-JSI7632N.js";
import "./chunk-PAKQ57WY.js";
import "./chunk-HR2GW6AS.js";
import "./chunk-WF4U3YPG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-FFLTA4KC.js";
import "./chunk-7YUCBSB4.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-R4PV4LV6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-57U7UU7W.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-6FAQHDFV.js";
import "./chunk-644GJZK3.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-4VACLY5R.js";
import "./chunk-EZCE2A4A.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-MTLTC6KQ.js";
import "./chunk-SAXW6LXP.js";
import "./chunk-MY5E4FEH.js";
import "./chunk-XD3V33XU.js";
import "./chunk-RKGNV63G.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-5PEOAABG.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import "./chunk-4PKATDEY.js";
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
