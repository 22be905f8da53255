import type * as z from "../../zod.ts";
import type { SigningSection } from "../../config/schema/registry.ts";
import { type SigningPolicy, signingPolicy } from "../../provenance/policy.ts";
import type { Manifest } from "../../registry/manifest.ts";
import { parseModelRef } from "../../registry/names.ts";
import { openRegistry } from "../../registry/open.ts";
import type { Registry } from "../../registry/registry.ts";
import type { CommandArgs, CommandIO } from "../command.ts";
import { openProject } from "../project.ts";
import { resolveVersion } from "./pull.ts";

/** What `mlops sign` and `mlops verify` share: registry.signing read first, then the version <model>@<ref> names. */
export interface SigningTarget<Need> {
  model: string;
  ref: string;
  registry: Registry;
  manifest: Manifest;
  /** What the command takes from registry.signing (the key to sign with, the keys to trust). */
  need: Need;
}

/**
 * Reads mlops.yml's registry.signing and takes what the command needs from it (`need` throws the usage error when
 * it is not there) before the registry is opened, so a missing key costs no round trip; then resolves the version.
 */
export async function signingTarget<Need>(
  args: CommandArgs,
  io: CommandIO,
  need: (policy: SigningPolicy, signing: z.output<typeof SigningSection> | undefined) => Need,
): Promise<SigningTarget<Need>> {
  const [target = ""] = args.positionals;
  const { model, ref } = parseModelRef(target);
  const context = await openProject(args, io);
  const { signing } = context.loaded.config.registry;
  const needed = need(signingPolicy(signing, { root: context.loaded.root, env: io.env }), signing);
  const registry = await openRegistry(context);
  const manifest = await resolveVersion(registry, model, ref);
  return { model, ref, registry, manifest, need: needed };
}
