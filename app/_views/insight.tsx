import Link from "next/link";
import { cardForm, libraryForm } from "@/app/actions/reader";
import { CardActions } from "@/components/card-actions";
import { Quote, TopicList } from "@/components/insight-card";
import { ListenLink } from "@/components/listen-link";
import { TagEditor } from "@/components/tag-editor";
import { Notice } from "@/components/ui";
import { type InsightCard, relatedInsights } from "@/db/queries/insights";
import { saveStates } from "@/db/queries/library";
import { listTags } from "@/db/queries/tags";
import { similarityThresholds } from "@/lib/insights/similarity";
import type { Reader } from "@/lib/session";

/** An insight's page: a reader's (with their save, tags and note), or with `reader` null the
 * public one, which reads no session. */
export async function InsightView({
  insight,
  reader,
  error,
}: {
  insight: InsightCard;
  reader: Reader | null;
  error?: string | null;
}) {
  const state = reader
    ? (await saveStates({ userId: reader.id, insightIds: [insight.id] })).get(insight.id)
    : undefined;
  const allTags = reader ? (await listTags({ userId: reader.id })).map((t) => t.name) : [];
  const here = `/insights/${insight.id}`;
  const related = await relatedInsights({
    insightId: insight.id,
    limit: 6,
    floor: similarityThresholds().listed,
  });
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
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
                <ListenLink episode={insight.episode} seconds={insight.quoteStartS} />
              </dd>
            </>
          ) : null}
          <dt className="text-stone-500 dark:text-stone-400">Topics</dt>
          <dd>
            <TopicList topics={insight.topics} />
          </dd>
        </dl>
        <div className="mt-4">
          <Notice error={error} />
        </div>
        <CardActions
          insightId={insight.id}
          saved={Boolean(state)}
          signedIn={Boolean(reader)}
          next={here}
          action={cardForm}
          feedback={false}
        />
        {state ? (
          <TagEditor
            saveId={state.saveId}
            tags={state.tags}
            allTags={allTags}
            note={state.note}
            next={here}
            action={libraryForm}
          />
        ) : null}
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
