import type { Metadata } from "next";
import { connection } from "next/server";
import { ShowRow } from "@/app/(reader)/podcasts/show-row";
import { readPodcasts } from "@/lib/views/podcasts";

export const metadata: Metadata = { title: "Podcasts" };

export default async function PodcastsPage() {
  await connection();
  const shows = await readPodcasts();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">Podcasts</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        The shows Podbrief scans for new episodes.
      </p>
      <ul className="mt-6 space-y-3">
        {shows.map((show) => (
          <ShowRow key={show.id} show={show} />
        ))}
      </ul>
    </main>
  );
}
