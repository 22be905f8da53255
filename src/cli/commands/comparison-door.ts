import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Comparison } from "../../compare/compare.ts";
import { comparisonCsv, comparisonSection } from "../../compare/render.ts";
import type { SourceDoor } from "../../compare/sources.ts";
import { UsageError } from "../../errors.ts";
import { openRegistry } from "../../registry/open.ts";
import type { Registry } from "../../registry/registry.ts";
import { renderText } from "../../report/sections.ts";
import type { CommandArgs, CommandIO, OptionSpec } from "../command.ts";
import { openProject } from "../project.ts";

/** What `mlops compare` and `mlops metrics diff` share: the --csv option, the door to their runs, the output. */

export const CSV_OPTION: OptionSpec = {
  type: "boolean",
  description: "Print CSV (one row per run and metric or param) instead of tables",
};

/**
 * The project, a registry opened only when a run names it, and a scratch folder for the registry's predictions that
 * is removed afterwards, whatever `use` does.
 */
export async function withSourceDoor<T>(
  args: CommandArgs,
  io: CommandIO,
  use: (door: SourceDoor) => Promise<T>,
): Promise<T> {
  if (args.values.csv === true && args.json) throw new UsageError("--csv and --json cannot go together");
  const context = await openProject(args, io);
  const scratch = await mkdtemp(path.join(tmpdir(), "mlops-compare-"));
  let registry: Promise<Registry> | undefined;
  try {
    return await use({ context, registry: () => (registry ??= openRegistry(context)), scratch });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The comparison as CSV (--csv) or as the report's text. */
export function comparisonText(comparison: Comparison, args: CommandArgs, title?: string): string {
  return args.values.csv === true
    ? comparisonCsv(comparison)
    : renderText(comparisonSection(comparison, title), args.text);
}
