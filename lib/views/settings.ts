import "server-only";
import { z } from "zod";
import { getProfile, listShowChoices } from "@/db/queries/profiles";
import { listTopics } from "@/db/queries/topics";
import { type ApiTokenSummary, listApiTokens } from "@/lib/api-tokens";
import type { Reader } from "@/lib/session";
import { text } from "@/lib/views/params";

// What the onboarding page and /settings both show (components/reader-settings): the reader's
// profile, the topics, the shows matching the search `q`, and the form's starting values.

export const SHOW_QUEUED_NOTICE =
  "Show added and followed. It is queued: its insights appear after its next scan.";

export const settingsParams = z.object({ q: text });
export type SettingsParams = z.output<typeof settingsParams>;

export async function readSettings({
  reader,
  path,
  params,
}: {
  reader: Reader;
  /** The page's own path, where the show search and follow buttons come back to. */
  path: string;
  params: SettingsParams;
}) {
  const { q } = params;
  const [profile, topics, shows] = await Promise.all([
    getProfile({ userId: reader.id }),
    listTopics(),
    listShowChoices({ userId: reader.id, q }),
  ]);
  return {
    profile,
    topics,
    shows,
    q,
    here: q ? `${path}?${new URLSearchParams({ q })}` : path,
    settings: {
      followedTopics: profile?.followedTopics ?? [],
      interests: profile?.interests ?? "",
      timeZone: profile?.timeZone ?? "UTC",
      briefHour: profile?.briefHour ?? 7,
      briefCadence: profile?.briefCadence ?? "daily",
      briefWeekday: profile?.briefWeekday ?? 1,
      // An unsubscribed reader sees the brief off until they turn it on again.
      briefEnabled: (profile?.briefEnabled ?? true) && !profile?.unsubscribedAt,
    },
  };
}

export type SettingsData = Awaited<ReturnType<typeof readSettings>>;

/** The reader's API tokens for /settings: names and times, never a secret. */
export async function readApiTokens({ reader }: { reader: Reader }): Promise<ApiTokenSummary[]> {
  return listApiTokens({ userId: reader.id });
}
