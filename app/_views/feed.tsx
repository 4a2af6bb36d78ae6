import Link from "next/link";
import { CardActions } from "@/components/card-actions";
import { FeedKeys } from "@/components/feed-keys";
import { InsightCard } from "@/components/insight-card";
import { EmptyState, inputClass, Notice, PageTitle, quietButtonClass } from "@/components/ui";
import { readFlash } from "@/lib/flash";
import type { FeedData } from "@/lib/views/feed";
import type { SearchParams } from "@/lib/views/params";

/** The feed: a reader's own, or with `signedIn` false the public one. */
export function FeedView({
  feed,
  signedIn,
  params,
}: {
  feed: FeedData;
  signedIn: boolean;
  /** The page's query as given: a card's button comes back to it. */
  params: SearchParams;
}) {
  // Back from a card's button, the reader lands on the same page in the same order (keep=1).
  const here = `/feed?${new URLSearchParams({
    ...Object.fromEntries(
      Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string"),
    ),
    keep: "1",
  })}`;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <FeedTitle signedIn={signedIn} />
      <div className="mt-4">
        <Notice error={readFlash(params, "error")} />
      </div>
      <FeedFilters feed={feed} />
      {feed.filtered ? (
        <p className="mt-2 text-sm">
          <Link href="/feed" className="text-amber-800 underline dark:text-amber-400">
            Clear filters
          </Link>
        </p>
      ) : null}
      {feed.entries.length === 0 ? (
        <EmptyState>
          {feed.filtered
            ? "Nothing matches. Try another search or topic."
            : "No insights yet. Add shows and they will appear here after their next episodes are scanned."}
        </EmptyState>
      ) : (
        <div className="mt-6 space-y-4">
          {feed.entries.map((entry) => (
            <InsightCard key={entry.id} insight={entry} reason={entry.reason} alsoOn={entry.alsoOn}>
              <CardActions
                insightId={entry.id}
                saved={entry.saved}
                signedIn={signedIn}
                next={here}
              />
            </InsightCard>
          ))}
        </div>
      )}
      <FeedEnd feed={feed} />
      <FeedKeys />
    </main>
  );
}

function FeedTitle({ signedIn }: { signedIn: boolean }) {
  return (
    <PageTitle
      title={signedIn ? "Your feed" : "The best of this week"}
      lead={
        signedIn ? (
          "Insights from new episodes, picked for you. Keys: j / k to move, s to save."
        ) : (
          <>
            The strongest takeaways from new episodes.{" "}
            <Link
              href="/signin"
              className="font-medium text-amber-800 underline dark:text-amber-400"
            >
              Sign in
            </Link>{" "}
            for a feed and a daily email brief picked for you.
          </>
        )
      }
    />
  );
}

function FeedFilters({ feed }: { feed: FeedData }) {
  const { filter, topics, shows } = feed;
  return (
    <form
      method="get"
      action="/feed"
      className={`mt-4 grid gap-2 ${shows.length > 0 ? "sm:grid-cols-[1fr_auto_auto_auto]" : "sm:grid-cols-[1fr_auto_auto]"}`}
    >
      <label className="sr-only" htmlFor="feed-q">
        Search insights
      </label>
      <input
        id="feed-q"
        name="q"
        type="search"
        defaultValue={filter.q}
        placeholder="Search insights"
        className={inputClass}
      />
      <label className="sr-only" htmlFor="feed-topic">
        Topic
      </label>
      <select id="feed-topic" name="topic" defaultValue={filter.topic ?? ""} className={inputClass}>
        <option value="">All topics</option>
        {topics.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.label}
          </option>
        ))}
      </select>
      {shows.length > 0 ? (
        <>
          <label className="sr-only" htmlFor="feed-show">
            Show
          </label>
          <select
            id="feed-show"
            name="show"
            defaultValue={filter.podcastId ?? ""}
            className={inputClass}
          >
            <option value="">All shows</option>
            {shows.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="submit" className={quietButtonClass}>
        Filter
      </button>
    </form>
  );
}

/** The link to the next page, or the word that there is none. */
function FeedEnd({ feed }: { feed: FeedData }) {
  if (feed.nextHref) {
    return (
      <p className="mt-8 text-center">
        <Link href={feed.nextHref} className={quietButtonClass}>
          More insights
        </Link>
      </p>
    );
  }
  if (feed.entries.length === 0) return null;
  return (
    <p className="mt-8 text-center text-sm text-stone-600 dark:text-stone-300">
      You are all caught up.
    </p>
  );
}
