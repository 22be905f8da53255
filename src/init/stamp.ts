import { createHash } from "node:crypto";

/**
 * How `mlops init --workflows` tells a workflow file it wrote from one a person edited: the file's first line is a
 * comment carrying the sha256 of the rest of the file as init wrote it. A file whose rest still hashes to that value
 * is init's own and may be regenerated; any other file (edited, or written by hand) is kept unless --force.
 * A stamp needs no state outside the file and survives a clone; editing the stamp line itself only makes the file
 * count as edited, which errs on the side of keeping it.
 */

const STAMP = /^# Written by `mlops init` \(sha256:([0-9a-f]{64})\)/;

const digest = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The workflow text with its stamp as the first line. */
export function stampWorkflow(content: string): string {
  return (
    `# Written by \`mlops init\` (sha256:${digest(content)}); to change it, edit mlops.yml and run ` +
    "`npx mlops-kit init --workflows`, which keeps a file edited by hand.\n" +
    content
  );
}

/** True when `text` is a workflow exactly as `mlops init` wrote it (stamped, and unchanged since). */
export function isUneditedWorkflow(text: string): boolean {
  const newline = text.indexOf("\n");
  if (newline < 0) return false;
  const match = STAMP.exec(text.slice(0, newline));
  return match !== null && match[1] === digest(text.slice(newline + 1));
}
