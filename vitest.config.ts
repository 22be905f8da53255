import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests start servers and spawn real processes (actions, training commands): give them room on a 2-core CI box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One RADOS Gateway for the whole run, started in the background (test/helpers/rgw-global-setup.ts).
    globalSetup: ["test/helpers/rgw-global-setup.ts"],
    server: {
      deps: {
        // @actions/workflow-parser imports JSON without import attributes; inlined, Vite handles it (PLATFORM.md).
        inline: [/@actions\/(workflow-parser|expressions)/],
      },
    },
  },
});
