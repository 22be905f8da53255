import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CSV_OPTION,
  compareRuns,
  comparisonText,
  resolveSources,
  withSourceDoor
} from "./chunk-DMVNEHA7.js";
import "./chunk-TDINFY3R.js";
import "./chunk-23P2C5JV.js";
import "./chunk-ZKMTOM7C.js";
import "./chunk-I5A6GGLJ.js";
import "./chunk-HSM7PKST.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-LOUZLEY5.js";
import "./chunk-6H25RNYN.js";
import "./chunk-7QX6F57P.js";
import "./chunk-QYPTYXJE.js";
import "./chunk-B2PBEH22.js";
import "./chunk-EUDZWFHB.js";
import "./chunk-G6IL24PE.js";
import "./chunk-EF4P2YL2.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-QKI4W7V3.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-IMIDEYOI.js";
import "./chunk-CWKVTY4K.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-CVLWS2FK.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-RMKSVWVY.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-Y3TFGQZA.js";
import "./chunk-MZM2TBBQ.js";
import "./chunk-QWC3GWUO.js";
import "./chunk-UIE7HQFD.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-R5UJMX7C.js";
import "./chunk-5PEOAABG.js";
import "./chunk-OSH67I4H.js";
import "./chunk-OZSKINQ5.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
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
