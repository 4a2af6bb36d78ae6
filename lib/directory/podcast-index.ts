import { createHash } from "node:crypto";
import { z } from "zod";
import { wholeCount } from "./apple";
import { getJson } from "./request";
import { type DirectoryConfig, DirectoryError, type DirectoryResult, webAddress } from "./types";

// The Podcast Index API (podcastindex.org): a key and secret, each request signed with
// sha1(key + secret + unix time) in hex.

const NAME = "The Podcast Index";

const answer = z.object({
  feeds: z.array(
    z
      .object({
        title: z.string().optional(),
        author: z.string().optional(),
        url: z.string().optional(),
        artwork: z.string().optional(),
        image: z.string().optional(),
        episodeCount: z.number().optional(),
      })
      .loose(),
  ),
});

/** The headers the Podcast Index checks: its key, the time and the signature of both. */
export function podcastIndexHeaders({
  key,
  secret,
  now = new Date(),
}: {
  key: string;
  secret: string;
  now?: Date;
}): Record<string, string> {
  const date = String(Math.floor(now.getTime() / 1000));
  return {
    "User-Agent": "Podbrief/1.0",
    "X-Auth-Key": key,
    "X-Auth-Date": date,
    Authorization: createHash("sha1")
      .update(key + secret + date)
      .digest("hex"),
  };
}

export async function searchPodcastIndex({
  q,
  limit,
  config,
}: {
  q: string;
  limit: number;
  config: DirectoryConfig;
}): Promise<DirectoryResult[]> {
  const url = new URL(`${config.baseUrl}/api/1.0/search/byterm`);
  url.search = new URLSearchParams({ q, max: String(limit) }).toString();
  const headers = podcastIndexHeaders({ key: config.key ?? "", secret: config.secret ?? "" });
  const raw = await getJson(url, { headers, timeoutMs: config.timeoutMs, name: NAME });
  const parsed = answer.safeParse(raw);
  if (!parsed.success) {
    throw new DirectoryError(
      "junk",
      `${NAME} answered with something that is not a search result.`,
    );
  }
  return parsed.data.feeds.flatMap((feed) => {
    const feedUrl = webAddress(feed.url);
    const title = (feed.title ?? "").trim();
    if (!feedUrl || !title) return [];
    return [
      {
        title,
        author: feed.author?.trim() || null,
        feedUrl,
        artworkUrl: webAddress(feed.artwork || feed.image, ["https:"]),
        episodeCount: wholeCount(feed.episodeCount),
        source: "podcastindex" as const,
      },
    ];
  });
}
