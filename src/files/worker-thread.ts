import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * The kit's thread entries, by name: build.mjs bundles each as dist/<name>.js beside the doors (and the benches beside
 * their children), and {@link startWorkerThread} starts them by that name.
 */
export const THREAD_ENTRIES = [
  // The validate stage reads big data on every core (src/data/parallel.ts).
  { name: "scan-worker", source: "src/data/scan-worker.ts" },
  // The gate's bootstrap draws big predictions' resamples on every core (src/gate/significance/draw-threads.ts).
  { name: "draw-worker", source: "src/gate/significance/draw-worker.ts" },
  // The monitor spools big logs on two threads (src/monitor/spool-threads.ts).
  { name: "spool-worker", source: "src/monitor/spool-worker.ts" },
] as const;

/**
 * Starts a worker thread on one of the kit's thread entries, wherever the caller runs from: from the bundle (dist/,
 * where build.mjs writes each entry beside the doors, their shared code in dist/chunks/) it is `<name>.js` next to the
 * calling chunk or one folder up; from the TypeScript sources (tests, `npm run mlops`) it is the `.ts` entry, loaded
 * through tsx, which the development install has.
 */
export function startWorkerThread(
  entry: { name: string; source: URL; caller: string },
  options: WorkerOptions,
): Worker {
  const here = fileURLToPath(entry.caller);
  if (here.endsWith(".ts")) {
    const code = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(entry.source.href)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
  }
  const candidates = [path.dirname(here), path.join(path.dirname(here), "..")].map((folder) =>
    path.join(folder, `${entry.name}.js`),
  );
  const script = candidates.find((file) => existsSync(file));
  if (!script) throw new Error(`${entry.name}.js is missing next to ${here}`);
  return new Worker(script, options);
}
