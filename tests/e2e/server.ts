import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import {
  freePort,
  startNodeOptions,
  stopServer as stop,
  waitForHealth,
} from "../../scripts/next-server";
import { startE2eDirectory } from "./directory";

// Starts `next start` on a free port over a throwaway embedded database (the demo catalog loads
// into it on start), and stops it when the e2e tier is done. `npm run test:e2e` builds first.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789";

export default async function setup(project: TestProject) {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("no production build: run `npm run test:e2e`, which runs `next build` first");
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "podbrief-e2e-"));
  const port = await freePort();
  const directory = await startE2eDirectory();
  const server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NODE_OPTIONS: startNodeOptions(), // the heap bounds `npm start` runs with
        DATABASE_URL: "",
        PGLITE_DIR: path.join(dataDir, "pglite"),
        DEMO_CONTENT: "true",
        APP_URL: `http://localhost:${port}`,
        CRON_SECRET: E2E_CRON_SECRET,
        // Shows added in a test are served by the test from 127.0.0.1.
        INGEST_ALLOW_PRIVATE_NETWORK: "true",
        AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
        NEXT_TELEMETRY_DISABLED: "1",
        // Show search asks a fake directory on 127.0.0.1 (tests/e2e/directory.ts).
        ...directory.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  server.stdout?.on("data", (chunk) => output.push(String(chunk)));
  server.stderr?.on("data", (chunk) => output.push(String(chunk)));

  const baseUrl = `http://localhost:${port}`;
  try {
    await waitForHealth(baseUrl, server, 90_000);
  } catch (error) {
    await stop(server);
    await directory.close();
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output.join("")}`);
  }
  project.provide("baseUrl", baseUrl);

  return async () => {
    await stop(server);
    await directory.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
