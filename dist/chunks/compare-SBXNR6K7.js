import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CSV_OPTION,
  compareRuns,
  comparisonText,
  resolveSources,
  withSourceDoor
} from "./chunk-EQCF2JHL.js";
import "./chunk-QBK2EHGU.js";
import "./chunk-VEBUJGOM.js";
import "./chunk-C52RM2NR.js";
import "./chunk-RD36MI3T.js";
import "./chunk-7XFGUTN2.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-HPHYFDVI.js";
import "./chunk-EYWAISUJ.js";
import "./chunk-7QX6F57P.js";
import "./chunk-JP3KC7H2.js";
import "./chunk-B2PBEH22.js";
import "./chunk-EUDZWFHB.js";
import "./chunk-N2H5XJWD.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-SGRZVHZW.js";
import "./chunk-MY2F7FYT.js";
import "./chunk-OS4GCB6S.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-L66B3B5Q.js";
import "./chunk-LRWYTBIP.js";
import "./chunk-QD46VIFS.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-KV6XCW5B.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-UH7DIMP2.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-V5OAM2AA.js";
import "./chunk-XT344CAF.js";
import "./chunk-3Q3MFXCU.js";
import "./chunk-URRRPEK5.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-IQ2CYV3M.js";
import "./chunk-5PEOAABG.js";
import "./chunk-OSH67I4H.js";
import "./chunk-PILILSOP.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
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
