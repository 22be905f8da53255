import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPublishStage
} from "./chunk-JVSKKL3U.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  registryTokenOption,
  withRegistryToken
} from "./chunk-BO5Z4RF3.js";
import {
  flagOption
} from "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";

// src/stages/publish.ts
var PublishOptions = object({
  /**
   * Promoting a model built from uncommitted changes or trained with --set overrides is refused (exit 1) without it
   * (DOMAIN.md §6).
   */
  allowDirty: flagOption({
    cli: {
      flag: "allow-dirty",
      description: "Promote even a model built from uncommitted changes or trained with --set overrides (the alias history says so)"
    },
    action: {
      input: "allow-dirty",
      description: "Promote even a model built from uncommitted changes or trained with `set` overrides (the alias history says so); without it, such a promotion fails the step."
    }
  }),
  registryToken: registryTokenOption("write")
});
var publishStage = defineStage({
  name: "publish",
  options: PublishOptions,
  run: (context, { allowDirty, registryToken }) => runPublishStage(withRegistryToken(context, registryToken), { allowDirty }),
  command: {
    summary: "Store the model as a new registry version; promote it when its gate passed",
    details: "Refuses (exit 2) results that belong to another run: an evaluation of an older train run, a gate verdict of\nan older evaluation, a model changed since. A model built from uncommitted changes or trained with --set\noverrides is published (recorded as such) but promoted only with --allow-dirty."
  },
  action: {
    description: "Store the trained model as a new immutable registry version with its manifest; promote it when its gate passed on a promote branch.",
    icon: "upload-cloud",
    verdictOutput: "result",
    outputs: {
      result: { description: "published; error when the stage could not run.", value: () => "published" },
      version: {
        description: "The new version id (unique and sortable, e.g. v20260301T120000000Z-a1b2c3).",
        value: ({ result }) => result.version
      },
      sequence: {
        description: "The new version's friendly number (1, 2, 3 ...), usable wherever a version is expected.",
        value: ({ result }) => result.sequence ?? ""
      },
      uri: { description: "Where the version lives in the registry.", value: ({ result }) => result.uri },
      manifest: { description: "Location of the version's manifest.json.", value: ({ result }) => result.manifest },
      "manifest-file": {
        description: "A local copy of the version's manifest.json, byte for byte as stored (`<workspace>/out/manifest.json`): the subject to attest (actions/attest-build-provenance).",
        value: ({ result }) => result.manifestFile
      },
      "manifest-sha256": {
        description: "The sha256 of the manifest's stored bytes.",
        value: ({ result }) => result.manifestSha256
      },
      promoted: {
        description: "The alias the version was promoted to, or empty.",
        value: ({ result }) => result.promoted ?? ""
      }
    },
    failureMessage: ({ result }) => result.refusedDirty ? result.promotion : "publishing failed"
  }
});

export {
  PublishOptions,
  publishStage
};
