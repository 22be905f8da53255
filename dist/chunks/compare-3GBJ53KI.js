import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CSV_OPTION,
  compareRuns,
  comparisonText,
  resolveSources,
  withSourceDoor
} from "./chunk-IBH76BTN.js";
import "./chunk-KATF5WDH.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-L6CW557L.js";
import "./chunk-S2D6TMI3.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-U3OKT6DL.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-GPXSHNAX.js";
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
