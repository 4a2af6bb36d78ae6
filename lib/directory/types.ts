// What a podcast directory (Apple's search, the Podcast Index) answers, in one shape.

export type DirectorySource = "apple" | "podcastindex";

export type DirectoryResult = {
  title: string;
  author: string | null;
  /** An http(s) address; results without one are dropped. */
  feedUrl: string;
  /** An https address only: the page shows it, and plain http would be mixed content. */
  artworkUrl: string | null;
  episodeCount: number | null;
  source: DirectorySource;
};

export type DirectoryConfig = {
  source: DirectorySource;
  /** Where the directory answers, without a trailing slash. */
  baseUrl: string;
  /** The Podcast Index's key and secret; unused by Apple. */
  key?: string;
  secret?: string;
  timeoutMs: number;
};

export type DirectoryProblem = "down" | "slow" | "junk";

/** The directory could not answer usefully; `message` is fit for a reader. */
export class DirectoryError extends Error {
  override name = "DirectoryError";
  constructor(
    readonly problem: DirectoryProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The address if it is http(s), else null. */
export function webAddress(value: unknown, protocols = ["http:", "https:"]): string | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  try {
    const url = new URL(value.trim());
    return protocols.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
