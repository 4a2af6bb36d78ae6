// bench:brief's last part: each step of composing timed alone on a sample of readers, to show
// where the time goes.
import { sql } from "drizzle-orm";
import { HISTORY } from "./brief-history";

const SIGNATURES_PER_BRIEF = 16; // 3 links for each of 5 items, and unsubscribe

/**
 * The steps of composing, each timed alone on groups of readers as a run claims them (after the
 * run, so their briefs count as seen): per reader, and for all of them at the rate measured.
 */
export async function profileSteps({
  now,
  since,
  due,
  sample: size,
}: {
  now: Date;
  since: Date;
  due: number;
  sample: number;
}): Promise<void> {
  const { getDb, rowsOf } = await import("@/db/client");
  const { briefCandidates, insightFeatures } = await import("@/db/queries/brief-candidates");
  const { resurfaceCandidates } = await import("@/db/queries/brief-history");
  const { insightCardsByIds } = await import("@/db/queries/insights");
  const { QUALITY_BAR } = await import("@/lib/insights/quality");
  const { BRIEF_POOL } = await import("@/lib/rank/pool");
  const { briefCache, chooseBriefs, renderBriefEmail } = await import("@/lib/brief/compose");
  const { signBriefToken } = await import("@/lib/brief/tokens");
  const db = await getDb();
  const sample = rowsOf<{ user_id: string; local_date: string; followed_topics: string[] }>(
    await db.execute(sql`select b.user_id, to_char(b.local_date, 'YYYY-MM-DD') as local_date,
        p.followed_topics
      from briefs b join profiles p using (user_id)
      where b.status = 'sent' and b.batch_id is distinct from ${HISTORY}
      order by random() limit ${size}`),
  );
  const steps = new Map<string, number>();
  const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    const value = await run();
    steps.set(label, (steps.get(label) ?? 0) + performance.now() - t);
    return value;
  };
  const GROUP = 100; // lib/brief/run's BATCH_SIZE
  for (let start = 0; start < sample.length; start += GROUP) {
    const readers = sample.slice(start, start + GROUP).map((r) => ({
      userId: r.user_id,
      followedTopics: r.followed_topics ?? [],
      localDate: r.local_date,
    }));
    const signals = await time("  briefCandidates", () =>
      briefCandidates({ readers, since, asOf: now, minQuality: QUALITY_BAR, pool: BRIEF_POOL }),
    );
    const ids = [...new Set([...signals.values()].flatMap((l) => l.map((s) => s.id)))];
    await time("  insightFeatures (nothing cached)", () => insightFeatures({ ids }));
    await time("  resurfaceCandidates", () => resurfaceCandidates({ readers, now }));
    const cache = briefCache();
    const choices = await time("chooseBriefs (all of it)", () =>
      chooseBriefs({ readers, now, cache }),
    );
    const picked = [...choices.values()].flatMap((c) =>
      c.kind === "brief" ? c.picks.map((p) => p.insightId) : [],
    );
    await time("  insightCardsByIds", () => insightCardsByIds({ ids: picked }));
    for (const reader of readers) {
      const choice = choices.get(reader.userId);
      if (choice?.kind !== "brief") continue;
      await time(`  signBriefToken ×${SIGNATURES_PER_BRIEF}`, () => {
        const expiresAt = new Date(now.getTime() + 86_400_000);
        for (let i = 0; i < SIGNATURES_PER_BRIEF; i++) {
          signBriefToken({ userId: reader.userId, action: "save", insightId: null, expiresAt });
        }
      });
      await time("renderBriefEmail (all of it)", () =>
        renderBriefEmail({ ...reader, picks: choice.picks, now, cache }),
      );
    }
  }
  console.info(`\nsteps of composing, ${sample.length} readers in groups of ${GROUP} (ms)`);
  console.info(`${"".padEnd(36)}${"a reader".padStart(10)}   × ${due}`);
  for (const [label, total] of steps) {
    const each = total / Math.max(1, sample.length);
    console.info(
      `${label.padEnd(36)}${each.toFixed(2).padStart(10)}   ${((each * due) / 1000).toFixed(1)} s`,
    );
  }
}
