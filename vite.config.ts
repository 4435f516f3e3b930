import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import path from "node:path";
import { defineConfig } from "vite";
import { configDefaults } from "vitest/config";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  server: {
    // The SQLite file and its WAL live under data/; a write must not reload the dev server.
    watch: { ignored: ["**/data/**", "**/*.db", "**/*.db-*", "**/test-results/**"] },
  },
  plugins: [
    tailwindcss(),
    // Vitest runs plain modules; Remix's plugin only gets in its way there.
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
  test: {
    include: ["tests/**/*.test.ts"],
    // Engine-specific files run only on their engine, so neither run reports skipped tests: *.postgres.test.ts
    // under `npm run test:pg` (TEST_DATABASE_URL), *.sqlite.test.ts under `npm test`.
    exclude: [...configDefaults.exclude, process.env.TEST_DATABASE_URL ? "tests/**/*.sqlite.test.ts" : "tests/**/*.postgres.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // npm run test:pg names its own report, so CI can count both runs.
    reporters: ["default", ["json", { outputFile: process.env.VITEST_JSON_REPORT ?? "test-results/vitest.json" }]],
  },
});
