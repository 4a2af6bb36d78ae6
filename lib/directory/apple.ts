import { z } from "zod";
import { getJson } from "./request";
import { type DirectoryConfig, DirectoryError, type DirectoryResult, webAddress } from "./types";

// Apple's public podcast search (the iTunes Search API): no key, JSON.

const NAME = "Apple Podcasts' directory";

const answer = z.object({
  results: z.array(
    z
      .object({
        collectionName: z.string().optional(),
        trackName: z.string().optional(),
        artistName: z.string().optional(),
        feedUrl: z.string().optional(),
        artworkUrl600: z.string().optional(),
        artworkUrl100: z.string().optional(),
        trackCount: z.number().optional(),
      })
      .loose(),
  ),
});

export async function searchApple({
  q,
  limit,
  config,
}: {
  q: string;
  limit: number;
  config: DirectoryConfig;
}): Promise<DirectoryResult[]> {
  const url = new URL(`${config.baseUrl}/search`);
  url.search = new URLSearchParams({
    media: "podcast",
    entity: "podcast",
    term: q,
    limit: String(limit),
  }).toString();
  const parsed = answer.safeParse(await getJson(url, { timeoutMs: config.timeoutMs, name: NAME }));
  if (!parsed.success) {
    throw new DirectoryError(
      "junk",
      `${NAME} answered with something that is not a search result.`,
    );
  }
  return parsed.data.results.flatMap((item) => {
    const feedUrl = webAddress(item.feedUrl);
    const title = (item.collectionName ?? item.trackName ?? "").trim();
    if (!feedUrl || !title) return [];
    return [
      {
        title,
        author: item.artistName?.trim() || null,
        feedUrl,
        artworkUrl: webAddress(item.artworkUrl600 ?? item.artworkUrl100, ["https:"]),
        episodeCount: wholeCount(item.trackCount),
        source: "apple" as const,
      },
    ];
  });
}

export function wholeCount(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}
