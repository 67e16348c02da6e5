/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    // Vitest loads this config too; the Remix plugin only belongs in the app build.
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ["**/*.test.{ts,tsx}"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    tsconfigPaths(),
  ],
  build: {
    // better-sqlite3 and sharp are native; they stay outside the server bundle.
    target: "es2022",
  },
  ssr: {
    external: ["better-sqlite3", "sharp", "@node-rs/argon2"],
  },
  test: {
    testTimeout: 20_000,
    // Vitest puts Vite's BASE_URL ("/") into process.env; the app reads BASE_URL as its public address.
    env: { BASE_URL: "http://127.0.0.1:3000" },
    // For the integration project's processes (a project cannot set its own worker count).
    poolOptions: { forks: { maxForks: 3, minForks: 1 } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Pure rules and components: no files, no globals, so one worker thread runs them all
          // without a fresh module graph per file.
          include: ["app/domain/**/*.test.{ts,tsx}", "app/components/**/*.test.{ts,tsx}"],
          environment: "node",
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // Real SQLite files, servers and child processes: each file in a process of its own.
          // Much of their time is spent waiting (SMTP, HTTP, argon2 in native threads), so three
          // processes keep two cores busy.
          include: ["app/server/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/relevance/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          // Builds the migrated template databases once per run (createTestDatabase copies them).
          globalSetup: ["tests/support/global-setup.ts"],
        },
      },
    ],
  },
});
