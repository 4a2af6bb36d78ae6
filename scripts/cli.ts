import { describeStartupError } from "@/lib/server/start";

// Runs a CLI entry point: a settings or connection problem prints one line, not a stack trace.
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`podbrief: ${describeStartupError(error)}`);
    process.exitCode = 1;
  } finally {
    const { closeDb } = await import("@/db/client").catch(() => ({ closeDb: async () => {} }));
    await closeDb();
  }
}
