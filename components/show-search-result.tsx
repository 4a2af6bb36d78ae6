"use client";

import { useActionState } from "react";
import { addFromSearch, followFromSearch } from "@/app/actions/show-search";
import { quietButtonClass } from "@/components/ui";
import type { DirectoryResult } from "@/lib/directory/types";
import type { CatalogHit } from "@/lib/views/show-search";

// One show in the search results: its artwork, name, author and episode count, and the button
// that follows it (a catalog show) or adds and follows it (a directory result). The action's
// answer is written beside the button.

export function CatalogResult({ show }: { show: CatalogHit }) {
  const [state, action, pending] = useActionState(followFromSearch, null);
  const followed = state?.followed ?? show.followed;
  return (
    <ResultRow
      title={show.title}
      author={show.author}
      artworkUrl={show.artworkUrl}
      detail={`${episodes(show.episodeCount)} · in Podbrief`}
      href={`/shows/${show.id}`}
      message={state}
    >
      <form action={action}>
        <input type="hidden" name="podcastId" value={show.id} />
        <input type="hidden" name="follow" value={followed ? "false" : "true"} />
        <button
          type="submit"
          disabled={pending}
          aria-pressed={followed}
          className={quietButtonClass}
        >
          {followed ? "✓ Following" : "Follow"}
          <span className="sr-only"> {show.title}</span>
        </button>
      </form>
    </ResultRow>
  );
}

export function DirectoryHit({ show }: { show: DirectoryResult }) {
  const [state, action, pending] = useActionState(addFromSearch, null);
  return (
    <ResultRow
      title={show.title}
      author={show.author}
      artworkUrl={show.artworkUrl}
      detail={show.episodeCount === null ? "" : episodes(show.episodeCount)}
      message={state}
    >
      {state?.ok ? (
        <span className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          ✓ Following
        </span>
      ) : (
        <form action={action}>
          <input type="hidden" name="url" value={show.feedUrl} />
          <button type="submit" disabled={pending} className={quietButtonClass}>
            {pending ? "Adding…" : "Add and follow"}
            <span className="sr-only"> {show.title}</span>
          </button>
        </form>
      )}
    </ResultRow>
  );
}

function episodes(count: number): string {
  return `${count} ${count === 1 ? "episode" : "episodes"}`;
}

type RowProps = {
  title: string;
  author: string | null;
  artworkUrl: string | null;
  detail: string;
  href?: string;
  message: { ok: boolean; message: string } | null;
  children: React.ReactNode;
};

function ResultRow({ title, author, artworkUrl, detail, href, message, children }: RowProps) {
  return (
    <li className="py-3">
      <div className="flex items-center gap-3">
        <Artwork url={artworkUrl} title={title} />
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">
            {href ? (
              <a href={href} className="hover:underline">
                {title}
              </a>
            ) : (
              title
            )}
          </p>
          {author ? (
            <p className="truncate text-sm text-stone-600 dark:text-stone-300">{author}</p>
          ) : null}
          {detail ? <p className="text-xs text-stone-600 dark:text-stone-400">{detail}</p> : null}
        </div>
        {children}
      </div>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`mt-1 text-sm ${message.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-400"}`}
        >
          {message.message}
        </p>
      ) : null}
    </li>
  );
}

function Artwork({ url, title }: { url: string | null; title: string }) {
  if (url) {
    return (
      // Artwork comes from any host on the internet; next/image would need each host listed.
      // biome-ignore lint/performance/noImgElement: remote artwork from arbitrary directory hosts
      <img
        src={url}
        alt={`Artwork of ${title}`}
        width={48}
        height={48}
        loading="lazy"
        referrerPolicy="no-referrer"
        className="size-12 shrink-0 rounded-md object-cover"
      />
    );
  }
  return (
    <div
      aria-hidden
      className="flex size-12 shrink-0 items-center justify-center rounded-md bg-amber-100 font-bold text-amber-900 dark:bg-amber-900 dark:text-amber-100"
    >
      {title.slice(0, 1).toUpperCase()}
    </div>
  );
}
