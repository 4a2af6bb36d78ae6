import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for Resend's HTTP API on 127.0.0.1 (RESEND_BASE_URL points the SDK at it), with the
// behaviour the brief relies on: idempotency keys (the same key and body answer the first result
// and send nothing; the same key with another body is refused), a per-second rate limit answered
// with 429 and Retry-After, and failures a test can queue (a quota error, a 500).

export type FakeEmail = {
  id: string;
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
};

type Failure = { status: number; name: string; message: string; retryAfter?: number };

export type FakeResend = {
  url: string;
  /** Every email accepted, once each (replays of an idempotent request add nothing). */
  emails: FakeEmail[];
  /** Every call received, accepted or not. */
  calls: { path: string; key: string | null; at: number; status: number }[];
  failNext: (failure: Failure) => void;
  /** Most calls seen within any one second. */
  busiestSecond: () => number;
  /** Changes the rate limit from now on. */
  limitTo: (callsPerSecond: number) => void;
  close: () => Promise<void>;
};

export async function startFakeResend({
  apiKey = "re_test_key",
  callsPerSecond = Number.POSITIVE_INFINITY,
}: {
  apiKey?: string;
  callsPerSecond?: number;
} = {}): Promise<FakeResend> {
  let limit = callsPerSecond;
  const emails: FakeEmail[] = [];
  const calls: FakeResend["calls"] = [];
  const failures: Failure[] = [];
  const answered = new Map<string, { body: string; status: number; response: string }>();
  let nextId = 1;

  const server: Server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      const path = new URL(request.url ?? "/", "http://x").pathname;
      const key = (request.headers["idempotency-key"] as string | undefined) ?? null;
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        calls.push({ path, key, at: Date.now(), status });
        const text = JSON.stringify(body);
        response.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
        return text;
      };
      if (request.headers.authorization !== `Bearer ${apiKey}`) {
        return reply(401, {
          name: "invalid_api_key",
          message: "API key is invalid",
          statusCode: 401,
        });
      }
      const now = Date.now();
      const lastSecond = calls.filter((c) => c.at > now - 1000).length;
      if (lastSecond >= limit) {
        return reply(
          429,
          { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 },
          { "retry-after": "1" },
        );
      }
      if (key) {
        const earlier = answered.get(key);
        if (earlier && earlier.body !== raw) {
          return reply(409, {
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request body",
            statusCode: 409,
          });
        }
        if (earlier) {
          calls.push({ path, key, at: now, status: earlier.status });
          response.writeHead(earlier.status, { "content-type": "application/json" });
          response.end(earlier.response);
          return;
        }
      }
      const failure = failures.shift();
      if (failure) {
        return reply(
          failure.status,
          { name: failure.name, message: failure.message, statusCode: failure.status },
          failure.retryAfter ? { "retry-after": String(failure.retryAfter) } : {},
        );
      }
      const accept = (list: Omit<FakeEmail, "id">[]) =>
        list.map((email) => {
          const stored = { ...email, id: `fake-${nextId++}` };
          emails.push(stored);
          return { id: stored.id };
        });
      let text: string;
      if (path === "/emails/batch") {
        text = reply(200, { data: accept(JSON.parse(raw)) });
      } else if (path === "/emails") {
        const [sent] = accept([JSON.parse(raw)]);
        text = reply(200, sent);
      } else {
        return reply(404, { name: "not_found", message: "no such endpoint", statusCode: 404 });
      }
      if (key) answered.set(key, { body: raw, status: 200, response: text });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    calls,
    failNext: (failure) => failures.push(failure),
    busiestSecond: () => {
      let most = 0;
      for (const call of calls) {
        most = Math.max(most, calls.filter((c) => c.at >= call.at && c.at < call.at + 1000).length);
      }
      return most;
    },
    limitTo: (perSecond) => {
      limit = perSecond;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
