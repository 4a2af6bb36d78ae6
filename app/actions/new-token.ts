import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

// A new API token's secret, from the form that made it to the /settings page that shows it: in
// an HttpOnly cookie that only /settings receives and that expires after a minute. The secret is
// never stored on our side (only its hash is) and never put in a URL, where history and logs
// would keep it.

const COOKIE = "pb-new-token";
const SECONDS = 60;

export async function rememberNewToken({ secret }: { secret: string }): Promise<void> {
  (await cookies()).set(COOKIE, secret, {
    httpOnly: true,
    sameSite: "strict",
    secure: env.APP_URL.startsWith("https:"),
    path: "/settings",
    maxAge: SECONDS,
  });
}

/** Forgets the secret at once (a revoke: the page no longer shows a token that is gone). */
export async function forgetNewToken(): Promise<void> {
  (await cookies()).delete({ name: COOKIE, path: "/settings" });
}

/** The secret of the token just made, while its cookie lasts. */
export async function newTokenSecret(): Promise<string | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  return value?.startsWith("pb_") ? value : null;
}
