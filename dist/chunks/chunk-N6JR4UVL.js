import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/files/worker-thread.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function startWorkerThread(entry, options) {
  const here = fileURLToPath(entry.caller);
  if (here.endsWith(".ts")) {
    const code = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(entry.source.href)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
  }
  const candidates = [path.dirname(here), path.join(path.dirname(here), "..")].map(
    (folder) => path.join(folder, `${entry.name}.js`)
  );
  const script = candidates.find((file) => existsSync(file));
  if (!script) throw new Error(`${entry.name}.js is missing next to ${here}`);
  return new Worker(script, options);
}

export {
  startWorkerThread
};
