import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

// `npm run bench`: every bench/*.bench.ts in turn (each also has its own `npm run bench:<name>`). Benchmarks measure
// speed and memory against a named peer in the same run; tests never time anything.
const here = import.meta.dirname;
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(here, bench)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
if (benches.length === 0) console.log("no benchmarks yet");
process.exitCode = failed > 0 ? 1 : 0;
