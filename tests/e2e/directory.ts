import { servesRanges, silentWav, timedTranscript } from "../support/audio";
import { startFakeDirectory } from "../support/fake-directory";
import { rssFeed, startFeedServer } from "../support/feed-server";

// The podcast directory the e2e server searches (PODCAST_DIRECTORY_URL): a fake on 127.0.0.1
// that knows two shows, one whose feed is served here too and one whose feed is not there,
// and is down for any search with DIRECTORY_DOWN_WORD in it.
// Started by the global setup, since the server's settings are fixed when it starts.

export const DIRECTORY_SHOW = "Orbital Mechanics Hour";
export const DIRECTORY_BROKEN_SHOW = "Orbital Gardening";
export const DIRECTORY_DOWN_WORD = "changelog";
/** A show with audio (a silent WAV) and a timed transcript: the listen flow finds it by name. */
export const DIRECTORY_AUDIO_SHOW = "Moment Listening Hour";

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
  const { json, seconds } = await timedTranscript("brain-science-30");
  feeds.route("/listening.wav", servesRanges(silentWav(seconds)));
  feeds.serve("/listening.json", json, "application/json");
  feeds.serve(
    "/listening.xml",
    rssFeed({
      title: DIRECTORY_AUDIO_SHOW,
      extraChannel: "<itunes:author>Ada Listener</itunes:author>",
      items: [
        {
          guid: "listening-1",
          title: "Sleep, attention and the working day",
          date: new Date().toUTCString(),
          enclosure: feeds.url("/listening.wav"),
          extra: `<podcast:transcript url="${feeds.url("/listening.json")}" type="application/json"/>`,
        },
      ],
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
    {
      title: DIRECTORY_AUDIO_SHOW,
      author: "Ada Listener",
      feedUrl: feeds.url("/listening.xml"),
      episodeCount: 1,
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
