// One error type for what a reader did wrong or may not do. The code names the case; the message
// is safe to show. Anything else thrown is a bug: it is logged and shown as a generic sentence.

export type ErrorCode =
  | "unauthorized"
  | "not_found"
  | "bad_request"
  | "rate_limited"
  | "unavailable";

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  not_found: 404,
  bad_request: 400,
  rate_limited: 429,
  unavailable: 503,
};

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  unauthorized: "Sign in to do that.",
  not_found: "That was not found.",
  bad_request: "That request was not valid.",
  rate_limited: "Too many tries. Wait a little and try again.",
  unavailable: "That is not available right now.",
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly subject: string | undefined;
  /** For rate_limited: when to try again (an HTTP answer sends it as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  /** `new AppError("not_found:save")`, optionally with a message a person can read. */
  constructor(
    kind: `${ErrorCode}` | `${ErrorCode}:${string}`,
    message?: string,
    { retryAfterSeconds }: { retryAfterSeconds?: number } = {},
  ) {
    const [code, subject] = kind.split(":") as [ErrorCode, string | undefined];
    super(message ?? DEFAULT_MESSAGE[code]);
    this.name = "AppError";
    this.code = code;
    this.subject = subject;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export type PublicError = { code: ErrorCode; message: string };

/** What a page or response may show of an error: our own message, or a generic one (logged). */
export function publicError(error: unknown, doing: string): PublicError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  console.error(`podbrief: unexpected error while ${doing}`, error);
  return { code: "unavailable", message: `Something went wrong while ${doing}. Try again.` };
}
