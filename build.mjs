// One build for every bundle (STYLE.md): each action and the CLI become one ESM entry under dist/, with shared code
// split into dist/chunks/ so the five actions do not each carry a copy. The output is committed (actions cannot
// `npm install` at run time) and CI rebuilds it and fails on any difference (.ci/run).
import { rm } from "node:fs/promises";
import { build } from "esbuild";

const ACTIONS = [
  "validate",
  "train",
  "evaluate",
  "gate",
  "report",
  "publish",
  "plan",
  "select",
  "retrain-decide",
  "retrain-conclude",
];

await rm("dist", { recursive: true, force: true });
await build({
  entryPoints: [
    ...ACTIONS.map((name) => ({ in: `src/actions/${name}.ts`, out: name })),
    { in: "src/cli/bin.ts", out: "cli" },
    // The validate stage reads big data on every core: its worker threads start from this file (src/data/parallel.ts).
    { in: "src/data/scan-worker.ts", out: "scan-worker" },
  ],
  outdir: "dist",
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
