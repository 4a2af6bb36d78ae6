import "server-only";
import type { z } from "zod";
import { insightCardsByIds } from "@/db/queries/insights";
import { saveStates } from "@/db/queries/saves";
import { encodeApiCursor } from "@/lib/api/cursor";
import type { ApiSaved, ReadwiseDocument, savedPage } from "@/lib/api/schemas";
import { savedInsights } from "@/lib/export/library";
import { readwiseHighlights } from "@/lib/export/readwise";
import type { Reader } from "@/lib/session";
import { apiSavedOf } from "@/lib/views/api-shape";
import { libraryPage } from "@/lib/views/library";

// The API's library: the reader's saves with tags and notes, one save, and the Readwise export.

const PAGE = 50;

export async function readApiSaved({
  reader,
  query,
}: {
  reader: Reader;
  query: { tag?: string[]; updated_since?: Date; cursor?: string };
}): Promise<z.output<typeof savedPage>> {
  const page = await libraryPage({
    userId: reader.id,
    tags: query.tag ?? [],
    since: query.updated_since,
    after: query.cursor,
    size: PAGE,
  });
  return {
    saved: page.items.flatMap(({ card, save }) => (save ? [apiSavedOf(card, save)] : [])),
    next_cursor: page.nextCursor ? encodeApiCursor("saved", page.nextCursor) : null,
  };
}

/** The reader's save of one insight; null when they have not saved it (or it does not exist). */
export async function readApiSave({
  reader,
  insightId,
}: {
  reader: Reader;
  insightId: string;
}): Promise<ApiSaved | null> {
  const [[card], states] = await Promise.all([
    insightCardsByIds({ ids: [insightId] }),
    saveStates({ userId: reader.id, insightIds: [insightId] }),
  ]);
  const save = states.get(insightId);
  return card && save ? apiSavedOf(card, save) : null;
}

export async function readReadwise({ reader }: { reader: Reader }): Promise<ReadwiseDocument> {
  return { highlights: readwiseHighlights(await savedInsights(reader.id)) };
}
