import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { showMetadata } from "@/app/_views/page-metadata";
import { ShowView } from "@/app/_views/show";
import { readShow } from "@/lib/views/show";

type Props = { params: Promise<{ id: string }> };

export const dynamic = "force-static";

// None at build time (no database then): each show's page is rendered on its first visit.
export function generateStaticParams(): { id: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return showMetadata((await params).id);
}

export default async function PublicShowPage({ params }: Props) {
  const data = await readShow({ reader: null, id: (await params).id });
  if (!data) notFound();
  return <ShowView data={data} />;
}
