import type { TransferEvent } from "./registry.ts";
import { formatBytes } from "../report/format.ts";

/**
 * Progress lines for uploads and downloads: one line per file when it is done (size, time, rate), and for big files
 * a line at the start and at every tenth. Lines, not a redrawn bar, so the same output reads well in a terminal, a
 * CI log and a test. The CLI writes them to stderr (stdout stays clean for results and --json).
 */

/** Files at least this big get start and 10% lines. */
const BIG = 32 * 1024 * 1024;

export function progressReporter(log: (line: string) => void, clock: () => number): (event: TransferEvent) => void {
  const started = new Map<string, { at: number; tenths: number }>();
  return (event) => {
    const id = `${event.direction}:${event.path}`;
    const verb = event.direction === "upload" ? "uploading" : "downloading";
    let state = started.get(id);
    if (!state) {
      state = { at: clock(), tenths: 0 };
      started.set(id, state);
      if (event.total >= BIG && !event.done) log(`${verb} ${event.path} (${formatBytes(event.total)})`);
    }
    if (event.done) {
      started.delete(id);
      const seconds = (clock() - state.at) / 1000;
      const rate = seconds > 0 ? `, ${formatBytes(event.total / seconds)}/s` : "";
      const verified = event.direction === "download" ? ", sha256 verified" : "";
      const past = event.direction === "upload" ? "uploaded" : "downloaded";
      log(`${past} ${event.path}: ${formatBytes(event.total)} in ${seconds.toFixed(1)} s${rate}${verified}`);
      return;
    }
    if (event.total < BIG) return;
    const tenths = Math.floor((event.bytes / event.total) * 10);
    if (tenths > state.tenths && tenths < 10) {
      state.tenths = tenths;
      log(`  ${event.path}: ${tenths * 10}% (${formatBytes(event.bytes)} of ${formatBytes(event.total)})`);
    }
  };
}
