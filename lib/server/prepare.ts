import { dbKind, getDb } from "@/db/client";
import { appliedMigrations } from "@/db/queries/health";
import { upsertTopics } from "@/db/queries/topics";
import { authSecret } from "@/lib/auth-secret";
import { ensureDemoContent } from "@/lib/demo/load";
import { env } from "@/lib/env";
import { reembedIfStale } from "@/lib/insights/reembed";
import { TOPICS } from "@/lib/insights/topics";
import { mailWarning } from "@/lib/mail/transport";
import { startEmbeddedScheduler } from "@/lib/scheduler";

// What the server does once before it serves: open the database (settings are checked when
// lib/env is first imported), give an empty embedded database the demo catalog, and with the
// embedded database run the cron routes' work on a timer (nothing else may open it).

export async function prepareServer(): Promise<void> {
  authSecret(); // in production a missing AUTH_SECRET stops start-up here, with its one line
  const noMail = mailWarning();
  if (noMail) console.error(noMail);
  await getDb();
  if (dbKind() === "postgres" && (await appliedMigrations()) === 0) {
    console.warn(
      "podbrief: the PostgreSQL database has no migrations applied: run npm run db:migrate",
    );
    return;
  }
  // Onboarding offers the topic vocabulary before any episode has been summarized.
  await upsertTopics({ vocabulary: TOPICS });
  // In the background: a large catalog takes a while, and pages work meanwhile on the old vectors.
  void reembedIfStale().then(
    ({ insights, readers }) => {
      if (insights > 0) {
        console.info(
          `podbrief: embedded ${insights} insights and ${readers} readers' interests again (the offline embedding changed)`,
        );
      }
    },
    (error: unknown) =>
      console.error("podbrief: embedding again failed; it is tried at the next start", error),
  );
  if (dbKind() === "pglite" && env.DEMO_CONTENT) {
    const loaded = await ensureDemoContent();
    if (loaded) {
      console.info(
        `podbrief: loaded the demo catalog (${loaded.podcasts} shows, ${loaded.episodes} episodes, ${loaded.insights} insights)`,
      );
    }
  }
  if (dbKind() === "pglite") startEmbeddedScheduler();
}
