// GET /api/shows/search?q= — the show search as you type: catalog shows first, then the directory's
import { z } from "zod";
import { withReader } from "@/app/api/with-reader";
import { checkShowSearchLimit } from "@/lib/directory/search-limit";
import { text } from "@/lib/views/params";
import { readShowSearch } from "@/lib/views/show-search";

export const GET = withReader({ query: z.object({ q: text }) }, async ({ reader, query }) => {
  if (!query.q.trim()) return { q: "", catalog: [], directory: [], directoryError: null };
  await checkShowSearchLimit({ userId: reader.id });
  return readShowSearch({ reader, q: query.q });
});
