import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  createGitHub
} from "./chunk-72OCKP5C.js";

// src/github/for-run.ts
function githubForRun(context, token) {
  const repository = context.provenance.repository;
  if (!token || !repository) return null;
  return createGitHub({
    token,
    repository,
    baseUrl: context.runner.apiUrl,
    logger: context.logger
  });
}

export {
  githubForRun
};
