import { existsSync } from "node:fs";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { InputError } from "../errors.ts";
import { isS3Uri } from "../files/safe-path.ts";

/** A data source from the config: one path, a glob, or a list of them; many files read as one dataset. */
export async function resolveDataFiles(sources: string | readonly string[], root: string): Promise<string[]> {
  const files: string[] = [];
  for (const source of typeof sources === "string" ? [sources] : sources) {
    if (isS3Uri(source)) {
      throw new InputError(`cannot read ${source}: reading data from s3:// is not available in this build`, {
        hint: "copy the data into the repository or the runner first",
      });
    }
    if (isDynamicPattern(source)) {
      const matches = await glob(source, { cwd: root, absolute: true, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0)
        throw new InputError(`no file matches ${source}`, {
          hint: "check the pattern and where it is relative to (the folder of mlops.yml)",
        });
      files.push(...matches.sort());
    } else {
      const file = path.resolve(root, source);
      if (!existsSync(file))
        throw new InputError(`data file not found: ${source}`, {
          hint: "paths are relative to the folder of mlops.yml",
        });
      files.push(file);
    }
  }
  return files;
}
