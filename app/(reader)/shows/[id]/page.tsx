import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { showMetadata } from "@/app/_views/page-metadata";
import { ShowView } from "@/app/_views/show";
import { readFlash } from "@/lib/flash";
import { currentReader } from "@/lib/session";
import type { SearchParams } from "@/lib/views/params";
import { readShow } from "@/lib/views/show";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return showMetadata((await params).id);
}

// A signed-out visit with no query is rewritten by proxy.ts to /public/shows/[id], served from the cache.
export default async function ShowPage({ params, searchParams }: Props) {
  const reader = await currentReader();
  const query = await searchParams;
  const data = await readShow({ reader, id: (await params).id, params: query });
  if (!data) notFound();
  return <ShowView data={data} error={readFlash(query, "error")} />;
}
