import "server-only";
import { cookies } from "next/headers";
import { isLiveTokenOf } from "@/lib/api-tokens";
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

/**
 * The secret of the token this reader just made, while its cookie lasts: only if it is still a
 * live token of theirs (another account signing in on the same browser does not see it).
 */
export async function newTokenSecret({ userId }: { userId: string }): Promise<string | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  if (!value?.startsWith("pb_")) return null;
  return (await isLiveTokenOf({ userId, secret: value })) ? value : null;
}
