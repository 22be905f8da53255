import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  formatBytes
} from "./chunk-LP2MTGO2.js";
import {
  isInside
} from "./chunk-SN54LWLO.js";
import {
  isErrnoException
} from "./chunk-XOZC47AQ.js";

// src/gate/user-sections.ts
import { open, realpath } from "node:fs/promises";
import path from "node:path";
var MAX_SECTION_BYTES = 16 * 1024;
async function readUserSections(loaded) {
  return Promise.all(
    loaded.config.report.sections.map(async (entry) => {
      const { path: relative, title } = typeof entry === "string" ? { path: entry, title: void 0 } : entry;
      const read = await readSectionFile(path.resolve(loaded.root, relative), loaded.repoRoot);
      return { title: title ?? relative, path: relative, ...read };
    })
  );
}
function userSectionWarnings(loaded, sections) {
  return sections.flatMap((section, index) => {
    const entry = loaded.config.report.sections[index];
    const at = ["report", "sections", index, ...typeof entry === "object" ? ["path"] : []];
    if (section.problem !== null)
      return [{ at, message: `section file ${section.path} ${section.problem}: the report names it as missing` }];
    if (section.cutFrom === null) return [];
    return [
      {
        at,
        message: `section file ${section.path} is ${formatBytes(section.cutFrom)}: the report shows only its first ${formatBytes(MAX_SECTION_BYTES)}`
      }
    ];
  });
}
async function readSectionFile(file, repoRoot) {
  let real;
  try {
    real = await realpath(file);
  } catch (error) {
    if (isErrnoException(error) && (error.code === "ENOENT" || error.code === "ENOTDIR"))
      return { text: null, problem: "does not exist", cutFrom: null };
    return { text: null, problem: `cannot be read (${error.message})`, cutFrom: null };
  }
  if (!isInside(await realpath(repoRoot).catch(() => repoRoot), real))
    return { text: null, problem: "is a link that leads outside the repository", cutFrom: null };
  let handle;
  try {
    handle = await open(real, "r");
    const info = await handle.stat();
    if (!info.isFile()) return { text: null, problem: "is not a file", cutFrom: null };
    const buffer = Buffer.alloc(Math.min(info.size, MAX_SECTION_BYTES));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const cut = info.size > MAX_SECTION_BYTES;
    const read = buffer.subarray(0, filled);
    const text = decode(cut ? read.subarray(0, cutPoint(read)) : read);
    if (text === null) return { text: null, problem: "is not UTF-8 text", cutFrom: null };
    return { text, problem: null, cutFrom: cut ? info.size : null };
  } catch (error) {
    return { text: null, problem: `cannot be read (${error.message})`, cutFrom: null };
  } finally {
    await handle?.close();
  }
}
function cutPoint(bytes) {
  const newline = bytes.lastIndexOf(10);
  if (newline >= 0) return newline + 1;
  let lead = bytes.length - 1;
  while (lead > 0 && ((bytes[lead] ?? 0) & 192) === 128 && bytes.length - lead < 4) lead--;
  const first = bytes[lead] ?? 0;
  const length = first >= 240 ? 4 : first >= 224 ? 3 : first >= 192 ? 2 : 1;
  return lead + length <= bytes.length ? bytes.length : lead;
}
function decode(bytes) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (text.includes("\0")) return null;
  return text.replace(/\r\n?/g, "\n").replace(/[\u0001-\u0008\u000b-\u001f\u007f]/g, "");
}
var FROM_FORK = "this report comes from a fork's pull request, so its files are shown as text, not as markdown.";
function renderingInJob(origin) {
  return origin === "a fork" ? { asWritten: false, why: `Sections: ${FROM_FORK}` } : { asWritten: true };
}
function renderingFromArtifact(origin) {
  if (origin === "this repository") return { asWritten: true };
  return {
    asWritten: false,
    why: origin === "a fork" ? `Sections: ${FROM_FORK}` : "Sections: this job's event does not say which repository's run uploaded this report, so its files are shown as text, not as markdown."
  };
}
function userSectionBlocks(sections, rendering) {
  if (sections.length === 0) return [];
  const blocks = rendering.asWritten ? [] : [{ kind: "text", text: rendering.why }];
  for (const section of sections) {
    if (section.text === null) {
      blocks.push({
        kind: "text",
        text: `Section "${section.title}" is missing from this report: ${section.path} ${section.problem ?? "could not be read"}.`
      });
      continue;
    }
    if (rendering.asWritten) blocks.push({ kind: "markdown", title: section.title, text: section.text });
    else {
      blocks.push({ kind: "text", text: `Section "${section.title}" (${section.path}):` });
      blocks.push({ kind: "code", text: section.text });
    }
    if (section.cutFrom !== null) {
      blocks.push({
        kind: "text",
        text: `Cut: ${section.path} is ${formatBytes(section.cutFrom)}, so only its start is shown (the whole lines of its first ${formatBytes(MAX_SECTION_BYTES)}); the whole file is in the repository.`
      });
    }
  }
  return blocks;
}

export {
  MAX_SECTION_BYTES,
  readUserSections,
  userSectionWarnings,
  renderingInJob,
  renderingFromArtifact,
  userSectionBlocks
};
