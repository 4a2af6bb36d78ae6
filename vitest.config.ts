import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// The db tier runs on in-memory PGlite, or on the PostgreSQL named by TEST_DATABASE_URL.
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? "";

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next.js nothing sets the react-server condition; the guard is for bundles only.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          setupFiles: ["tests/db/setup.ts"],
          env: {
            DATABASE_URL: testDatabaseUrl,
            PGLITE_DIR: "memory://",
            DEMO_CONTENT: "false",
            // Test feeds are served from 127.0.0.1; the refusal of private addresses has its own tests.
            INGEST_ALLOW_PRIVATE_NETWORK: "true",
            INGEST_TIMEOUT_SECONDS: "2",
          },
          // One PostgreSQL database is shared by every file, so they take turns; PGlite is per file.
          fileParallelism: testDatabaseUrl === "",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/server.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
