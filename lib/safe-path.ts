// Where a form or sign-in may send the reader next: a path on this site, never another origin
// ("//evil.com", "/\\evil.com" and "https://evil.com" all become the fallback).

export function safeLocalPath(raw: unknown, fallback: string): string {
  if (typeof raw !== "string" || !raw.startsWith("/")) return fallback;
  try {
    const url = new URL(raw, "http://podbrief.invalid");
    if (url.origin !== "http://podbrief.invalid") return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}
