import "server-only";
import { userIdByFeedToken } from "@/db/queries/profiles";
import { savedFeed } from "@/lib/export/library";

// A reader's saved insights as RSS, at the secret address on /saved; null for an unknown one.

export async function readSavedFeed(token: string): Promise<string | null> {
  const userId = await userIdByFeedToken({ token });
  return userId ? savedFeed({ userId, token }) : null;
}
