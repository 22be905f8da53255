import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  listSources
} from "./chunk-LGIA7PQF.js";
import {
  sha256File
} from "./chunk-CQ3WEECP.js";

// src/data/fingerprint.ts
import path from "node:path";
async function fingerprintDatasets(data, root, settings) {
  const fingerprints = [];
  for (const [dataset, sources] of [
    ["train", data?.train],
    ["eval", data?.eval]
  ]) {
    if (sources === void 0) continue;
    const files = await fingerprintFiles(await listSources(sources, root, settings), root);
    fingerprints.push({ dataset, files });
  }
  return fingerprints;
}
async function fingerprintFiles(entries, root) {
  const files = [];
  for (const entry of entries) {
    if (entry.kind === "local") {
      const { size, sha256 } = await sha256File(entry.path);
      files.push({ path: path.relative(root, entry.path).split(path.sep).join("/"), size, sha256 });
    } else {
      const head = await entry.store.head(entry.key);
      files.push(
        head ? { path: entry.shown, size: head.size, etag: head.etag } : { path: entry.shown, size: 0, etag: "missing" }
      );
    }
  }
  return files;
}
function describeFingerprint(fingerprints) {
  return fingerprints.flatMap((f) => f.files.map((file) => `${f.dataset}	${describeFile(file)}`)).join("\n");
}
function describeFile(file) {
  return `${file.path}	${file.size}	${file.sha256 ?? `etag:${file.etag ?? ""}`}`;
}

export {
  fingerprintDatasets,
  fingerprintFiles,
  describeFingerprint,
  describeFile
};
