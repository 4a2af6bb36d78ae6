import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseBusyError, DatabaseUnavailableError, openPglite, openPostgres } from "@/db/client";

// Connection failures must reach the operator as one line naming DATABASE_URL and the reason.
describe("openPostgres with a wrong DATABASE_URL", () => {
  it("says the connection was refused, in one line, without the password", async () => {
    const error = await openPostgres("postgres://app:hunter2@127.0.0.1:1/podbrief").catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toBe(
      "DATABASE_URL: cannot connect to 127.0.0.1:1/podbrief (connection refused)",
    );
  });

  // Needs a PostgreSQL server to answer "no such database"; runs in the PostgreSQL db tier.
  it.runIf(process.env.TEST_DATABASE_URL)("says when the database does not exist", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.pathname = "/podbrief_no_such_database";
    const error = await openPostgres(url.toString()).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toMatch(
      /^DATABASE_URL: cannot connect to .*\/podbrief_no_such_database \(database does not exist\)$/,
    );
  });
});

describe("openPglite on a directory", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "podbrief-pglite-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates and migrates the database there, and releases its lock on close", async () => {
    const handle = await openPglite(dir);
    expect(await readFile(path.join(dir, "podbrief.lock"), "utf8")).toBe(String(process.pid));
    await handle.close();
    expect(existsSync(path.join(dir, "podbrief.lock"))).toBe(false);
  });

  it("refuses a directory another live process holds, saying which", async () => {
    await mkdir(dir, { recursive: true });
    const owner = process.ppid; // alive for as long as this test runs
    await writeFile(path.join(dir, "podbrief.lock"), String(owner));
    const error = await openPglite(dir).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect(error.message).toContain(`in use by process ${owner}`);
    expect(await readFile(path.join(dir, "podbrief.lock"), "utf8")).toBe(String(owner));
  });

  it("takes over the lock of a process that is gone", async () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(path.join(dir, "podbrief.lock"), String(gone));
    const handle = await openPglite(dir);
    expect(await readFile(path.join(dir, "podbrief.lock"), "utf8")).toBe(String(process.pid));
    await handle.close();
  });
});
