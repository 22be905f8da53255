import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

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
