import type { Metadata } from "next";
import { connection } from "next/server";
import { ShowRow } from "@/app/(reader)/podcasts/show-row";
import { OpmlUpload } from "@/components/opml-upload";
import { ShowSearch } from "@/components/show-search";
import { TextLink } from "@/components/ui";
import { currentReader } from "@/lib/session";
import { parseParams, type SearchParams } from "@/lib/views/params";
import { readPodcasts } from "@/lib/views/podcasts";
import { settingsParams } from "@/lib/views/settings";
import { readShowSearch } from "@/lib/views/show-search";

export const metadata: Metadata = { title: "Podcasts" };

type Props = { searchParams: Promise<SearchParams> };

export default async function PodcastsPage({ searchParams }: Props) {
  await connection();
  const [reader, { q }] = [await currentReader(), parseParams(settingsParams, await searchParams)];
  const [shows, search] = await Promise.all([
    readPodcasts(),
    reader && q ? readShowSearch({ reader, q }) : null,
  ]);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">Podcasts</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-300">
        The shows Podbrief scans for new episodes.
      </p>
      <section
        aria-labelledby="add-heading"
        className="mt-6 rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="add-heading" className="text-lg font-semibold">
          Add a show
        </h2>
        {reader ? (
          <div className="mt-2">
            <ShowSearch path="/podcasts" initial={search} />
            <OpmlUpload />
          </div>
        ) : (
          <p className="mt-2 text-sm">
            <TextLink href="/signin?callbackUrl=%2Fpodcasts">Sign in</TextLink> to find a show by
            name and follow it.
          </p>
        )}
      </section>
      <h2 className="mt-8 text-lg font-semibold">In Podbrief</h2>
      <ul className="mt-3 space-y-3">
        {shows.map((show) => (
          <ShowRow key={show.id} show={show} />
        ))}
      </ul>
    </main>
  );
}
