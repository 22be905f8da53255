import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/config/init-comments.ts
function registryUriComment(uri) {
  if (uri.startsWith("s3://")) return "bucket and prefix; credentials come from the AWS chain (OIDC in CI)";
  if (uri.startsWith("github://")) return "versions are releases of this repository; the job's own token reaches it";
  return "a folder";
}
var CHAMPION_BASELINE_COMMENT = "the registry's current champion";
function initValueComment(path, value) {
  const at = path.join(".");
  if (at === "registry.uri") return typeof value === "string" ? registryUriComment(value) : null;
  if (at === "gate.baseline") return value === "champion" ? CHAMPION_BASELINE_COMMENT : null;
  return null;
}
function commentForNewValue(path, comment, oldValue, newValue) {
  const initOld = initValueComment(path, oldValue);
  if (initOld === null || comment.trim() !== initOld) return comment;
  return initValueComment(path, newValue);
}

export {
  registryUriComment,
  CHAMPION_BASELINE_COMMENT,
  commentForNewValue
};
