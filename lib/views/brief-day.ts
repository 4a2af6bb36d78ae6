import "server-only";
import { getProfile } from "@/db/queries/profiles";
import type { Reader } from "@/lib/session";
import { type BriefData, readBrief } from "@/lib/views/brief";

// A brief asked for by date, where no date means the reader's today: the local date in the time
// zone of their settings (UTC until they pick one), as the brief itself is dated.

/** The YYYY-MM-DD date of `now` in an IANA time zone (UTC for one this runtime does not know). */
export function localDateIn(timeZone: string, now: Date): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now);
  try {
    return format(timeZone);
  } catch {
    return format("UTC");
  }
}

export async function readBriefOfDay({
  reader,
  date,
  now = new Date(),
}: {
  reader: Reader;
  /** YYYY-MM-DD; none for the reader's today. */
  date?: string;
  now?: Date;
}): Promise<{ date: string; brief: BriefData | null }> {
  const day =
    date ?? localDateIn((await getProfile({ userId: reader.id }))?.timeZone ?? "UTC", now);
  return { date: day, brief: await readBrief({ userId: reader.id, date: day }) };
}
