import Link from "next/link";
import { resetFeedTokenForm } from "@/app/actions/reader";
import { inputClass, quietButtonClass } from "@/components/ui";
import type { LibraryParams, LibraryTag } from "@/lib/views/library";

// The parts of /saved around the list: the search and tag filters, and the exports.

/** The library's address with the current filters changed as given. */
export function libraryHref(
  { tag, q }: Pick<LibraryParams, "tag" | "q">,
  changes: Record<string, string | string[] | null>,
): string {
  const next = new URLSearchParams();
  const merged = { tag, q, ...changes };
  for (const [key, value] of Object.entries(merged)) {
    for (const v of [value ?? []].flat()) if (v) next.append(key, v);
  }
  return `/saved${next.size ? `?${next}` : ""}`;
}

export function LibrarySearch({ filters }: { filters: LibraryParams }) {
  return (
    <form method="get" action="/saved" className="mt-4 flex gap-2">
      {filters.tag.map((t) => (
        <input key={t} type="hidden" name="tag" value={t} />
      ))}
      <label htmlFor="saved-q" className="sr-only">
        Search your library
      </label>
      <input
        id="saved-q"
        name="q"
        type="search"
        defaultValue={filters.q}
        placeholder="Search your library"
        className={inputClass}
      />
      <button type="submit" className={quietButtonClass}>
        Search
      </button>
    </form>
  );
}

export function TagFilter({ filters, tags }: { filters: LibraryParams; tags: LibraryTag[] }) {
  const selected = filters.tag;
  return (
    <nav aria-label="Filter by tag" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium">Tags:</span>
      {tags.map((tag) => {
        const on = selected.includes(tag.name);
        return (
          <Link
            key={tag.id}
            href={libraryHref(filters, {
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
      {selected.length > 0 || filters.q ? (
        <Link href="/saved" className="text-amber-800 underline dark:text-amber-400">
          Clear
        </Link>
      ) : null}
      <Link href="/tags" className="ml-auto text-amber-800 underline dark:text-amber-400">
        Manage tags
      </Link>
    </nav>
  );
}

const EXPORTS = [
  ["markdown-zip", "Markdown (zip, one file per insight)"],
  ["markdown", "Markdown (one file)"],
  ["csv", "CSV"],
  ["json", "JSON"],
  ["readwise.json", "Readwise (highlight import JSON)"],
] as const;

export function ExportSection({ rssUrl }: { rssUrl: string }) {
  return (
    <section
      aria-labelledby="export-heading"
      className="mt-10 border-t border-stone-200 pt-6 dark:border-stone-800"
    >
      <h2 id="export-heading" className="text-lg font-semibold">
        Export
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2 text-sm">
        {EXPORTS.map(([format, label]) => (
          <li key={format}>
            <a href={`/saved/export/${format}`} className={quietButtonClass} download>
              {label}
            </a>
          </li>
        ))}
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
  );
}
