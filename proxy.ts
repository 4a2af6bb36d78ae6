import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";

// A strict Content-Security-Policy on every page rendered per request: scripts only from us with
// this request's nonce (Next.js puts the nonce on its own scripts), no framing, forms post only to
// us (and GitHub when its sign-in is on). Styles allow inline attributes: Radix positions popovers
// with them. The public pages served from the cache get the same policy without a nonce (below).

// Paths whose responses carry no page policy of their own here: API routes, downloads, feeds and
// the outbox's framed email HTML (which sets its own), a topic's feed and an insight's card image.
const NO_PAGE_POLICY =
  /^\/(?:api\/|rss\/|saved\/export\/|dev\/outbox\/[^/]+\/html|topics\/[^/]+\/feed\.xml$|insights\/[^/]+\/opengraph-image)/;

export function proxy(request: NextRequest) {
  // An address that is not valid UTF-8 once decoded ("%ED%A0%80", a lone surrogate) cannot name
  // anything here; Next would fail decoding it as a route parameter with a 500.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid UTF-8.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (NO_PAGE_POLICY.test(request.nextUrl.pathname)) return NextResponse.next();
  const cached = publicVersion(request);
  if (cached) return servedFromCache(request, cached);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = env.NODE_ENV === "development";
  const policy = pagePolicy(
    `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
  );
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // app/public is reached only by the rewrite above, never by its own address: not found.
  const response = /^\/public(?:\/|$)/.test(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL("/_not-a-page", request.url), {
        request: { headers: requestHeaders },
      })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-frame-options", "DENY");
  return response;
}

function pagePolicy(scripts: string): string {
  const dev = env.NODE_ENV === "development";
  const formTargets = env.AUTH_GITHUB_ID ? "'self' https://github.com" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data: blob:",
    "font-src 'self'",
    mediaSources(),
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

// The player (components/player) plays each episode's enclosure from the publisher's host. An
// enclosure address redirects through analytics prefixes (podtrac, chartable, …) to whichever CDN
// the host uses this month, so no list of hosts can hold them: any https origin may serve media,
// and only media. Plain http only on this machine, for a feed server on 127.0.0.1 that the
// private-network setting already lets ingest read (tests, local development).
function mediaSources(): string {
  const local = env.INGEST_ALLOW_PRIVATE_NETWORK ? " http://127.0.0.1:* http://localhost:*" : "";
  return `media-src 'self' https:${local}`;
}

// Session cookies Auth.js sets (the second over HTTPS). Their presence only says "maybe signed
// in": the page itself checks the session, and shows the signed-out view if it has ended.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PAGE =
  /^\/(insights|shows|episodes)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const TOPIC = /^\/topics\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The cached public page that answers this request, when the visitor is signed out and asks
 * for the landing page, the first page of the feed, an insight, a show, an episode or a topic,
 * with no query. */
export function publicVersion(request: NextRequest): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (request.nextUrl.search) return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  const path = request.nextUrl.pathname;
  if (path === "/") return "/public/landing";
  if (path === "/feed") return "/public/feed";
  const page = PUBLIC_PAGE.exec(path);
  if (page) return `/public/${page[1]}/${page[2]}`;
  const topic = TOPIC.exec(path);
  return topic ? `/public/topics/${topic[1]}` : null;
}

// A page rendered once for everyone cannot carry a per-request nonce, so its scripts are allowed
// as the same origin's and inline (Next's own bootstrap). It shows nothing a visitor sent: no
// query, no cookie, no form value is in it, and React escapes everything it renders.
function servedFromCache(request: NextRequest, path: string): NextResponse {
  const dev = env.NODE_ENV === "development";
  const policy = pagePolicy(`'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`);
  const response = NextResponse.rewrite(new URL(path, request.url));
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-frame-options", "DENY");
  // The same address is a reader's own page when they are signed in: shared caches must not mix them.
  response.headers.set("vary", "Cookie");
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but static files: every address is checked, pages get the policy.
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
