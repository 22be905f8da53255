import { open, realpath } from "node:fs/promises";
import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";
import type { RunOrigin } from "../context/runner.ts";
import { isErrnoException } from "../errors.ts";
import { isInside } from "../files/safe-path.ts";
import type { Block } from "../report/blocks.ts";
import { formatBytes } from "../report/format.ts";

/**
 * `report.sections`: markdown files of the repository added to the end of the gate's report (docs/reports.md). The
 * gate reads them into its result, so the report artifact carries them to a trusted `workflow_run` job that never
 * checks the pull request out. How they are rendered is decided where they are rendered, from the event GitHub wrote
 * for that job ({@link renderingInJob}, {@link renderingFromArtifact}): as written for this repository's own runs, as
 * source text in a code block (no HTML, link, image or mention) for a fork's, or when the job cannot tell.
 */

/** Most bytes of one file put in a report; the rest is left out at a line, and the report says so. */
export const MAX_SECTION_BYTES = 16 * 1024;

export interface UserSection {
  /** The heading: the config's title, else the file's path. */
  title: string;
  /** The file, as mlops.yml names it. */
  path: string;
  /** Its text (the first {@link MAX_SECTION_BYTES}, cut after a whole line, when it is longer); null when unreadable. */
  text: string | null;
  /** Why there is no text: missing, not a file, not UTF-8 ... (null when it was read). */
  problem: string | null;
  /** The file's size in bytes when only its start is shown; null when it is whole. */
  cutFrom: number | null;
}

/** Reads every file `report.sections` names. A file that cannot be used is a problem in its entry, never an error. */
export async function readUserSections(loaded: LoadedConfig): Promise<UserSection[]> {
  return Promise.all(
    loaded.config.report.sections.map(async (entry) => {
      const { path: relative, title } = typeof entry === "string" ? { path: entry, title: undefined } : entry;
      const read = await readSectionFile(path.resolve(loaded.root, relative), loaded.repoRoot);
      return { title: title ?? relative, path: relative, ...read };
    }),
  );
}

/**
 * What the reader should hear about the sections read (missing, unreadable, cut), each with the field it comes from:
 * `mlops check` prints them as warnings, the gate logs them.
 */
export function userSectionWarnings(
  loaded: LoadedConfig,
  sections: readonly UserSection[],
): { at: (string | number)[]; message: string }[] {
  return sections.flatMap((section, index) => {
    const entry = loaded.config.report.sections[index];
    const at = ["report", "sections", index, ...(typeof entry === "object" ? ["path"] : [])];
    if (section.problem !== null)
      return [{ at, message: `section file ${section.path} ${section.problem}: the report names it as missing` }];
    if (section.cutFrom === null) return [];
    return [
      {
        at,
        message: `section file ${section.path} is ${formatBytes(section.cutFrom)}: the report shows only its first ${formatBytes(MAX_SECTION_BYTES)}`,
      },
    ];
  });
}

type Read = Pick<UserSection, "text" | "problem" | "cutFrom">;

async function readSectionFile(file: string, repoRoot: string): Promise<Read> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    if (isErrnoException(error) && (error.code === "ENOENT" || error.code === "ENOTDIR"))
      return { text: null, problem: "does not exist", cutFrom: null };
    return { text: null, problem: `cannot be read (${(error as Error).message})`, cutFrom: null };
  }
  // The loader keeps the path inside the repository; a symbolic link could still lead out of it.
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
    return { text: null, problem: `cannot be read (${(error as Error).message})`, cutFrom: null };
  } finally {
    await handle?.close();
  }
}

/** Where a too-long file's start ends: after its last whole line, or else after its last whole character. */
function cutPoint(bytes: Buffer): number {
  const newline = bytes.lastIndexOf(0x0a);
  if (newline >= 0) return newline + 1;
  // The last character's first byte (UTF-8 continuation bytes are 10xxxxxx), and how many bytes it says it has.
  let lead = bytes.length - 1;
  while (lead > 0 && ((bytes[lead] ?? 0) & 0xc0) === 0x80 && bytes.length - lead < 4) lead--;
  const first = bytes[lead] ?? 0;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead + length <= bytes.length ? bytes.length : lead;
}

/**
 * UTF-8 text with line breaks as `\n`; null for anything else (another encoding, or binary: a NUL byte). Other
 * control characters (a terminal's escape sequences) are dropped: no surface shows them.
 */
function decode(bytes: Buffer): string | null {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (text.includes("\u0000")) return null;
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, "\n").replace(/[\u0001-\u0008\u000b-\u001f\u007f]/g, "");
}

/** How a report shows user sections: as written, or as source text with the reason said once. */
export type SectionRendering = { asWritten: true } | { asWritten: false; why: string };

const FROM_FORK = "this report comes from a fork's pull request, so its files are shown as text, not as markdown.";

/**
 * In the job that read the files (the gate's): they are the code this job runs, so they are shown as written unless
 * the event says the run is a fork's pull request (whose own job summary shows them as text too, as a comment would).
 */
export function renderingInJob(origin: RunOrigin): SectionRendering {
  return origin === "a fork" ? { asWritten: false, why: `Sections: ${FROM_FORK}` } : { asWritten: true };
}

/**
 * From a report artifact (`mlops report`, actions/report): as written only when this job's event says the run that
 * uploaded it was built from this repository. A fork's run, or a run the event does not name, could have put anything
 * in the artifact.
 */
export function renderingFromArtifact(origin: RunOrigin): SectionRendering {
  if (origin === "this repository") return { asWritten: true };
  return {
    asWritten: false,
    why:
      origin === "a fork"
        ? `Sections: ${FROM_FORK}`
        : "Sections: this job's event does not say which repository's run uploaded this report, so its files are shown as text, not as markdown.",
  };
}

/** The blocks of the user sections, after everything of the gate's own, so a report cut to fit loses them first. */
export function userSectionBlocks(sections: readonly UserSection[], rendering: SectionRendering): Block[] {
  if (sections.length === 0) return [];
  const blocks: Block[] = rendering.asWritten ? [] : [{ kind: "text", text: rendering.why }];
  for (const section of sections) {
    if (section.text === null) {
      blocks.push({
        kind: "text",
        text: `Section "${section.title}" is missing from this report: ${section.path} ${section.problem ?? "could not be read"}.`,
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
        text: `Cut: ${section.path} is ${formatBytes(section.cutFrom)}, so only its start is shown (the whole lines of its first ${formatBytes(MAX_SECTION_BYTES)}); the whole file is in the repository.`,
      });
    }
  }
  return blocks;
}
