import { describeVersion } from "../../registry/manifest.ts";
import { ExitCode, UsageError } from "../../errors.ts";
import type { CommandSpec } from "../command.ts";
import { signingTarget } from "./signing-door.ts";

export const verifyCommand: CommandSpec = {
  name: "verify",
  summary: "Check a version's signature against the trusted keys, and every file's sha256",
  details:
    "<model>@<ref>: a version id, a version number (7) or an alias (champion); <model> alone means <model>@champion.\n" +
    "The signature (model.sig, OpenSSF model-signing format) must be by a key of registry.signing.trusted_keys and\n" +
    "sign this version's manifest as stored; then every file is downloaded (streamed, never held in memory) and its\n" +
    "sha256 compared with the signed one, and so is every attachment (card, ML-BOM, predictions, profile, report)\n" +
    "with the sha256 the signed manifest lists for it.\n" +
    "Exit 0 verified, 1 not (one message saying why), 2 usage or config error.",
  positionals: [{ name: "model@ref", required: true, description: "what to verify, e.g. churn@champion or churn@7" }],
  options: {},
  run: async (args, io) => {
    const {
      model,
      ref,
      registry,
      manifest,
      need: trusted,
    } = await signingTarget(args, io, (policy) => {
      const trusted = policy.trustedKeys();
      if (trusted.length > 0) return trusted;
      throw new UsageError("nothing to verify against: registry.signing.trusted_keys lists no key", {
        hint: "add the public key(s) whose signatures you trust, e.g. trusted_keys: [keys/release.pub]",
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
          problem: outcome.problem,
        },
        text: `Not verified: ${outcome.problem}.`,
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
        attachments: outcome.attachments,
      },
      text:
        `Verified ${label}: signed by the trusted key ${outcome.keyid}, its manifest as signed, ${outcome.files} ` +
        `file(s) with their signed sha256` +
        (outcome.attachments.length > 0
          ? `, and its attachment(s) ${outcome.attachments.join(", ")} with the sha256 the signed manifest lists.`
          : "; it has no attachments."),
    };
  },
};
