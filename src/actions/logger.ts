import path from "node:path";
import * as core from "@actions/core";
import type { SourceLocation } from "../errors.ts";
import type { Logger } from "../logging.ts";

/**
 * The Actions backend of {@link Logger}: warnings and errors with a location become annotations on that line of the
 * file. GitHub shows at most 10 error and 10 warning annotations per step (PLATFORM.md), so later ones go to the log
 * only, with a count at the end, instead of silently vanishing.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

/** The logger an action writes through; flushOverflow() logs how many annotations went over the per-step limit. */
export type ActionsLogger = Logger & { flushOverflow(): void };

export function createActionsLogger(workspaceRoot: string, cwd: string): ActionsLogger {
  const used = { warning: 0, error: 0 };
  const overflow = { warning: 0, error: 0 };
  const annotate = (level: "warning" | "error", message: string, location?: SourceLocation): void => {
    if (used[level] >= ANNOTATIONS_PER_LEVEL) {
      overflow[level]++;
      core.info(`${level}: ${location ? `${location.file}:${location.line ?? 1}: ` : ""}${message}`);
      return;
    }
    used[level]++;
    const properties: core.AnnotationProperties = {};
    if (location) {
      // Annotations need paths relative to the repository root, not to the working directory.
      properties.file = path.relative(workspaceRoot, path.resolve(cwd, location.file)).split(path.sep).join("/");
      if (location.line !== undefined) properties.startLine = location.line;
      if (location.column !== undefined) properties.startColumn = location.column;
    }
    if (level === "error") core.error(message, properties);
    else core.warning(message, properties);
  };
  return {
    info: (message) => core.info(message),
    warn: (message, location) => annotate("warning", message, location),
    error: (message, location) => annotate("error", message, location),
    debug: (message) => core.debug(message),
    group: (name, fn) => core.group(name, fn),
    flushOverflow() {
      for (const level of ["error", "warning"] as const) {
        if (overflow[level] > 0)
          core.info(
            `${overflow[level]} more ${level}(s) are in the log above (GitHub shows ${ANNOTATIONS_PER_LEVEL} per step).`,
          );
      }
    },
  };
}
