import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

// A wrong setting must stop `next start` with one readable line, not a stack trace.
function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const server = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", "0"],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          AUTH_SECRET: "startup-test-secret-0123456789abcdef0123",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    server.stdout.on("data", (chunk) => (output += chunk));
    server.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => server.kill("SIGKILL"), 30_000);
    server.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("next start with a wrong setting", () => {
  it.each([
    [
      "no AUTH_SECRET",
      { AUTH_SECRET: "", DATABASE_URL: "", PGLITE_DIR: "memory://" },
      "podbrief: cannot start: Invalid setting AUTH_SECRET: is required in production (at least 32 characters, e.g. openssl rand -base64 32) (see .env.example)",
    ],
    [
      "DATABASE_URL=mysql://app@localhost/podbrief",
      { DATABASE_URL: "mysql://app@localhost/podbrief" },
      "podbrief: cannot start: Invalid setting DATABASE_URL: must be a postgres:// or postgresql:// URL with a host (see .env.example)",
    ],
    [
      "DATABASE_URL=postgres://app:hunter2@127.0.0.1:1/podbrief",
      { DATABASE_URL: "postgres://app:hunter2@127.0.0.1:1/podbrief" },
      "podbrief: cannot start: DATABASE_URL: cannot connect to 127.0.0.1:1/podbrief (connection refused)",
    ],
  ])("%s exits 1 with one line naming the problem", async (_label, settings, line) => {
    const { code, output } = await startWith(settings);
    expect(code).toBe(1);
    const errorLines = output.split("\n").filter((l) => l.startsWith("podbrief:"));
    expect(errorLines).toEqual([line]);
    expect(output).not.toContain("hunter2");
    expect(output).not.toMatch(/^\s+at /m);
  });
});
