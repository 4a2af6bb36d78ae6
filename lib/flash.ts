import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth-secret";

// A message a form hands to the page it redirects to (?error=…&sig=…). The page shows it only
// when the signature is ours, so a crafted link cannot put words on our pages.

function sign(message: string): string {
  return createHmac("sha256", authSecret())
    .update(`flash:${message}`)
    .digest("base64url")
    .slice(0, 22);
}

/** The path with the signed message added. */
export function withFlash(path: string, kind: "error" | "saved", message: string): string {
  const url = new URL(path, "http://podbrief.invalid");
  url.searchParams.set(kind, message);
  url.searchParams.set("sig", sign(`${kind}:${message}`));
  return `${url.pathname}${url.search}`;
}

/** The message of that kind in the page's query, if it carries our signature. */
export function readFlash(
  params: Record<string, string | string[] | undefined>,
  kind: "error" | "saved",
): string | null {
  const message = params[kind];
  const sig = params.sig;
  if (typeof message !== "string" || typeof sig !== "string") return null;
  const expected = Buffer.from(sign(`${kind}:${message}`));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? message : null;
}
