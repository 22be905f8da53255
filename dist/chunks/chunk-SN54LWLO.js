import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/files/safe-path.ts
import path from "node:path";
var CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
function hasControlCharacters(text) {
  return CONTROL_CHARACTERS.test(text);
}
function relativePathProblem(relative) {
  if (relative.length === 0) return "empty";
  if (CONTROL_CHARACTERS.test(relative)) return "control-characters";
  if (relative.includes("\\")) return "backslash";
  if (path.posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return "absolute";
  const normal = path.posix.normalize(relative);
  if (normal === ".." || normal.startsWith("../")) return "escapes";
  return void 0;
}
function describePathProblem(problem) {
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
function isInside(base, target) {
  const relative = path.relative(path.resolve(base), path.resolve(target));
  return relative === "" || !relative.startsWith("..") && !path.isAbsolute(relative);
}
function isS3Uri(text) {
  return text.startsWith("s3://");
}
function isGitHubUri(text) {
  return text.startsWith("github://");
}
function parseGitHubUri(uri) {
  const match = /^github:\/\/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\/([A-Za-z0-9._-]{1,100})\/?$/.exec(
    uri
  );
  if (!match?.[1] || !match[2] || match[2] === "." || match[2] === "..") return void 0;
  return { owner: match[1], repo: match[2] };
}
function parseS3Uri(uri) {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri);
  if (!match?.[1]) return void 0;
  return { bucket: match[1], key: match[2] ?? "" };
}

export {
  hasControlCharacters,
  relativePathProblem,
  describePathProblem,
  isInside,
  isS3Uri,
  isGitHubUri,
  parseGitHubUri,
  parseS3Uri
};
