// Prepares the server, or stops it with one line saying why. lib/server/prepare is imported here
// inside the try: when lib/env rejects a setting, that import itself is what fails.

export async function startServer(): Promise<void> {
  try {
    const { prepareServer } = await import("./prepare");
    await prepareServer();
  } catch (error) {
    console.error(`podbrief: cannot start: ${describeStartupError(error)}`);
    process.exit(1);
  }
}

// Errors an operator fixes by changing a setting or stopping a process: their message says how.
const OPERATOR_ERRORS = new Set(["EnvError", "DatabaseUnavailableError", "DatabaseBusyError"]);

/** The message alone when the operator can fix it; the stack for anything else. */
export function describeStartupError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return OPERATOR_ERRORS.has(error.name) ? error.message : (error.stack ?? error.message);
}
