import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";

// A strict Content-Security-Policy on every page: scripts only from us with this request's nonce
// (Next.js puts the nonce on its own scripts), no framing, forms post only to us (and GitHub when
// its sign-in is on). Styles allow inline attributes: Radix positions popovers with them.

// Paths whose responses carry no page policy of their own here: API routes, downloads, feeds and
// the outbox's framed email HTML (which sets its own).
const NO_PAGE_POLICY = /^\/(?:api\/|rss\/|saved\/export\/|dev\/outbox\/[^/]+\/html)/;

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
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = env.NODE_ENV === "development";
  const formTargets = env.AUTH_GITHUB_ID ? "'self' https://github.com" : "'self'";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets}`,
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-frame-options", "DENY");
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
