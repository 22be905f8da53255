import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/config/init-comments.ts
function registryUriComment(uri) {
  if (uri.startsWith("s3://")) return "bucket and prefix; credentials come from the AWS chain (OIDC in CI)";
  if (uri.startsWith("github://")) return "versions are releases of this repository; the job's own token reaches it";
  return "a folder";
}
function initValueComment(path, value) {
  const isRegistryUri = path.length === 2 && path[0] === "registry" && path[1] === "uri";
  return isRegistryUri && typeof value === "string" ? registryUriComment(value) : null;
}
function commentForNewValue(path, comment, oldValue, newValue) {
  const initOld = initValueComment(path, oldValue);
  if (initOld === null || comment.trim() !== initOld) return comment;
  return initValueComment(path, newValue) ?? comment;
}

export {
  registryUriComment,
  commentForNewValue
};
