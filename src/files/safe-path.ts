import path from "node:path";

/**
 * Paths that come from configs and manifests are untrusted text (DOMAIN.md §4): they must not leave the folder they
 * are relative to, be absolute, or carry control characters.
 */

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

export type PathProblem = "empty" | "absolute" | "escapes" | "control-characters" | "backslash";

/** Why `relative` is not a safe path inside its base folder, or undefined when it is. Purely lexical. */
export function relativePathProblem(relative: string): PathProblem | undefined {
  if (relative.length === 0) return "empty";
  if (CONTROL_CHARACTERS.test(relative)) return "control-characters";
  // A backslash is a separator on Windows runners: "a\\..\\..\\x" must not slip through as one odd file name.
  if (relative.includes("\\")) return "backslash";
  if (path.posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return "absolute";
  const normal = path.posix.normalize(relative);
  if (normal === ".." || normal.startsWith("../")) return "escapes";
  return undefined;
}

export function describePathProblem(problem: PathProblem): string {
  switch (problem) {
    case "empty":
      return "the path is empty";
    case "absolute":
      return "the path is absolute; it must be relative";
    case "escapes":
      return "the path leads outside its folder (`..`)";
    case "control-characters":
      return "the path contains control characters";
    case "backslash":
      return "the path contains a backslash; use `/` as separator";
  }
}

/** True when `target` is `base` or inside it. Both are resolved first. */
export function isInside(base: string, target: string): boolean {
  const relative = path.relative(path.resolve(base), path.resolve(target));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

export function isS3Uri(text: string): boolean {
  return text.startsWith("s3://");
}

export function isGitHubUri(text: string): boolean {
  return text.startsWith("github://");
}

/**
 * `github://owner/repo` -> { owner, repo }, as GitHub names them: an owner of letters, digits and single hyphens (at
 * most 39), a repository of letters, digits, `.`, `-` and `_` (not `.` or `..`). A trailing slash is allowed.
 */
export function parseGitHubUri(uri: string): { owner: string; repo: string } | undefined {
  const match = /^github:\/\/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\/([A-Za-z0-9._-]{1,100})\/?$/.exec(
    uri,
  );
  if (!match?.[1] || !match[2] || match[2] === "." || match[2] === "..") return undefined;
  return { owner: match[1], repo: match[2] };
}

/** `s3://bucket/some/key` -> { bucket, key }. The bucket follows AWS naming rules; the key may be empty. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri);
  if (!match?.[1]) return undefined;
  return { bucket: match[1], key: match[2] ?? "" };
}
