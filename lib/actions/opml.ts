import { z } from "zod";
import {
  ADD_SHOW_LIMIT,
  addAndFollowShow,
  addShowQuotaLeft,
  takeAddShowQuota,
} from "@/lib/actions/add-shows";
import { readerAction } from "@/lib/actions/reader-action";
import { AppError } from "@/lib/errors";
import { OpmlError, parseOpml } from "@/lib/ingest/opml";

// An OPML file (every podcast app exports one) uploaded in the browser: each show in it is added
// the way a pasted feed address is (read first, then stored and followed), within the reader's
// daily quota. A file that is not OPML changes nothing.

export const OPML_MAX_BYTES = 1_000_000;
const AT_ONCE = 4;

export type OpmlImport = {
  added: number;
  failed: { url: string; reason: string }[];
  /** Shows in the file left out because the day's quota ran out. */
  overQuota: number;
  message: string;
};

export const importOpmlAction = readerAction(
  "importing your shows",
  z.object({
    opml: z
      .string()
      .min(1, "choose an OPML file to upload")
      .max(OPML_MAX_BYTES, "the OPML file is larger than 1 MB"),
  }),
  async ({ opml }, reader): Promise<OpmlImport> => {
    let urls: string[];
    try {
      urls = parseOpml(opml);
    } catch (error) {
      if (error instanceof OpmlError)
        throw new AppError("bad_request:opml", `That file could not be read: ${error.message}.`);
      throw error;
    }
    if (urls.length === 0)
      throw new AppError("bad_request:opml", "That OPML file lists no shows (no xmlUrl).");
    const left = await addShowQuotaLeft({ userId: reader.id });
    const taken = urls.slice(0, left);
    const outcomes = await inTurns(taken, AT_ONCE, async (url) => {
      try {
        await takeAddShowQuota({ userId: reader.id });
        await addAndFollowShow({ url, userId: reader.id });
        return null;
      } catch (error) {
        if (error instanceof AppError) return { url, reason: error.message };
        throw error;
      }
    });
    const failed = outcomes.filter((outcome) => outcome !== null);
    const result = {
      added: taken.length - failed.length,
      failed,
      overQuota: urls.length - taken.length,
    };
    return { ...result, message: importMessage(result) };
  },
);

function importMessage({ added, failed, overQuota }: Omit<OpmlImport, "message">): string {
  const parts = [`Added ${added} ${added === 1 ? "show" : "shows"}.`];
  if (failed.length > 0) {
    const list = failed.map((f) => `${f.url}: ${f.reason}`).join("; ");
    parts.push(`${failed.length} could not be read: ${list}.`);
  }
  if (overQuota > 0) {
    parts.push(
      `${overQuota} more ${overQuota === 1 ? "was" : "were"} not added: you can add up to ${ADD_SHOW_LIMIT.limit} shows a day. Upload the file again tomorrow for the rest.`,
    );
  }
  return parts.join(" ");
}

/** `work` over `items`, at most `width` at a time, results in the items' order. */
async function inTurns<T, R>(items: T[], width: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
