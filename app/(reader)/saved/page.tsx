import type { Metadata } from "next";
import Link from "next/link";
import { cardForm, libraryForm, resetFeedTokenForm } from "@/app/actions/reader";
import { CardActions } from "@/components/card-actions";
import { FeedKeys } from "@/components/feed-keys";
import { InsightCard } from "@/components/insight-card";
import { TagEditor } from "@/components/tag-editor";
import { EmptyState, inputClass, Notice, PageTitle, quietButtonClass } from "@/components/ui";
import { insightCardsByIds } from "@/db/queries/insights";
import { saveStates } from "@/db/queries/library";
import { listLibrary } from "@/db/queries/library-list";
import { feedToken } from "@/db/queries/profiles";
import { listTags } from "@/db/queries/tags";
import { env } from "@/lib/env";
import { readFlash } from "@/lib/flash";
import { requireReader } from "@/lib/session";

export const metadata: Metadata = { title: "Saved" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE = 30;

export default async function SavedPage({ searchParams }: Props) {
  const reader = await requireReader("/saved");
  const params = await searchParams;
  const list = (key: string) => [params[key] ?? []].flat().filter(Boolean);
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const selected = list("tag");
  const q = one("q") ?? "";
  const after = one("after");
  const [entries, tags, token] = await Promise.all([
    listLibrary({ userId: reader.id, tags: selected, q, limit: PAGE + 1, after }),
    listTags({ userId: reader.id }),
    feedToken({ userId: reader.id }),
  ]);
  const page = entries.slice(0, PAGE);
  const [cards, states] = await Promise.all([
    insightCardsByIds({ ids: page.map((e) => e.insightId) }),
    saveStates({ userId: reader.id, insightIds: page.map((e) => e.insightId) }),
  ]);
  const query = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams();
    const merged = { tag: selected, q, ...changes };
    for (const [key, value] of Object.entries(merged)) {
      for (const v of [value ?? []].flat()) if (v) next.append(key, v);
    }
    return `/saved${next.size ? `?${next}` : ""}`;
  };
  const here = query({});
  const last = page.at(-1);
  const rssUrl = new URL(`/rss/${token}`, env.APP_URL).toString();

  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle title="Saved" lead="Your library of insights, with your tags and notes." />
      <div className="mt-4">
        <Notice error={readFlash(params, "error")} />
      </div>
      <form method="get" action="/saved" className="mt-4 flex gap-2">
        {selected.map((t) => (
          <input key={t} type="hidden" name="tag" value={t} />
        ))}
        <label htmlFor="saved-q" className="sr-only">
          Search your library
        </label>
        <input
          id="saved-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search your library"
          className={inputClass}
        />
        <button type="submit" className={quietButtonClass}>
          Search
        </button>
      </form>
      {tags.length > 0 ? (
        <nav aria-label="Filter by tag" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">Tags:</span>
          {tags.map((tag) => {
            const on = selected.includes(tag.name);
            return (
              <Link
                key={tag.id}
                href={query({
                  tag: on ? selected.filter((t) => t !== tag.name) : [...selected, tag.name],
                })}
                aria-current={on ? "true" : undefined}
                className={`rounded-full border px-2.5 py-0.5 ${
                  on
                    ? "border-amber-600 bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50"
                    : "border-stone-300 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
                }`}
              >
                #{tag.name} <span className="text-stone-600 dark:text-stone-300">{tag.count}</span>
              </Link>
            );
          })}
          {selected.length > 0 || q ? (
            <Link href="/saved" className="text-amber-800 underline dark:text-amber-400">
              Clear
            </Link>
          ) : null}
          <Link href="/tags" className="ml-auto text-amber-800 underline dark:text-amber-400">
            Manage tags
          </Link>
        </nav>
      ) : null}
      {cards.length === 0 ? (
        <EmptyState>
          {selected.length > 0 || q
            ? "Nothing in your library matches."
            : "Nothing saved yet. Press Save on an insight in your feed and it is kept here."}
        </EmptyState>
      ) : (
        <div className="mt-6 space-y-4">
          {cards.map((card) => {
            const state = states.get(card.id);
            return (
              <InsightCard key={card.id} insight={card}>
                <CardActions
                  insightId={card.id}
                  saved={Boolean(state)}
                  signedIn
                  next={here}
                  action={cardForm}
                  feedback={false}
                />
                {state ? (
                  <TagEditor
                    saveId={state.saveId}
                    tags={state.tags}
                    allTags={tags.map((t) => t.name)}
                    note={state.note}
                    next={here}
                    action={libraryForm}
                  />
                ) : null}
              </InsightCard>
            );
          })}
        </div>
      )}
      {entries.length > PAGE && last ? (
        <p className="mt-8 text-center">
          <Link href={query({ after: last.cursor })} className={quietButtonClass}>
            Older saves
          </Link>
        </p>
      ) : null}

      <section
        aria-labelledby="export-heading"
        className="mt-10 border-t border-stone-200 pt-6 dark:border-stone-800"
      >
        <h2 id="export-heading" className="text-lg font-semibold">
          Export
        </h2>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          <li>
            <a href="/saved/export/markdown-zip" className={quietButtonClass} download>
              Markdown (zip, one file per insight)
            </a>
          </li>
          <li>
            <a href="/saved/export/markdown" className={quietButtonClass} download>
              Markdown (one file)
            </a>
          </li>
          <li>
            <a href="/saved/export/csv" className={quietButtonClass} download>
              CSV
            </a>
          </li>
          <li>
            <a href="/saved/export/json" className={quietButtonClass} download>
              JSON
            </a>
          </li>
        </ul>
        <h3 className="mt-6 font-semibold">Private RSS feed</h3>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-300">
          Your saved insights in any feed reader. Anyone with this address can read them; make a new
          one to cut off the old.
        </p>
        <label htmlFor="rss-url" className="sr-only">
          Private feed address
        </label>
        <input
          id="rss-url"
          readOnly
          value={rssUrl}
          className={`${inputClass} mt-2 font-mono text-xs`}
        />
        <form action={resetFeedTokenForm} className="mt-2">
          <button type="submit" className={quietButtonClass}>
            Make a new address
          </button>
        </form>
      </section>
      <FeedKeys />
    </main>
  );
}
