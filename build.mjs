// One build for every bundle (STYLE.md): each action and the CLI become one ESM entry under dist/, with shared code
// split into dist/chunks/ so the actions do not each carry a copy. The output is committed (actions cannot
// `npm install` at run time) and CI rebuilds it and fails on any difference (.ci/run).
import { rm } from "node:fs/promises";
import { build } from "esbuild";
import { tsImport } from "tsx/esm/api";

// A bundle per stage in src/stages/index.ts (the one list of stages), each a two-line entry that runs its stage through
// the action door; the stage's own module is a chunk it loads.
const { STAGES } = await tsImport("./src/stages/index.ts", import.meta.url);
const { THREAD_ENTRIES } = await tsImport("./src/files/worker-thread.ts", import.meta.url);

/** `stage-action:<name>` entries: the same two lines for every stage, so no file per stage to keep. */
const stageEntries = {
  name: "stage-entries",
  setup(build) {
    build.onResolve({ filter: /^stage-action:/ }, (args) => ({
      path: args.path.slice("stage-action:".length),
      namespace: "stage-action",
    }));
    build.onLoad({ filter: /.*/, namespace: "stage-action" }, (args) => ({
      contents: `import { runStageAction } from "./src/actions/door.ts";\nawait runStageAction(${JSON.stringify(args.path)});\n`,
      resolveDir: import.meta.dirname,
      loader: "ts",
    }));
  },
};

// `node build.mjs <dir>` builds into another folder: bench/startup.bench.ts times fresh bundles, leaving dist/ alone.
const outdir = process.argv[2] ?? "dist";
/**
 * @actions/core imports two modules every action loads but no code of the kit calls: its OIDC client
 * (core.getIDToken), whose @actions/http-client evaluates all of undici as it loads (about 45 ms of CPU, over a
 * quarter of an action's start-up, by bench/startup.bench.ts), and core.platform, which loads @actions/exec. Marked
 * free of side effects, each is left out of a bundle that uses none of its exports (as esbuild already leaves out the
 * functions), and kept where one is used.
 */
const unusedCoreParts = {
  name: "unused-core-parts",
  setup(build) {
    build.onResolve({ filter: /^\.\/(oidc-utils|platform)\.js$/ }, async (args) => {
      if (args.pluginData === "unused-core-parts" || !/[\\/]@actions[\\/]core[\\/]/.test(args.importer))
        return undefined;
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "unused-core-parts",
      });
      return errors.length > 0 ? { errors } : { path, sideEffects: false };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [
    ...STAGES.map(({ name }) => ({ in: `stage-action:${name}`, out: name })),
    // actions/report runs without a project (the trusted half of the fork-safe pattern): a door of its own.
    { in: "src/actions/report.ts", out: "report" },
    // actions/models-report reads the registry, not a stage's result: a door of its own too.
    { in: "src/actions/models-report.ts", out: "models-report" },
    { in: "src/cli/bin.ts", out: "cli" },
    // The worker threads' entries (validate's scan, the gate's bootstrap), as src/files/worker-thread.ts lists them.
    ...THREAD_ENTRIES.map(({ name, source }) => ({ in: source, out: name })),
  ],
  plugins: [stageEntries, unusedCoreParts],
  // The CycloneDX library (the ML-BOM, src/card/ml-bom.ts) tries its optional XML and validation plugins at load, each
  // in a try: left out, they are simply not there (the kit writes JSON and validates only in tests).
  external: ["xmlbuilder2", "libxmljs2", "ajv", "ajv-formats", "ajv-formats-draft2019"],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  // Our machines run Node 20, GitHub's runners node24: target the older one.
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  // @actions/http-client pulls in `tunnel`, whose require("net") fails in an ESM bundle without a real `require`.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  legalComments: "none",
  sourcemap: false,
  logLevel: "warning",
});
