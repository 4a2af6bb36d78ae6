import type { Metadata } from "next";
import Link from "next/link";
import { followTopicForm } from "@/app/actions/reader";
import { CardActions } from "@/components/card-actions";
import { InsightCard } from "@/components/insight-card";
import { buttonClass, EmptyState, Notice, PageTitle, quietButtonClass } from "@/components/ui";
import { pageUrl } from "@/lib/page-url";
import { TOPIC_WINDOW_DAYS, type TopicData, type TopicHead } from "@/lib/views/topic";

/** A topic's page: a reader's (with follow and save), or with `signedIn` false the public one. */
export function TopicView({
  data,
  signedIn,
  error,
}: {
  data: TopicData;
  signedIn: boolean;
  error?: string | null;
}) {
  const here = data.page > 1 ? `${data.path}?page=${data.page}` : data.path;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm font-medium uppercase tracking-wide text-stone-600 dark:text-stone-300">
        Topic
      </p>
      <PageTitle
        title={data.topic.label}
        lead={`The best insights on ${data.topic.label} from the last ${TOPIC_WINDOW_DAYS} days.`}
      />
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <FollowTopic data={data} signedIn={signedIn} />
        <a href={data.feedUrl} className={quietButtonClass}>
          RSS feed
        </a>
      </div>
      <div className="mt-4">
        <Notice error={error} />
      </div>
      {data.insights.length === 0 ? (
        <EmptyState>
          No insights on {data.topic.label} in the last {TOPIC_WINDOW_DAYS} days.{" "}
          {data.page > 1 ? <Link href={data.path}>Back to the first page</Link> : null}
        </EmptyState>
      ) : (
        <div className="mt-6 space-y-4">
          {data.insights.map((insight) => (
            <InsightCard key={insight.id} insight={insight}>
              <CardActions
                insightId={insight.id}
                saved={data.savedIds.includes(insight.id)}
                signedIn={signedIn}
                next={here}
                feedback={false}
              />
            </InsightCard>
          ))}
        </div>
      )}
      <Pages data={data} />
    </main>
  );
}

function FollowTopic({ data, signedIn }: { data: TopicData; signedIn: boolean }) {
  if (!signedIn) {
    return (
      <Link
        href={`/signin?${new URLSearchParams({ callbackUrl: data.path })}`}
        className={buttonClass}
      >
        Sign in to follow {data.topic.label}
      </Link>
    );
  }
  return (
    <form action={followTopicForm}>
      <input type="hidden" name="slug" value={data.topic.slug} />
      <input type="hidden" name="follow" value={data.following ? "" : "on"} />
      <input type="hidden" name="next" value={data.path} />
      <button type="submit" aria-pressed={Boolean(data.following)} className={buttonClass}>
        {data.following ? `Following ${data.topic.label} ✓` : `Follow ${data.topic.label}`}
      </button>
    </form>
  );
}

function Pages({ data }: { data: TopicData }) {
  if (!data.prevHref && !data.nextHref) return null;
  return (
    <nav aria-label="Pages" className="mt-8 flex justify-between gap-2">
      {data.prevHref ? (
        <Link href={data.prevHref} className={quietButtonClass}>
          ← Better insights
        </Link>
      ) : (
        <span />
      )}
      {data.nextHref ? (
        <Link href={data.nextHref} className={quietButtonClass}>
          More insights →
        </Link>
      ) : null}
    </nav>
  );
}

/** The title, feed link and unfurl of a topic's page, reader's or public. */
export function topicMetadata(data: TopicHead | null): Metadata {
  if (!data) return { title: "Topic not found" };
  const title = `${data.topic.label}: the best podcast insights`;
  const description = `The best insights on ${data.topic.label} from podcasts, the last ${TOPIC_WINDOW_DAYS} days.`;
  return {
    title,
    description,
    alternates: {
      canonical: pageUrl(data.path),
      types: {
        "application/rss+xml": [{ url: data.feedUrl, title: `${data.topic.label} · Podbrief` }],
      },
    },
    openGraph: {
      type: "website",
      url: pageUrl(data.path),
      siteName: "Podbrief",
      title,
      description,
    },
  };
}
