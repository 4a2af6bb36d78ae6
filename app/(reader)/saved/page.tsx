import type { Metadata } from "next";
import Link from "next/link";
import { requireReader } from "@/app/(reader)/require-reader";
import {
  ExportSection,
  LibrarySearch,
  libraryHref,
  TagFilter,
} from "@/app/(reader)/saved/library-parts";
import { FeedKeys } from "@/components/feed-keys";
import { InsightCard } from "@/components/insight-card";
import { SaveControls } from "@/components/save-controls";
import { EmptyState, Notice, PageTitle, quietButtonClass } from "@/components/ui";
import { readFlash } from "@/lib/flash";
import { type LibraryData, libraryParams, readLibrary } from "@/lib/views/library";
import { parseParams, type SearchParams } from "@/lib/views/params";

export const metadata: Metadata = { title: "Saved" };

type Props = { searchParams: Promise<SearchParams> };

export default async function SavedPage({ searchParams }: Props) {
  const reader = await requireReader("/saved");
  const params = await searchParams;
  const filters = parseParams(libraryParams, params);
  const library = await readLibrary({ reader, params: filters });
  const filtered = filters.tag.length > 0 || Boolean(filters.q);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle title="Saved" lead="Your library of insights, with your tags and notes." />
      <div className="mt-4">
        <Notice error={readFlash(params, "error")} />
      </div>
      <LibrarySearch filters={filters} />
      {library.tags.length > 0 ? <TagFilter filters={filters} tags={library.tags} /> : null}
      {library.items.length === 0 ? (
        <EmptyState>
          {filtered
            ? "Nothing in your library matches."
            : "Nothing saved yet. Press Save on an insight in your feed and it is kept here."}
        </EmptyState>
      ) : (
        <LibraryCards library={library} here={libraryHref(filters, {})} />
      )}
      {library.nextAfter ? (
        <p className="mt-8 text-center">
          <Link
            href={libraryHref(filters, { after: library.nextAfter })}
            className={quietButtonClass}
          >
            Older saves
          </Link>
        </p>
      ) : null}
      <ExportSection rssUrl={library.rssUrl} />
      <FeedKeys />
    </main>
  );
}

function LibraryCards({ library, here }: { library: LibraryData; here: string }) {
  const allTags = library.tags.map((t) => t.name);
  return (
    <div className="mt-6 space-y-4">
      {library.items.map(({ card, save }) => (
        <InsightCard key={card.id} insight={card}>
          <SaveControls insightId={card.id} save={save} allTags={allTags} signedIn next={here} />
        </InsightCard>
      ))}
    </div>
  );
}
