import { env } from "@/lib/env";
import { searchApple } from "./apple";
import { searchPodcastIndex } from "./podcast-index";
import type { DirectoryConfig, DirectoryResult } from "./types";

// Search a podcast directory by show name: the Podcast Index when its keys are set, else
// Apple's public search. Identical searches within a minute are answered from memory, to be
// polite to the directory while a reader types.

const CACHE_SIZE = 200;
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; secret?: string; results: DirectoryResult[] }>();

/** The directory the settings name (lib/env.ts). */
export function directoryConfig(): DirectoryConfig {
  const indexed = Boolean(env.PODCASTINDEX_KEY && env.PODCASTINDEX_SECRET);
  const fallback = indexed ? "https://api.podcastindex.org" : "https://itunes.apple.com";
  return {
    source: indexed ? "podcastindex" : "apple",
    baseUrl: (env.PODCAST_DIRECTORY_URL ?? fallback).replace(/\/+$/, ""),
    key: env.PODCASTINDEX_KEY,
    secret: env.PODCASTINDEX_SECRET,
    timeoutMs: 4_000,
  };
}

/** Shows matching `q`; throws DirectoryError (in words) when the directory fails. */
export async function searchDirectory({
  q,
  limit = 15,
  config = directoryConfig(),
  now = Date.now(),
}: {
  q: string;
  limit?: number;
  config?: DirectoryConfig;
  now?: number;
}): Promise<DirectoryResult[]> {
  const key = JSON.stringify([config.source, config.baseUrl, config.key, limit, q.toLowerCase()]);
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS && hit.secret === config.secret) return hit.results;
  const search = config.source === "podcastindex" ? searchPodcastIndex : searchApple;
  const results = dedupe(await search({ q, limit, config })).slice(0, limit);
  cache.delete(key);
  cache.set(key, { at: now, secret: config.secret, results });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return results;
}

function dedupe(results: DirectoryResult[]): DirectoryResult[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    const key = feedKey(result.feedUrl);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One spelling of a feed address, to tell the same feed listed twice. */
export function feedKey(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = "";
    return parsed.href;
  } catch {
    return url.trim();
  }
}
