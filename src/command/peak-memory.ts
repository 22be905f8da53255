import { readdir, readFile } from "node:fs/promises";

/**
 * Peak memory of a command and everything it started, where the OS reports it. Node offers no rusage of children,
 * so on Linux we sample /proc every 100 ms: every member of the command's process group, its resident set (VmRSS) summed, and
 * each process's own high-water mark (VmHWM). The peak is the larger of the highest sum seen and the highest single
 * high-water mark, so the biggest process is exact and the group total is a sampled lower bound. Elsewhere (macOS,
 * Windows) there is no /proc: the peak is null, and the run record says so by leaving it empty.
 */

export interface MemorySampler {
  /** Stops sampling; the peak in bytes, or null when nothing could be measured. */
  stop(): Promise<number | null>;
}

const SAMPLE_INTERVAL_MS = 100;

export function startMemorySampler(groupId: number | undefined): MemorySampler {
  if (process.platform !== "linux" || groupId === undefined) return { stop: () => Promise.resolve(null) };
  let peak: number | null = null;
  let running: Promise<void> = Promise.resolve();
  const sample = async (): Promise<void> => {
    const members = await groupMembers(groupId);
    let total = 0;
    let measured = false;
    for (const pid of members) {
      const memory = await processMemory(pid);
      if (!memory) continue;
      measured = true;
      total += memory.rss;
      peak = Math.max(peak ?? 0, memory.highWaterMark);
    }
    if (measured) peak = Math.max(peak ?? 0, total);
  };
  const tick = (): void => {
    running = running.then(sample).catch(() => undefined);
  };
  tick();
  const timer = setInterval(tick, SAMPLE_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      return peak;
    },
  };
}

/** Pids whose process group is `groupId` (field 5 of /proc/<pid>/stat, after the parenthesised command name). */
async function groupMembers(groupId: number): Promise<number[]> {
  const members: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = await readFile(`/proc/${entry}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) members.push(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return members;
}

async function processMemory(pid: number): Promise<{ rss: number; highWaterMark: number } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: kib("VmRSS") * 1024, highWaterMark: kib("VmHWM") * 1024 };
  } catch {
    return undefined;
  }
}
