// Loaded with `node --import` into the processes the benchmark times: prints the process's peak resident set size
// (all threads) when it exits, for the benches to read. `--import` runs in worker threads too: only the main thread
// prints, at the process's end (a thread's exit would print the peak so far, and a bench reads the first line).
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  process.on("exit", () => {
    process.stderr.write(`\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
  });
}
