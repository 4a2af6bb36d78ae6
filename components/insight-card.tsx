import Link from "next/link";
import type { InsightView } from "@/components/insight-view";
import { ListenLink } from "@/components/listen-link";
import { formatRelativeDay } from "@/lib/format";

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
    <article
      data-card
      tabIndex={-1}
      aria-labelledby={`card-${insight.id}`}
      className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-amber-600 dark:border-stone-800 dark:bg-stone-900"
    >
      {reason ? (
        <p className="mb-2 text-xs font-medium text-amber-800 dark:text-amber-300">{reason}</p>
      ) : null}
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">
        {insight.podcast.title}
        {insight.episode.publishedAt ? (
          <span className="font-normal normal-case">
            {" · "}
            {formatRelativeDay(insight.episode.publishedAt, now)}
          </span>
        ) : null}
      </p>
      <h2 id={`card-${insight.id}`} className="mt-1 text-lg font-semibold leading-snug">
        <Link href={`/insights/${insight.id}`} className="hover:underline">
          {insight.headline}
        </Link>
      </h2>
      <p className="mt-2 text-stone-700 dark:text-stone-300">{insight.body}</p>
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
    <figure className="mt-3 border-l-4 border-amber-400 pl-3">
      <blockquote className="italic text-stone-800 dark:text-stone-200">
        “{insight.quote}”
      </blockquote>
      {insight.speaker ? (
        <figcaption className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          {insight.speaker}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Footer({ insight }: { insight: InsightView }) {
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-stone-500 dark:text-stone-400">
      <span>{insight.episode.title}</span>
      <ListenLink episode={insight.episode} seconds={insight.quoteStartS} />
      <TopicList topics={insight.topics} />
    </div>
  );
}

export function TopicList({ topics }: { topics: InsightView["topics"] }) {
  if (topics.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Topics">
      {topics.map((topic) => (
        <li
          key={topic.slug}
          className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700 dark:bg-stone-800 dark:text-stone-300"
        >
          {topic.label}
        </li>
      ))}
    </ul>
  );
}
