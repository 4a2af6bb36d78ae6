// The reason a work unit failed, as stored on it and shown by /podcasts, the CLIs and the cron
// routes. Our own errors are written as sentences a person can act on; anything else (a database
// error carries its SQL and parameters, a TypeError is our bug) is logged in full and shown as a
// plain sentence instead.

const OWN_ERRORS = new Set([
  "Error", // thrown by our code with a sentence
  "FetchError",
  "FeedParseError",
  "TranscriptParseError",
  "ChaptersParseError",
  "ExtractionError",
  "BusyElsewhere",
]);

export function publicReason(error: unknown, doing: string): string {
  if (error instanceof Error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return `${doing}: the file does not exist`;
    // The AI SDK's errors (AI_APICallError, …) say what the provider answered, e.g. a quota.
    if (OWN_ERRORS.has(error.name) || error.name.startsWith("AI_")) {
      return error.message.split("\n")[0] ?? error.name;
    }
  }
  console.error(`podbrief: unexpected error while ${doing}`, error);
  return `unexpected error while ${doing} (see the server log)`;
}
