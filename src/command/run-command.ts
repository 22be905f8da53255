import { spawn } from "node:child_process";
import type { Logger } from "../logging.ts";
import type { OnInterrupt } from "./interrupts.ts";
import { startMemorySampler } from "./peak-memory.ts";
import { type Redactor, redactorFor } from "./redact.ts";

/**
 * Runs a user's shell command (training, evaluation). The command gets its own process group so that a timeout
 * kills everything it started (a Python script's workers, a shell's children), not just the shell.
 */

export interface CommandOptions {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Milliseconds; undefined = no limit. */
  timeoutMs?: number;
  logger: Logger;
  /** Prefix for streamed log lines, e.g. "train". */
  label: string;
  /** How many of the last output lines to keep. */
  tailLines?: number;
  /** Applied to every output line before it is printed or kept; default: the secrets in `env` become `***`. */
  redact?: Redactor;
  /** While the command runs, a signal to the kit is passed on to its process group (which is detached). */
  onInterrupt?: OnInterrupt;
  /** Each line of stdout as printed (redacted), for commands that report something on it (a deploy's URL). */
  onStdoutLine?: (line: string) => void;
}

export interface CommandResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The command could not be started or the shell could not find it (exit 127). */
  notFound: boolean;
  durationMs: number;
  /** Last lines of stdout and stderr interleaved, as they arrived. */
  tail: string[];
  /** Last lines of stderr alone: what usually explains a failure. */
  stderrTail: string[];
  /** Peak resident memory of the command's process group in bytes, sampled; null where the OS does not tell. */
  peakMemoryBytes: number | null;
}

const KILL_GRACE_MS = 5000;

export async function runCommand(options: CommandOptions): Promise<CommandResult> {
  const tailLimit = options.tailLines ?? 40;
  const redact = options.redact ?? redactorFor(options.env);
  const tail = new LineTail(tailLimit);
  const stderrTail = new LineTail(tailLimit);
  const started = performance.now();
  const child = spawn(options.command, {
    cwd: options.cwd,
    env: options.env,
    shell: true,
    detached: process.platform !== "win32",
    stdio: ["ignore", "pipe", "pipe"],
  });

  const stream = (source: NodeJS.ReadableStream, alsoTo?: LineTail, onLine?: (line: string) => void): void => {
    let partial = "";
    source.setEncoding("utf8");
    source.on("data", (chunk: string) => {
      const lines = (partial + chunk).split(/\r?\n/);
      partial = lines.pop() ?? "";
      for (const line of lines) emit(line);
    });
    source.on("end", () => {
      if (partial !== "") emit(partial);
    });
    function emit(raw: string): void {
      const line = redact(raw);
      tail.push(line);
      alsoTo?.push(line);
      onLine?.(line);
      options.logger.info(`  [${options.label}] ${line}`);
    }
  };
  stream(child.stdout, undefined, options.onStdoutLine);
  stream(child.stderr, stderrTail);
  // The detached child leads its own process group, whose id is its pid.
  const memory = startMemorySampler(process.platform === "win32" ? undefined : child.pid);
  const stopForwarding = options.onInterrupt?.((signal) => killGroup(child.pid, signal));

  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          killGroup(child.pid, "SIGTERM");
          killTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), KILL_GRACE_MS);
        }, options.timeoutMs);

  const { exitCode, signal, spawnError } = await new Promise<{
    exitCode: number | null;
    signal: string | null;
    spawnError?: Error;
  }>((resolve) => {
    child.on("error", (error) => resolve({ exitCode: null, signal: null, spawnError: error }));
    child.on("close", (code, sig) => resolve({ exitCode: code, signal: sig }));
  });
  stopForwarding?.();
  clearTimeout(timer);
  clearTimeout(killTimer);
  if (timedOut) killGroup(child.pid, "SIGKILL"); // leftovers that ignored SIGTERM
  const durationMs = Math.round(performance.now() - started);
  const peakMemoryBytes = await memory.stop();

  if (spawnError) stderrTail.push(redact(spawnError.message));
  return {
    exitCode,
    signal,
    timedOut,
    notFound: spawnError !== undefined || exitCode === 127,
    durationMs,
    tail: tail.lines(),
    stderrTail: stderrTail.lines(),
    peakMemoryBytes,
  };
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // A negative pid signals the whole process group the detached child leads.
    process.kill(process.platform === "win32" ? pid : -pid, signal);
  } catch {
    // Already gone.
  }
}

/** Keeps the last N lines, each cut to a sane length so one huge line cannot fill a report. */
class LineTail {
  private readonly buffer: string[] = [];
  constructor(private readonly limit: number) {}
  push(line: string): void {
    this.buffer.push(line.length > 500 ? `${line.slice(0, 497)}...` : line);
    if (this.buffer.length > this.limit) this.buffer.shift();
  }
  lines(): string[] {
    return [...this.buffer];
  }
}

/**
 * Why a command failed, in one line. Its output was already printed live (and the run record keeps its tail), so the
 * message points there and quotes only the line that most likely says what went wrong.
 */
export function describeFailure(what: string, command: string, result: CommandResult, timeoutMs?: number): string {
  let head: string;
  if (result.timedOut) head = `${what} timed out after ${formatSeconds(timeoutMs ?? 0)} and was stopped: ${command}`;
  else if (result.notFound) head = `${what} command not found (exit 127): ${command}`;
  else if (result.signal) head = `${what} was killed by ${result.signal}: ${command}`;
  else head = `${what} failed with exit code ${result.exitCode}: ${command}`;
  const last = telltaleLine(result.stderrTail) ?? telltaleLine(result.tail);
  return last === null ? head : `${head} (see its output in the log; last line: ${last})`;
}

/**
 * The line of a failed command's output that most likely explains it: the last one naming an error or exception
 * (Python's `ValueError: ...` after its traceback, Node's `Error: ...` before its version line, R's `Error in ...`),
 * else the last line that is not blank.
 */
export function telltaleLine(lines: readonly string[]): string | null {
  const filled = lines.map((line) => line.trim()).filter((line) => line !== "");
  return filled.findLast((line) => /(error|exception)\b/i.test(line)) ?? filled.at(-1) ?? null;
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
