import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-WH2Z5CRQ.js";
import {
  openProject,
  stageOutcome
} from "./chunk-2ZUJEJ7A.js";
import {
  canaryStage
} from "./chunk-CKZCKW32.js";
import "./chunk-OWCZCPSF.js";
import "./chunk-YM2BIFL2.js";
import "./chunk-FA2ND4S6.js";
import "./chunk-VPJ4WE6Z.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-KCZDMEGW.js";
import "./chunk-LFMJASVH.js";
import "./chunk-OFMUSNDP.js";
import "./chunk-3ZKHDU3A.js";
import "./chunk-XF4QDXER.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-ATGVBO43.js";
import "./chunk-6SZ7IT4H.js";
import "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-KF4UIJLA.js";
import "./chunk-IYKSYI5H.js";
import "./chunk-G6IL24PE.js";
import "./chunk-72OCKP5C.js";
import "./chunk-YDN6NLHV.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-OOO7VK2L.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-CWEMXLOL.js";
import "./chunk-LT4EMV27.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-NQ3LR2LP.js";
import "./chunk-WLGYNUVA.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-FK3UA7EA.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-7EA7HH7O.js";
import "./chunk-TR5NNAJ3.js";
import "./chunk-C2JTYCOJ.js";
import "./chunk-UIE7HQFD.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-FG4LRIDF.js";
import "./chunk-4YXEL5JM.js";
import "./chunk-5PEOAABG.js";
import "./chunk-FW5EOKDB.js";
import "./chunk-Y34VYF2Z.js";
import "./chunk-QIGPZSLN.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-Q7PHAY3J.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-OWLD7TRJ.js";
import "./chunk-MMDMIJM2.js";
import "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/canary.ts
var canaryCommand = {
  name: "canary",
  summary: "Judge the canary after its bake (deploy.canary): promote it, or roll it back",
  details: "Deploy the candidate first: mlops deploy <canary target> --version <version>. After deploy.canary.bake,\n`mlops canary` judges it by deploy.canary.rules; a failure (or no figures at all) rolls the canary back to the\nversion before and exits 1; --promote deploys a passing canary to deploy.canary.promote_to.",
  positionals: [],
  options: cliOptions(canaryStage.options),
  run: async (args, io) => {
    const options = await parseCliOptions(canaryStage.options, args, io);
    const context = await openProject(args, io);
    return stageOutcome(await canaryStage.run(context, options), args.text);
  }
};
export {
  canaryCommand
};
