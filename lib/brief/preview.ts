import { dueReaders } from "@/db/queries/briefs";
import { briefCache, chooseBriefs, renderBriefEmail } from "@/lib/brief/compose";
import type { BriefRunSummary } from "@/lib/brief/run";

// A run's --dry-run: the briefs that would be made now, chosen and rendered, nothing stored.

export async function preview(
  now: Date,
  email: string | undefined,
  summary: BriefRunSummary,
): Promise<BriefRunSummary> {
  const cache = briefCache();
  for (const reader of await dueReaders({ now, email })) {
    summary.due++;
    const choice = (await chooseBriefs({ readers: [reader], now, cache })).get(reader.userId);
    if (!choice) continue;
    if (choice.kind === "quiet") {
      summary.skipped.push({ email: reader.email, reason: choice.reason });
      summary.preview.push({
        email: reader.email,
        localDate: reader.localDate,
        subject: null,
        reason: choice.reason,
      });
      continue;
    }
    const { userId, localDate, cadence } = reader;
    const rendered = await renderBriefEmail({
      userId,
      localDate,
      cadence,
      picks: choice.picks,
      now,
      cache,
    });
    summary.composed++;
    summary.preview.push({
      email: reader.email,
      localDate: reader.localDate,
      subject: rendered.subject,
      reason: null,
    });
  }
  return summary;
}
