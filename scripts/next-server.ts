import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

// What the scripts and the e2e tier that run `next start` share: the Node options `npm start`
// gives the server, a free port, waiting until the server answers, and stopping it.

/**
 * The NODE_OPTIONS of package.json's start script (its heap bounds), so a server started here
 * runs as `npm start` runs it; the command is started directly to hold the server's own pid.
 */
export function startNodeOptions(): string {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as {
    scripts: Record<string, string>;
  };
  const options = /NODE_OPTIONS="\$\{NODE_OPTIONS:-\} ([^"]*)"/.exec(scripts.start ?? "")?.[1];
  if (!options) throw new Error("package.json's start script sets no NODE_OPTIONS");
  return options;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

export async function waitForHealth(
  baseUrl: string,
  server: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start was not healthy within ${timeoutMs} ms`);
}

export function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
    setTimeout(() => server.kill("SIGKILL"), 5_000).unref();
  });
}
