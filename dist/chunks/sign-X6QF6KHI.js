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

// src/cli/commands/sign.ts
var signCommand = {
  name: "sign",
  summary: "Sign a published version (its manifest and file digests) with registry.signing's key",
  details: "<model>@<ref>: a version id, a version number (7) or an alias (champion).\nWrites the version's model.sig (OpenSSF model-signing format) beside its manifest; publish does this itself when a\nkey is configured. Idempotent: a signature already there by the same key over the same manifest is fine, any other\nis refused (a signature is never replaced).",
  positionals: [{ name: "model@ref", required: true, description: "what to sign, e.g. churn@7" }],
  options: {},
  run: async (args, io) => {
    const {
      model,
      ref,
      registry,
      manifest,
      need: key
    } = await signingTarget(args, io, (policy, signing) => {
      const key2 = policy.signingKey();
      if (key2) return key2;
      const from = signing?.key_env ? `$${signing.key_env} is not set` : "registry.signing names no key";
      throw new UsageError(`no key to sign with: ${from}`, {
        hint: "set registry.signing.key_env (from a secret) or key_file to a PEM private key (ECDSA P-256 or Ed25519)"
      });
    });
    const signed = await registry.sign(manifest, key);
    return {
      exitCode: ExitCode.ok,
      result: { model, ref, version: manifest.version, keyid: key.keyid, state: signed.state, signature: signed.key },
      text: signed.state === "signed" ? `Signed ${model} ${manifest.version} with the key ${key.keyid}: ${signed.key}.` : `${model} ${manifest.version} was already signed with the key ${key.keyid}; nothing changed.`
    };
  }
};
export {
  signCommand
};
