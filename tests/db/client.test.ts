import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, openPostgres } from "@/db/client";

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
