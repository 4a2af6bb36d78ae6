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
import { verifyBriefToken } from "@/lib/brief/tokens";
import { currentReader, requireReader } from "@/lib/session";

export const metadata: Metadata = { title: "Your brief" };

type Props = {
  params: Promise<{ date: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The web view of one day's brief: the same insights as the email, in the same order. The
// email's link carries a signed token for this brief, so it opens from a mail app without a
// sign-in; without one, the reader signs in.
export default async function BriefPage({ params, searchParams }: Props) {
  const { date } = await params;
  const token = verifyBriefToken((await searchParams).t);
  const viaEmail = token?.action === "view" && token.insightId === date ? token : null;
  const session = await currentReader();
  const userId = session?.id ?? viaEmail?.userId ?? (await requireReader(`/brief/${date}`)).id;
  const signedIn = session !== null && session.id === userId;
  const brief = await briefForDate({ userId, localDate: date });
  if (!brief) notFound();
  const ids = brief.items.map((item) => item.insightId);
  const [cards, saved] = await Promise.all([
    insightCardsByIds({ ids }),
    saveStates({ userId, insightIds: ids }),
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
                signedIn={signedIn}
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
