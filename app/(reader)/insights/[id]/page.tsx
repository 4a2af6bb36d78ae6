import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Quote, TopicList } from "@/components/insight-card";
import { getInsight, relatedInsights } from "@/db/queries/insights";
import { formatTimestamp } from "@/lib/format";
import { similarityThresholds } from "@/lib/insights/similarity";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const insight = await getInsight({ id: (await params).id });
  if (!insight) return { title: "Insight not found" };
  return { title: insight.headline, description: insight.body };
}

export default async function InsightPage({ params }: Props) {
  const insight = await getInsight({ id: (await params).id });
  if (!insight) notFound();
  const related = await relatedInsights({
    insightId: insight.id,
    limit: 6,
    floor: similarityThresholds().related,
  });
  const listenUrl = insight.episode.audioUrl ?? insight.episode.link;
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <Link href="/feed" className="text-sm text-stone-500 hover:underline dark:text-stone-400">
        ← Back to the feed
      </Link>
      <article className="mt-4">
        <p className="text-sm font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">
          {insight.podcast.title}
        </p>
        <h1 className="mt-1 text-3xl font-bold leading-tight">{insight.headline}</h1>
        <p className="mt-4 text-lg text-stone-700 dark:text-stone-300">{insight.body}</p>
        <Quote insight={insight} />
        <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-stone-500 dark:text-stone-400">Episode</dt>
          <dd>{insight.episode.title}</dd>
          {insight.quoteStartS !== null ? (
            <>
              <dt className="text-stone-500 dark:text-stone-400">Moment</dt>
              <dd>
                {listenUrl ? (
                  <a
                    href={`${listenUrl}#t=${Math.floor(insight.quoteStartS)}`}
                    className="font-medium text-amber-700 underline dark:text-amber-400"
                    rel="noopener nofollow"
                  >
                    Listen at {formatTimestamp(insight.quoteStartS)}
                  </a>
                ) : (
                  formatTimestamp(insight.quoteStartS)
                )}
              </dd>
            </>
          ) : null}
          <dt className="text-stone-500 dark:text-stone-400">Topics</dt>
          <dd>
            <TopicList topics={insight.topics} />
          </dd>
        </dl>
      </article>
      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="mt-10">
          <h2 id="related-heading" className="text-lg font-semibold">
            Related insights from other episodes
          </h2>
          <ul className="mt-3 space-y-2">
            {related.map((other) => (
              <li
                key={other.id}
                className="rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900"
              >
                <Link href={`/insights/${other.id}`} className="font-medium hover:underline">
                  {other.headline}
                </Link>
                <p className="text-sm text-stone-500 dark:text-stone-400">
                  {other.podcastTitle} · {other.episodeTitle}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
