import packageJson from "../package.json" with { type: "json" };

/** The kit's version, recorded in manifests and cache keys. */
export const KIT_VERSION: string = packageJson.version;
