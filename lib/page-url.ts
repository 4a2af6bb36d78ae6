import { env } from "@/lib/env";

// Podbrief's public address (APP_URL) and a path: links that leave the site (shared, unfurled,
// in a feed reader) must be absolute.

export function pageUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}
