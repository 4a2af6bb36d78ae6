import Link from "next/link";
import { MomentLink, Quote, ShareInsight, TopicList } from "@/components/insight-card";
import { SaveControls } from "@/components/save-controls";
import { Notice } from "@/components/ui";
import type { InsightData } from "@/lib/views/insight";

/** An insight's page: a reader's (with their save, tags and note), or with `signedIn` false the
 * public one. */
export function InsightView({
  data,
  signedIn,
  error,
}: {
  data: InsightData;
  signedIn: boolean;
  error?: string | null;
}) {
  const { insight, save } = data;
  const here = `/insights/${insight.id}`;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <Link href="/feed" className="text-sm text-stone-500 hover:underline dark:text-stone-400">
        ← Back to the feed
      </Link>
      <article className="mt-4">
        <InsightDetails insight={insight} />
        <div className="mt-4">
          <Notice error={error} />
        </div>
        <SaveControls
          insightId={insight.id}
          save={save}
          allTags={data.allTags}
          signedIn={signedIn}
          next={here}
        />
      </article>
      <RelatedInsights related={data.related} />
    </main>
  );
}

function InsightDetails({ insight }: { insight: InsightData["insight"] }) {
  return (
    <>
      <p className="text-sm font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">
        <Link href={`/shows/${insight.podcast.id}`} className="hover:underline">
          {insight.podcast.title}
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold leading-tight">{insight.headline}</h1>
      <p className="mt-4 text-lg text-stone-700 dark:text-stone-300">{insight.body}</p>
      <Quote insight={insight} />
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-stone-500 dark:text-stone-400">Episode</dt>
        <dd>
          <Link
            href={`/episodes/${insight.episode.id}`}
            className="text-amber-800 underline dark:text-amber-400"
          >
            {insight.episode.title}
          </Link>
        </dd>
        {insight.quoteStartS !== null ? (
          <>
            <dt className="text-stone-500 dark:text-stone-400">Moment</dt>
            <dd>
              <MomentLink insight={insight} />
            </dd>
          </>
        ) : null}
        <dt className="text-stone-500 dark:text-stone-400">Topics</dt>
        <dd>
          <TopicList topics={insight.topics} />
        </dd>
      </dl>
      <p className="mt-4">
        <ShareInsight insight={insight} />
      </p>
    </>
  );
}

function RelatedInsights({ related }: { related: InsightData["related"] }) {
  if (related.length === 0) return null;
  return (
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
  );
}
