import Link from "next/link";
import { cardForm } from "@/app/actions/reader";
import { CardActions } from "@/components/card-actions";
import { FeedKeys } from "@/components/feed-keys";
import { InsightCard } from "@/components/insight-card";
import { EmptyState, inputClass, Notice, PageTitle, quietButtonClass } from "@/components/ui";
import { saveStates } from "@/db/queries/library";
import { followedPodcastIds } from "@/db/queries/profiles";
import { feedPage } from "@/lib/feed";
import { readFlash } from "@/lib/flash";
import type { Reader } from "@/lib/session";
import { showChoices, topicChoices } from "@/lib/shared-lists";

type Params = Record<string, string | string[] | undefined>;

/** The feed: a reader's own, or with `reader` null the public one (which reads no session). */
export async function FeedView({
  reader,
  followedTopics,
  params,
}: {
  reader: Reader | null;
  followedTopics: string[];
  params: Params;
}) {
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const filter = { topic: one("topic"), podcastId: one("show"), q: one("q") };
  const [page, topics, allShows, followed] = await Promise.all([
    feedPage({
      userId: reader?.id ?? null,
      filter,
      cursor: one("cursor"),
      hold: one("keep") === "1",
      followedTopics,
    }),
    topicChoices(),
    showChoices(),
    reader ? followedPodcastIds({ userId: reader.id }) : [],
  ]);
  // The show filter lists the reader's own shows and the one chosen; any show's insights are a
  // link away on /podcasts. A select of the whole catalog was a third of the page (and most of
  // the cost of rendering a reader's feed).
  const wanted = new Set([...followed, filter.podcastId]);
  const shows = allShows.filter((s) => wanted.has(s.id));
  const saved = reader
    ? await saveStates({ userId: reader.id, insightIds: page.entries.map((e) => e.id) })
    : new Map();
  const filtered = Boolean(filter.topic || filter.podcastId || filter.q);
  // Back from a card's button, the reader lands on the same page in the same order (keep=1).
  const here = `/feed?${new URLSearchParams({
    ...Object.fromEntries(
      Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string"),
    ),
    keep: "1",
  })}`;
  const nextHref = page.nextCursor
    ? `/feed?${new URLSearchParams({
        ...Object.fromEntries(
          Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])),
        ),
        cursor: page.nextCursor,
      })}`
    : null;

  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle
        title={reader ? "Your feed" : "The best of this week"}
        lead={
          reader ? (
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
      <div className="mt-4">
        <Notice error={readFlash(params, "error")} />
      </div>
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
        <select
          id="feed-topic"
          name="topic"
          defaultValue={filter.topic ?? ""}
          className={inputClass}
        >
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
      {filtered ? (
        <p className="mt-2 text-sm">
          <Link href="/feed" className="text-amber-800 underline dark:text-amber-400">
            Clear filters
          </Link>
        </p>
      ) : null}
      {page.entries.length === 0 ? (
        <EmptyState>
          {filtered
            ? "Nothing matches. Try another search or topic."
            : "No insights yet. Add shows and they will appear here after their next episodes are scanned."}
        </EmptyState>
      ) : (
        <div className="mt-6 space-y-4">
          {page.entries.map((entry) => (
            <InsightCard key={entry.id} insight={entry} reason={entry.reason} alsoOn={entry.alsoOn}>
              <CardActions
                insightId={entry.id}
                saved={saved.has(entry.id)}
                signedIn={Boolean(reader)}
                next={here}
                action={cardForm}
              />
            </InsightCard>
          ))}
        </div>
      )}
      {nextHref ? (
        <p className="mt-8 text-center">
          <Link href={nextHref} className={quietButtonClass}>
            More insights
          </Link>
        </p>
      ) : page.entries.length > 0 ? (
        <p className="mt-8 text-center text-sm text-stone-600 dark:text-stone-300">
          You are all caught up.
        </p>
      ) : null}
      <FeedKeys />
    </main>
  );
}
