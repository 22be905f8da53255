/**
 * Keeping the kit's workspace (`.mlops/` beside mlops.yml: run records, cache stamps, a local registry) out of git.
 * Only the .gitignore in the folder of mlops.yml is read: a pattern elsewhere (a parent's .gitignore, a global
 * excludes file) is not seen, and the line is added anyway, which is harmless.
 */

export const WORKSPACE_COMMENT = "# mlops-kit's workspace (run records, cache stamps)";
export const WORKSPACE_PATTERN = ".mlops/";

/** Lines that ignore `.mlops/` in the folder of the .gitignore (a leading `/` anchors it there, which is the same). */
const COVERING = new Set([
  ".mlops",
  ".mlops/",
  "/.mlops",
  "/.mlops/",
  ".mlops/*",
  "/.mlops/*",
  ".mlops/**",
  "/.mlops/**",
]);

export function ignoresWorkspace(gitignore: string): boolean {
  let ignored = false;
  for (const raw of gitignore.split(/\r?\n/)) {
    const line = raw.trim();
    // A later negation (`!.mlops/`) un-ignores it again, as git reads the file.
    if (COVERING.has(line)) ignored = true;
    else if (line.startsWith("!") && COVERING.has(line.slice(1))) ignored = false;
  }
  return ignored;
}

/** The .gitignore with the workspace ignored, or null when it already is (`existing` null: no file yet). */
export function gitignoreWithWorkspace(existing: string | null): string | null {
  if (existing !== null && ignoresWorkspace(existing)) return null;
  const before = existing === null || existing === "" ? "" : existing.endsWith("\n") ? existing : `${existing}\n`;
  return `${before}${WORKSPACE_COMMENT}\n${WORKSPACE_PATTERN}\n`;
}
