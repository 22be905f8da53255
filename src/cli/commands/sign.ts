import { ExitCode, UsageError } from "../../errors.ts";
import type { CommandSpec } from "../command.ts";
import { signingTarget } from "./signing-door.ts";

export const signCommand: CommandSpec = {
  name: "sign",
  summary: "Sign a published version (its manifest and file digests) with registry.signing's key",
  details:
    "<model>@<ref>: a version id, a version number (7) or an alias (champion).\n" +
    "Writes the version's model.sig (OpenSSF model-signing format) beside its manifest; publish does this itself when a\n" +
    "key is configured. Idempotent: a signature already there by the same key over the same manifest is fine, any other\n" +
    "is refused (a signature is never replaced).",
  positionals: [{ name: "model@ref", required: true, description: "what to sign, e.g. churn@7" }],
  options: {},
  run: async (args, io) => {
    const {
      model,
      ref,
      registry,
      manifest,
      need: key,
    } = await signingTarget(args, io, (policy, signing) => {
      const key = policy.signingKey();
      if (key) return key;
      const from = signing?.key_env ? `$${signing.key_env} is not set` : "registry.signing names no key";
      throw new UsageError(`no key to sign with: ${from}`, {
        hint: "set registry.signing.key_env (from a secret) or key_file to a PEM private key (ECDSA P-256 or Ed25519)",
      });
    });
    const signed = await registry.sign(manifest, key);
    return {
      exitCode: ExitCode.ok,
      result: { model, ref, version: manifest.version, keyid: key.keyid, state: signed.state, signature: signed.key },
      text:
        signed.state === "signed"
          ? `Signed ${model} ${manifest.version} with the key ${key.keyid}: ${signed.key}.`
          : `${model} ${manifest.version} was already signed with the key ${key.keyid}; nothing changed.`,
    };
  },
};
