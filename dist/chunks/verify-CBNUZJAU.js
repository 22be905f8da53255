import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  signingTarget
} from "./chunk-YEWHTU2D.js";
import "./chunk-6JXCZ4UO.js";
import "./chunk-KATF5WDH.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import {
  describeVersion
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

// src/cli/commands/verify.ts
var verifyCommand = {
  name: "verify",
  summary: "Check a version's signature against the trusted keys, and every file's sha256",
  details: "<model>@<ref>: a version id, a version number (7) or an alias (champion); <model> alone means <model>@champion.\nThe signature (model.sig, OpenSSF model-signing format) must be by a key of registry.signing.trusted_keys and\nsign this version's manifest as stored; then every file is downloaded (streamed, never held in memory) and its\nsha256 compared with the signed one, and so is every attachment (card, ML-BOM, predictions, profile, report)\nwith the sha256 the signed manifest lists for it.\nExit 0 verified, 1 not (one message saying why), 2 usage or config error.",
  positionals: [{ name: "model@ref", required: true, description: "what to verify, e.g. churn@champion or churn@7" }],
  options: {},
  run: async (args, io) => {
    const {
      model,
      ref,
      registry,
      manifest,
      need: trusted
    } = await signingTarget(args, io, (policy) => {
      const trusted2 = policy.trustedKeys();
      if (trusted2.length > 0) return trusted2;
      throw new UsageError("nothing to verify against: registry.signing.trusted_keys lists no key", {
        hint: "add the public key(s) whose signatures you trust, e.g. trusted_keys: [keys/release.pub]"
      });
    });
    const outcome = await registry.verify(manifest, trusted);
    const label = describeVersion(manifest);
    if (!outcome.verified) {
      return {
        exitCode: ExitCode.checkFailed,
        result: {
          model,
          ref,
          version: manifest.version,
          verified: false,
          reason: outcome.reason,
          keyid: outcome.keyid,
          problem: outcome.problem
        },
        text: `Not verified: ${outcome.problem}.`
      };
    }
    return {
      exitCode: ExitCode.ok,
      result: {
        model,
        ref,
        version: manifest.version,
        verified: true,
        keyid: outcome.keyid,
        files: outcome.files,
        attachments: outcome.attachments
      },
      text: `Verified ${label}: signed by the trusted key ${outcome.keyid}, its manifest as signed, ${outcome.files} file(s) with their signed sha256` + (outcome.attachments.length > 0 ? `, and its attachment(s) ${outcome.attachments.join(", ")} with the sha256 the signed manifest lists.` : "; it has no attachments.")
    };
  }
};
export {
  verifyCommand
};
