import path from "node:path";
import { RegistrySection } from "../../config/schema/registry.ts";
import * as z from "../../zod.ts";
import { createLocalStore } from "../../store/local-store.ts";
import type { RegistryBackend } from "./backend.ts";

/** A registry in a folder: a path relative to mlops.yml (or to where `mlops pull --registry` runs). */
export interface FolderRegistryLocation {
  scheme: "folder";
  path: string;
}

/**
 * The last row of the table: a URI no other row reads is a folder path, as it always was (the config's path rules
 * refuse an unknown scheme first, so only `mlops pull --registry` can hand one over).
 */
export const folderBackend: RegistryBackend<FolderRegistryLocation> = {
  scheme: "folder",
  read: (uri) => ({ scheme: "folder", path: uri }),
  settings: z.pick(RegistrySection, {}),
  open: (location, place) => Promise.resolve(createLocalStore(path.resolve(place.root, location.path))),
  // The runner's own disk: nothing to sign in to.
  workflow: { permissions: { read: {}, write: {} }, credentials: [] },
};
