import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// package.json
var package_default = {
  name: "mlops-kit",
  version: "0.1.0",
  description: "Level-2 MLOps for any ML repository from one mlops.yml: data validation, cached training, an evaluation gate that blocks regressions, a model registry on S3, and scheduled retraining, as GitHub Actions plus a CLI.",
  type: "module",
  license: "MIT",
  engines: {
    node: "^22.13.0 || >=24"
  },
  bin: {
    mlops: "dist/cli.js",
    "mlops-kit": "dist/cli.js"
  },
  exports: {
    "./package.json": "./package.json",
    "./schema/mlops.schema.json": "./schema/mlops.schema.json"
  },
  files: [
    "dist",
    "actions",
    "schema",
    "workflows"
  ],
  scripts: {
    build: "node build.mjs",
    test: "node build.mjs && vitest run",
    demo: "tsx scripts/demo.ts",
    "demo:monitor": "tsx scripts/demo-monitor.ts",
    "demo:deploy": "tsx scripts/demo-deploy.ts",
    mlops: "tsx src/cli/bin.ts",
    docs: "tsx scripts/generate-docs.ts",
    typecheck: "tsc --noEmit",
    lint: "eslint . --max-warnings 0",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    bench: "tsx bench/all.ts",
    "bench:gate": "tsx bench/gate.bench.ts",
    "bench:monitor": "tsx bench/monitor.bench.ts",
    "bench:registry": "tsx bench/registry.bench.ts",
    "bench:startup": "tsx bench/startup.bench.ts",
    "bench:train": "tsx bench/train.bench.ts",
    "bench:validate": "tsx bench/validate.bench.ts"
  },
  devDependencies: {
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@actions/http-client": "4.0.1",
    "@actions/workflow-parser": "^0.3.61",
    "@aws-sdk/client-s3": "~3.1169.0",
    "@cyclonedx/cyclonedx-library": "10.3.0",
    "@eslint/js": "^9.39.5",
    "@octokit/core": "7.0.8",
    "@octokit/openapi": "^23.0.2",
    "@octokit/plugin-paginate-rest": "14.0.0",
    "@octokit/plugin-rest-endpoint-methods": "17.0.0",
    "@octokit/webhooks-examples": "^7.6.1",
    "@types/node": "^20.19.43",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    "ajv-formats-draft2019": "1.6.1",
    azurite: "3.35.0",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    "eslint-config-prettier": "^10.1.8",
    hyparquet: "^1.31.5",
    "hyparquet-compressors": "^1.1.2",
    micromark: "^4.0.3",
    "micromark-extension-gfm": "^3.0.0",
    prettier: "^3.10.1",
    "puppeteer-core": "24.10.0",
    s3rver: "^3.7.1",
    "smol-toml": "^1.9.1",
    tinyglobby: "^0.2.17",
    tsx: "^4.23.15",
    typescript: "~5.9.3",
    "typescript-eslint": "^8.73.0",
    undici: "6.29.1",
    vitest: "~4.1.12",
    yaml: "^2.9.1",
    zod: "^4.6.7"
  }
};

// src/version.ts
var KIT_VERSION = package_default.version;

export {
  KIT_VERSION
};
