import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AlertWindow, MonitorAlert } from "./alert.ts";
import { exposeWindows, renderFamilies, type MetricFamily } from "./prometheus-exposition.ts";

/**
 * Writing a run's figures for a node exporter's textfile collector (`--collector.textfile.directory`): one `.prom` file
 * the collector reads whole at each scrape. The collector has no grouping key, so the file holds one window per model,
 * alias and window size: the latest this run computed of each size. Samples the file already held for another model,
 * alias or size are kept, so an hourly run that computed no daily window leaves the last daily one in place, and
 * several models may share one file (runs that write it at the same moment are not merged: the last rename wins).
 *
 * The file is written to a temporary name the collector ignores (it reads `*.prom` only) in the same folder and
 * renamed over the old one, so a scrape never reads half a file. A failure is returned, never thrown.
 */

export interface TextfileSettings {
  /** The file to write, ending in `.prom`, in the collector's folder. */
  file: string;
}

export interface TextfileOutcome {
  file: string;
  /** The windows written, by key (the latest of each size). */
  windows: string[];
  /** Why the file could not be written, or null. */
  error: string | null;
}

export async function writeTextfile(alert: MonitorAlert, settings: TextfileSettings): Promise<TextfileOutcome> {
  const file = path.resolve(settings.file);
  const latest = latestOfEachSize(alert.windows);
  const windows = latest.map((w) => w.key);
  if (!file.endsWith(".prom"))
    return {
      file,
      windows: [],
      error: `${file} does not end in .prom: the textfile collector reads *.prom files only`,
    };
  if (latest.length === 0) return { file, windows, error: null };

  let previous = "";
  try {
    previous = await readFile(file, "utf8");
  } catch (error) {
    if (errorCode(error) !== "ENOENT")
      return { file, windows: [], error: `could not read ${file}: ${describe(error)}` };
  }
  const sizes = new Set<string>(latest.map((w) => w.size));
  const replaced = (labels: Map<string, string>): boolean =>
    labels.get("model") === alert.model &&
    labels.get("alias") === alert.alias &&
    sizes.has(labels.get("window_size") ?? "");
  const families = mergeFamilies(keptFamilies(previous, replaced), exposeWindows(alert, latest).families);

  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, renderFamilies(families));
    // The node exporter runs as a user of its own: it must be able to read what the job wrote, whatever the umask.
    await chmod(temporary, 0o644);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return { file, windows: [], error: `could not write ${file}: ${describe(error)}` };
  }
  return { file, windows, error: null };
}

/** The window of each size that starts last, in the order of the sizes' first appearance. */
export function latestOfEachSize(windows: readonly AlertWindow[]): AlertWindow[] {
  const latest = new Map<AlertWindow["size"], AlertWindow>();
  for (const window of windows) {
    const current = latest.get(window.size);
    if (!current || Date.parse(window.start) > Date.parse(current.start)) latest.set(window.size, window);
  }
  return [...latest.values()];
}

/**
 * The families of a file this module wrote, minus the samples `replaced` picks by their labels. Only our own layout
 * is read (`# HELP`, `# TYPE`, `name{labels} value`); a line it does not understand is dropped.
 */
function keptFamilies(text: string, replaced: (labels: Map<string, string>) => boolean): MetricFamily[] {
  const families = new Map<string, MetricFamily>();
  const family = (name: string): MetricFamily => {
    let entry = families.get(name);
    if (!entry) families.set(name, (entry = { name, help: "", samples: [] }));
    return entry;
  };
  for (const line of text.split("\n")) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (help?.[1] !== undefined) {
      family(help[1]).help = unescapeHelp(help[2] ?? "");
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? \S+$/.exec(line);
    if (sample?.[1] === undefined) continue;
    if (!replaced(parseLabels(sample[2] ?? ""))) family(sample[1]).samples.push(line);
  }
  return [...families.values()];
}

/** `earlier`'s samples, then `later`'s, family by family (a family's samples must stay together). */
function mergeFamilies(earlier: readonly MetricFamily[], later: readonly MetricFamily[]): MetricFamily[] {
  const merged = new Map<string, MetricFamily>(earlier.map((f) => [f.name, { ...f, samples: [...f.samples] }]));
  for (const family of later) {
    const entry = merged.get(family.name);
    if (entry) {
      entry.help = family.help;
      entry.samples.push(...family.samples);
    } else merged.set(family.name, { ...family, samples: [...family.samples] });
  }
  return [...merged.values()];
}

/** `{a="x",b="y\"z"}` as a map, undoing the format's escapes. */
function parseLabels(text: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const match of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
    labels.set(
      match[1] ?? "",
      (match[2] ?? "").replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c)),
    );
  return labels;
}

function unescapeHelp(text: string): string {
  return text.replace(/\\([\\n])/g, (_, c: string) => (c === "n" ? "\n" : "\\"));
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  if (code === "ENOENT") return "its folder does not exist (create it, or point textfile at the collector's folder)";
  if (code === "EACCES" || code === "EPERM") return "permission denied (the job's user must be able to write there)";
  return error instanceof Error ? error.message : String(error);
}
