// Runs once when the Next.js server starts, before it serves a request.
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself, not a setting; the Node-only import must sit behind it.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/start");
    await startServer();
  }
}
