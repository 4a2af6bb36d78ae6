import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { briefs, events, profiles, webhookEvents } from "../schema";

// Mail provider webhooks, each applied once: the event's id goes into webhook_events in the same
// transaction as what it changes, so a redelivery (or a concurrent copy) changes nothing. Ids are
// kept for KEEP_DAYS, well past the day or so over which Resend retries an event, then pruned
// with their payloads.

const KEEP_DAYS = 30;

/** What one webhook event does to our data, decided by lib/brief/delivery-webhook.ts. */
export type WebhookEffect =
  /** Never email these addresses again (hard bounce, spam complaint). Lowercased. */
  | { kind: "suppress"; addresses: string[] }
  /** Record what happened to a sent brief, for the reader the brief went to. */
  | {
      kind: "brief-event";
      event: "delivered" | "opened" | "click";
      emailId: string;
      link: string | null;
      insightId: string | null;
    }
  /** Stop the daily brief of this reader (mail to the mailto unsubscribe address). */
  | { kind: "unsubscribe"; userId: string }
  | { kind: "none" };

export type WebhookEventInput = { type: string; payload: unknown; effect: WebhookEffect };

export async function applyWebhookEvent({
  id,
  event,
}: {
  id: string;
  event: WebhookEventInput;
}): Promise<"applied" | "duplicate"> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .insert(webhookEvents)
      .values({ id, type: event.type, payload: event.payload })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!seen) return "duplicate";
    await tx
      .delete(webhookEvents)
      .where(lt(webhookEvents.receivedAt, sql`now() - make_interval(days => ${KEEP_DAYS})`));
    const { effect } = event;
    if (effect.kind === "suppress" && effect.addresses.length > 0) {
      // A reader without a profile yet gets one, suppressed, so onboarding later cannot undo it.
      // An earlier suppression keeps its time.
      await tx.execute(sql`
        insert into profiles (user_id, suppressed_at)
        select u.id, now() from users u
        where lower(u.email) in (${sql.join(
          effect.addresses.map((address) => sql`${address}`),
          sql`, `,
        )})
        on conflict (user_id) do update
          set suppressed_at = coalesce(profiles.suppressed_at, excluded.suppressed_at)`);
    }
    if (effect.kind === "unsubscribe") {
      await tx
        .update(profiles)
        .set({ unsubscribedAt: sql`coalesce(${profiles.unsubscribedAt}, now())` })
        .where(eq(profiles.userId, effect.userId));
    }
    if (effect.kind === "brief-event") {
      const [brief] = await tx
        .select({ id: briefs.id, userId: briefs.userId })
        .from(briefs)
        .where(eq(briefs.providerId, effect.emailId))
        .limit(1);
      if (!brief) return "applied"; // not one of our briefs (a sign-in email, another app)
      await tx.insert(events).values({
        userId: brief.userId,
        // Only an insight that still exists: a deleted one must not fail the whole event.
        insightId:
          effect.insightId === null
            ? null
            : sql`(select id from insights where id = ${effect.insightId})`,
        kind: effect.event,
        meta: {
          briefId: brief.id,
          emailId: effect.emailId,
          ...(effect.link === null ? {} : { link: effect.link }),
        },
      });
    }
    return "applied";
  });
}
