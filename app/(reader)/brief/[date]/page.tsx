import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireReader } from "@/app/(reader)/require-reader";
import { CardActions } from "@/components/card-actions";
import { InsightCard } from "@/components/insight-card";
import { EmptyState, PageTitle, TextLink } from "@/components/ui";
import { weekLabel } from "@/lib/brief/cadence";
import { dateLabel } from "@/lib/brief/schedule";
import { verifyBriefToken } from "@/lib/brief/tokens";
import { currentReader } from "@/lib/session";
import { readBrief } from "@/lib/views/brief";
import type { SearchParams } from "@/lib/views/params";

export const metadata: Metadata = { title: "Your brief" };

type Props = {
  params: Promise<{ date: string }>;
  searchParams: Promise<SearchParams>;
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
  const brief = await readBrief({ userId, date });
  if (!brief) notFound();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle
        title={
          brief.weekly
            ? `Your weekly brief, ${weekLabel(date)}`
            : `Your brief for ${dateLabel(date)}`
        }
        lead={brief.subject ?? undefined}
      />
      {brief.status === "skipped" ? (
        <EmptyState>
          No brief that day: {brief.reason}. <TextLink href="/feed">Read your feed</TextLink>.
        </EmptyState>
      ) : (
        <div className="mt-6 space-y-4">
          {brief.items.map(({ card, reason, saved }) => (
            <InsightCard key={card.id} insight={card} reason={reason}>
              <CardActions
                insightId={card.id}
                saved={saved}
                signedIn={signedIn}
                next={`/brief/${date}`}
                feedback
              />
            </InsightCard>
          ))}
        </div>
      )}
    </main>
  );
}
