import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cardForm } from "@/app/actions/reader";
import { CardActions } from "@/components/card-actions";
import { InsightCard } from "@/components/insight-card";
import { EmptyState, PageTitle, TextLink } from "@/components/ui";
import { briefForDate } from "@/db/queries/brief-history";
import { insightCardsByIds } from "@/db/queries/insights";
import { saveStates } from "@/db/queries/library";
import { dateLabel } from "@/lib/brief/schedule";
import { requireReader } from "@/lib/session";

export const metadata: Metadata = { title: "Your brief" };

type Props = { params: Promise<{ date: string }> };

// The web view of one day's brief: the same insights as the email, in the same order.
export default async function BriefPage({ params }: Props) {
  const { date } = await params;
  const reader = await requireReader(`/brief/${date}`);
  const brief = await briefForDate({ userId: reader.id, localDate: date });
  if (!brief) notFound();
  const ids = brief.items.map((item) => item.insightId);
  const [cards, saved] = await Promise.all([
    insightCardsByIds({ ids }),
    saveStates({ userId: reader.id, insightIds: ids }),
  ]);
  const reasons = new Map(brief.items.map((item) => [item.insightId, item.reason]));
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle title={`Your brief for ${dateLabel(date)}`} lead={brief.subject ?? undefined} />
      {brief.status === "skipped" ? (
        <EmptyState>
          No brief that day: {brief.reason}. <TextLink href="/feed">Read your feed</TextLink>.
        </EmptyState>
      ) : (
        <div className="mt-6 space-y-4">
          {cards.map((card) => (
            <InsightCard key={card.id} insight={card} reason={reasons.get(card.id)}>
              <CardActions
                insightId={card.id}
                saved={saved.has(card.id)}
                signedIn
                next={`/brief/${date}`}
                action={cardForm}
                feedback
              />
            </InsightCard>
          ))}
        </div>
      )}
    </main>
  );
}
