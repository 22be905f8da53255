import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  resolveVersion
} from "./chunk-6JXCZ4UO.js";
import {
  openProject
} from "./chunk-KATF5WDH.js";
import {
  openRegistry,
  parseModelRef,
  signingPolicy
} from "./chunk-GPXSHNAX.js";

// src/cli/commands/signing-door.ts
async function signingTarget(args, io, need) {
  const [target = ""] = args.positionals;
  const { model, ref } = parseModelRef(target);
  const context = await openProject(args, io);
  const { signing } = context.loaded.config.registry;
  const needed = need(signingPolicy(signing, { root: context.loaded.root, env: io.env }), signing);
  const registry = await openRegistry(context);
  const manifest = await resolveVersion(registry, model, ref);
  return { model, ref, registry, manifest, need: needed };
}

export {
  signingTarget
};
