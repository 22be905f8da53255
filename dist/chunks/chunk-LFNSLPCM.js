import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  redactorFor
} from "./chunk-5PEOAABG.js";

// src/command/run-command.ts
import { spawn } from "node:child_process";

// src/command/peak-memory.ts
import { readdir, readFile } from "node:fs/promises";
var SAMPLE_INTERVAL_MS = 100;
function startMemorySampler(groupId) {
  if (process.platform !== "linux" || groupId === void 0) return { stop: () => Promise.resolve(null) };
  let peak = null;
  let running = Promise.resolve();
  const sample = async () => {
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
  const tick = () => {
    running = running.then(sample).catch(() => void 0);
  };
  tick();
  const timer = setInterval(tick, SAMPLE_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      return peak;
    }
  };
}
async function groupMembers(groupId) {
  const members = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = await readFile(`/proc/${entry}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) members.push(Number(entry));
    } catch {
    }
  }
  return members;
}
async function processMemory(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: kib("VmRSS") * 1024, highWaterMark: kib("VmHWM") * 1024 };
  } catch {
    return void 0;
  }
}

// src/command/run-command.ts
var KILL_GRACE_MS = 5e3;
async function runCommand(options) {
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
    stdio: ["ignore", "pipe", "pipe"]
  });
  const stream = (source, alsoTo, onLine) => {
    let partial = "";
    source.setEncoding("utf8");
    source.on("data", (chunk) => {
      const lines = (partial + chunk).split(/\r?\n/);
      partial = lines.pop() ?? "";
      for (const line of lines) emit(line);
    });
    source.on("end", () => {
      if (partial !== "") emit(partial);
    });
    function emit(raw) {
      const line = redact(raw);
      tail.push(line);
      alsoTo?.push(line);
      onLine?.(line);
      options.logger.info(`  [${options.label}] ${line}`);
    }
  };
  stream(child.stdout, void 0, options.onStdoutLine);
  stream(child.stderr, stderrTail);
  const memory = startMemorySampler(process.platform === "win32" ? void 0 : child.pid);
  const stopForwarding = options.onInterrupt?.((signal2) => killGroup(child.pid, signal2));
  let timedOut = false;
  let killTimer;
  const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
    timedOut = true;
    killGroup(child.pid, "SIGTERM");
    killTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), KILL_GRACE_MS);
  }, options.timeoutMs);
  const { exitCode, signal, spawnError } = await new Promise((resolve) => {
    child.on("error", (error) => resolve({ exitCode: null, signal: null, spawnError: error }));
    child.on("close", (code, sig) => resolve({ exitCode: code, signal: sig }));
  });
  stopForwarding?.();
  clearTimeout(timer);
  clearTimeout(killTimer);
  if (timedOut) killGroup(child.pid, "SIGKILL");
  const durationMs = Math.round(performance.now() - started);
  const peakMemoryBytes = await memory.stop();
  if (spawnError) stderrTail.push(redact(spawnError.message));
  return {
    exitCode,
    signal,
    timedOut,
    notFound: spawnError !== void 0 || exitCode === 127,
    durationMs,
    tail: tail.lines(),
    stderrTail: stderrTail.lines(),
    peakMemoryBytes
  };
}
function killGroup(pid, signal) {
  if (pid === void 0) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, signal);
  } catch {
  }
}
var LineTail = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  buffer = [];
  push(line) {
    this.buffer.push(line.length > 500 ? `${line.slice(0, 497)}...` : line);
    if (this.buffer.length > this.limit) this.buffer.shift();
  }
  lines() {
    return [...this.buffer];
  }
};
function describeFailure(what, command, result, timeoutMs) {
  let head;
  if (result.timedOut) head = `${what} timed out after ${formatSeconds(timeoutMs ?? 0)} and was stopped: ${command}`;
  else if (result.notFound) head = `${what} command not found (exit 127): ${command}`;
  else if (result.signal) head = `${what} was killed by ${result.signal}: ${command}`;
  else head = `${what} failed with exit code ${result.exitCode}: ${command}`;
  const last = telltaleLine(result.stderrTail) ?? telltaleLine(result.tail);
  return last === null ? head : `${head} (see its output in the log; last line: ${last})`;
}
function telltaleLine(lines) {
  const filled = lines.map((line) => line.trim()).filter((line) => line !== "");
  return filled.findLast((line) => /(error|exception)\b/i.test(line)) ?? filled.at(-1) ?? null;
}
function formatSeconds(ms) {
  return ms < 1e4 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms / 1e3)} s`;
}

export {
  runCommand,
  describeFailure
};
