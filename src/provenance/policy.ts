import { readFileSync } from "node:fs";
import path from "node:path";
import type { SigningSection } from "../config/schema/registry.ts";
import { ExternalError, InputError } from "../errors.ts";
import { type PublicKey, readPublicKey, readSigningKey, type SigningKey } from "./keys.ts";
import type * as z from "../zod.ts";

/**
 * registry.signing as the registry uses it: keys read only when they are needed (a malformed signing key fails the
 * publish that would sign with it, not `mlops models list`), from the door's environment and mlops.yml's folder.
 */
export interface SigningPolicy {
  /** Pull (and so deploy) refuses a version that does not verify. */
  require: boolean;
  /** What made verification required, for the message of a refusal: `registry.signing.require`, or a flag. */
  requiredBy: string;
  /** The key to sign with; undefined when none is configured or its variable is unset. */
  signingKey(): SigningKey | undefined;
  /** The keys whose signatures verify; an InputError for one that cannot be read. */
  trustedKeys(): PublicKey[];
}

/** A version refused because it does not verify: a failed check (exit 1), not a usage error. */
export class UnverifiedVersionError extends ExternalError {
  override readonly exitCode = 1;
}

export function signingPolicy(
  signing: z.output<typeof SigningSection> | undefined,
  place: {
    root: string;
    env: NodeJS.ProcessEnv;
    /** Where the policy came from when not registry.signing (`mlops pull --trusted-key`): what the messages name. */
    door?: { requiredBy: string; pathsHint?: string };
  },
): SigningPolicy {
  const readFile = (relative: string, what: string): string => {
    try {
      return readFileSync(path.resolve(place.root, relative), "utf8");
    } catch (error) {
      throw new InputError(`cannot read the ${what} ${relative}`, {
        hint: place.door?.pathsHint ?? "paths in registry.signing are relative to mlops.yml",
        cause: error,
      });
    }
  };
  let trusted: PublicKey[] | undefined;
  return {
    require: signing?.require ?? false,
    requiredBy: place.door?.requiredBy ?? "registry.signing.require",
    signingKey() {
      if (!signing) return undefined;
      if (signing.key_env !== undefined) {
        const pem = place.env[signing.key_env];
        if (pem !== undefined && pem.trim() !== "") return readSigningKey(pem, `$${signing.key_env}`);
      }
      if (signing.key_file !== undefined) {
        return readSigningKey(readFile(signing.key_file, "signing key file"), signing.key_file);
      }
      return undefined;
    },
    trustedKeys() {
      trusted ??= (signing?.trusted_keys ?? []).map((entry, i) =>
        entry.trimStart().startsWith("-----BEGIN")
          ? readPublicKey(entry, `registry.signing.trusted_keys[${i}]`)
          : readPublicKey(readFile(entry, "trusted key file"), entry),
      );
      return trusted;
    },
  };
}
