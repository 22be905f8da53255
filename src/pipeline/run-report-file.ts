import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Workspace } from "../context/workspace.ts";
import { renderHtmlDocument } from "../report/html/document.ts";
import { buildRunReport, type RunReport, type RunReportOptions } from "./run-report.ts";
import { readRunResults } from "./run-results.ts";

/** The run's HTML report beside the stages' reports: `<workspace>/out/report.html` (the gate stage writes it). */
export const RUN_REPORT_FILE = "report.html";

export function runReportFile(workspace: Workspace): string {
  return path.join(workspace.outDir, RUN_REPORT_FILE);
}

interface WrittenRunReport {
  file: string;
  report: RunReport;
  bytes: number;
}

/**
 * Reads the run's results from the workspace (as untrusted input: run-results.ts), builds the report and writes it as
 * one self-contained HTML file, by default `<workspace>/out/report.html`. A UsageError when nothing ran there.
 */
export async function writeRunReport(
  workspace: Workspace,
  options: RunReportOptions & { cwd: string; file?: string },
): Promise<WrittenRunReport> {
  const results = await readRunResults(workspace, options.cwd);
  const report = buildRunReport(results, options);
  const html = renderHtmlDocument(report);
  const file = options.file ?? runReportFile(workspace);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, html);
  return { file, report, bytes: Buffer.byteLength(html) };
}
