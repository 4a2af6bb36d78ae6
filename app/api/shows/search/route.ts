// GET /api/shows/search?q= — the show search as you type: catalog shows first, then the directory's
// results (lib/views/show-search, which also counts the reader's searches against their limit).
import { z } from "zod";
import { withReader } from "@/app/api/with-reader";
import { text } from "@/lib/views/params";
import { readShowSearch } from "@/lib/views/show-search";

export const GET = withReader({ query: z.object({ q: text }) }, async ({ reader, query }) =>
  readShowSearch({ reader, q: query.q }),
);
