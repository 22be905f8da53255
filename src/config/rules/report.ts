import type { ConfigDiagnostic } from "../../errors.ts";

/** Where a diagnostic points in the config, e.g. `["gate", "rules", 0, "metric"]`. */
export type FieldPath = (string | number)[];

/** How a rule reports what it found: as data, which the door prints (STYLE.md "validate in phases"). */
export type Report = (severity: "error" | "warning", at: FieldPath, message: string, hint?: string) => void;

export interface RuleContext {
  /** Folder holding mlops.yml: relative paths start here. */
  root: string;
  /** The repository's top folder: no path may leave it. */
  repoRoot: string;
}

/** A Report that collects into `found`, in the order the rules report. */
export function collectInto(found: ConfigDiagnostic[]): Report {
  return (severity, at, message, hint) => {
    found.push(hint === undefined ? { severity, path: at, message } : { severity, path: at, message, hint });
  };
}
