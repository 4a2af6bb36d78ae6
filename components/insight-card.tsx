import Link from "next/link";
import type { InsightView } from "@/components/insight-view";
import { PlayMoment } from "@/components/player/play-moment";
import { ShareButton } from "@/components/share-button";
import { formatRelativeDay } from "@/lib/format";
import { soundbiteEnd } from "@/lib/listen";
import { pageUrl } from "@/lib/page-url";

/** One insight as a card in a list: headline, takeaway, the quote it rests on, and where it was said. */
export function InsightCard({
  insight,
  now,
  reason,
  alsoOn = [],
  children,
}: {
  insight: InsightView;
  now?: Date;
  /** Why this card is in the reader's feed, in one line. */
  reason?: string | null;
  /** Other shows where the same point was made. */
  alsoOn?: string[];
  /** Actions and editors under the card. */
  children?: React.ReactNode;
}) {
  return (
    <article data-card tabIndex={-1} aria-labelledby={`card-${insight.id}`} className="card">
      {reason ? <p className="card-reason">{reason}</p> : null}
      <p className="card-source">
        <Link href={`/shows/${insight.podcast.id}`} className="underline underline-offset-2">
          {insight.podcast.title}
        </Link>
        {insight.episode.publishedAt ? (
          <span className="font-normal normal-case">
            {" · "}
            {formatRelativeDay(insight.episode.publishedAt, now)}
          </span>
        ) : null}
      </p>
      <h2 id={`card-${insight.id}`} className="card-title">
        <Link href={`/insights/${insight.id}`} className="hover:underline">
          {insight.headline}
        </Link>
      </h2>
      <p className="card-body">{insight.body}</p>
      <Quote insight={insight} />
      <Footer insight={insight} />
      {alsoOn.length > 0 ? (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">
          Also said on {alsoOn.join(", ")}
        </p>
      ) : null}
      {children}
    </article>
  );
}

export function Quote({ insight }: { insight: InsightView }) {
  return (
    <figure className="card-quote">
      <blockquote>“{insight.quote}”</blockquote>
      {insight.speaker ? <figcaption>{insight.speaker}</figcaption> : null}
    </figure>
  );
}

function Footer({ insight }: { insight: InsightView }) {
  return (
    <div className="card-meta">
      <Link href={`/episodes/${insight.episode.id}`} className="underline underline-offset-2">
        {insight.episode.title}
      </Link>
      <MomentLink insight={insight} />
      <TopicList topics={insight.topics} />
      <ShareInsight insight={insight} />
    </div>
  );
}

/** "Play the moment": from the quote's second, to the end of the feed's soundbite around it. */
export function MomentLink({ insight }: { insight: InsightView }) {
  return (
    <PlayMoment
      episode={{ ...insight.episode, podcastTitle: insight.podcast.title }}
      seconds={insight.quoteStartS}
      end={soundbiteEnd(insight.episode.soundbites, insight.quoteStartS)}
    />
  );
}

/** The share button with the insight's absolute address (APP_URL). */
export function ShareInsight({ insight }: { insight: Pick<InsightView, "id" | "headline"> }) {
  return (
    <ShareButton
      url={pageUrl(`/insights/${insight.id}`)}
      title={insight.headline}
      text={`${insight.headline} · Podbrief`}
    />
  );
}

export function TopicList({ topics }: { topics: InsightView["topics"] }) {
  if (topics.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic.slug} className="chip">
          <Link href={`/topics/${topic.slug}`} className="hover:underline">
            {topic.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
