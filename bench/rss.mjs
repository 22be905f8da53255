// Loaded with `node --import` into the processes the benchmark times: prints the process's peak resident set size
// (all threads) when it exits, for bench/validate.bench.ts to read.
process.on("exit", () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
