import { startFakeDirectory } from "../support/fake-directory";
import { rssFeed, startFeedServer } from "../support/feed-server";

// The podcast directory the e2e server searches (PODCAST_DIRECTORY_URL): a fake on 127.0.0.1
// that knows two shows, one whose feed is served here too and one whose feed is not there,
// and is down for any search with DIRECTORY_DOWN_WORD in it.
// Started by the global setup, since the server's settings are fixed when it starts.

export const DIRECTORY_SHOW = "Orbital Mechanics Hour";
export const DIRECTORY_BROKEN_SHOW = "Orbital Gardening";
export const DIRECTORY_DOWN_WORD = "changelog";

export async function startE2eDirectory() {
  const feeds = await startFeedServer();
  feeds.serve(
    "/orbital.xml",
    rssFeed({
      title: DIRECTORY_SHOW,
      extraChannel: "<itunes:author>Vera Launch</itunes:author>",
      items: [{ guid: "orbital-1", title: "Hohmann transfers, gently" }],
    }),
  );
  const directory = await startFakeDirectory();
  directory.setShows([
    {
      title: DIRECTORY_SHOW,
      author: "Vera Launch",
      feedUrl: feeds.url("/orbital.xml"),
      episodeCount: 1,
    },
    {
      title: DIRECTORY_BROKEN_SHOW,
      author: "Moss Grower",
      feedUrl: feeds.url("/gone.xml"),
      episodeCount: 12,
    },
  ]);
  // "changelog" finds the demo catalog's shows while the directory is down.
  directory.setFailingWord(DIRECTORY_DOWN_WORD);
  return {
    env: { PODCAST_DIRECTORY_URL: directory.url },
    close: async () => {
      await directory.close();
      await feeds.close();
    },
  };
}
