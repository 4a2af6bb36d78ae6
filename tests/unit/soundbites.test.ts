import { describe, expect, it } from "vitest";
import { nextSpeed, sourceAt, trackOf } from "@/components/player/track";
import { parsePodcastFeed } from "@/lib/ingest/parse-feed";
import { soundbiteEnd } from "@/lib/listen";

// podcast:soundbite from a feed to "Play the moment": parsed and checked, stored per episode, and
// the range that holds an insight's second is what the player plays. And the player's reading of
// a "Play the moment" link.

const feed = (items: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Bite Show</title>
${items}
</channel></rss>`;

const item = (guid: string, extra: string) =>
  `<item><guid>${guid}</guid><title>Episode ${guid}</title><enclosure url="https://x.test/${guid}.mp3" length="1" type="audio/mpeg"/>${extra}</item>`;

describe("podcast:soundbite parsing", () => {
  it("reads each item's soundbites: start, duration and the title the publisher gave", () => {
    const parsed = parsePodcastFeed(
      feed(
        item(
          "a",
          `<podcast:soundbite startTime="73.5" duration="60.0">Why sleep beats caffeine</podcast:soundbite>
           <podcast:soundbite startTime="1234" duration="42"/>`,
        ) + item("b", ""),
      ),
    );
    const [a, b] = parsed.episodes;
    expect(a?.soundbites).toEqual([
      { start: 73.5, duration: 60, title: "Why sleep beats caffeine" },
      // No text: partytime names it after the show, which says nothing of the bite.
      { start: 1234, duration: 42, title: expect.anything() },
    ]);
    expect(b?.soundbites).toBeNull();
  });

  it("drops bites that are not ranges: no duration, negative, not a number, past a day", () => {
    const parsed = parsePodcastFeed(
      feed(
        item(
          "c",
          `<podcast:soundbite startTime="10" duration="0">zero</podcast:soundbite>
           <podcast:soundbite startTime="-5" duration="30">negative</podcast:soundbite>
           <podcast:soundbite startTime="ten" duration="30">words</podcast:soundbite>
           <podcast:soundbite startTime="99999999" duration="30">far</podcast:soundbite>
           <podcast:soundbite startTime="300" duration="15">kept</podcast:soundbite>`,
        ),
      ),
    );
    expect(parsed.episodes[0]?.soundbites).toEqual([{ start: 300, duration: 15, title: "kept" }]);
  });

  it("keeps at most 20 per episode", () => {
    const many = Array.from(
      { length: 30 },
      (_, i) =>
        `<podcast:soundbite startTime="${(i + 1) * 100}" duration="20">b${i}</podcast:soundbite>`,
    ).join("");
    expect(parsePodcastFeed(feed(item("d", many))).episodes[0]?.soundbites).toHaveLength(20);
  });
});

describe("soundbiteEnd", () => {
  const bites = [
    { start: 60, duration: 120, title: null },
    { start: 90, duration: 30, title: "short" },
  ];

  it("is the end of the shortest soundbite holding the moment", () => {
    expect(soundbiteEnd(bites, 100)).toBe(120);
    expect(soundbiteEnd(bites, 60)).toBe(180);
    expect(soundbiteEnd(bites, 150)).toBe(180);
  });

  it("is null outside every soundbite, without any, or without a moment", () => {
    expect(soundbiteEnd(bites, 180)).toBeNull();
    expect(soundbiteEnd(bites, 10)).toBeNull();
    expect(soundbiteEnd(null, 100)).toBeNull();
    expect(soundbiteEnd([], 100)).toBeNull();
    expect(soundbiteEnd(bites, null)).toBeNull();
  });
});

describe("the player's track from a Play the moment link", () => {
  it("reads the audio, start, soundbite end and names", () => {
    const track = trackOf({
      playSrc: "https://cdn.test/ep.mp3#t=99",
      playStart: "75",
      playEnd: "120",
      playEpisode: "e1",
      playTitle: "An episode",
      playShow: "A show",
    });
    expect(track).toEqual({
      src: "https://cdn.test/ep.mp3",
      start: 75,
      end: 120,
      episodeId: "e1",
      title: "An episode",
      show: "A show",
    });
    expect(track && sourceAt(track)).toBe("https://cdn.test/ep.mp3#t=75");
  });

  it("refuses an address that is not http(s), and ignores an end before the start", () => {
    expect(trackOf({ playSrc: "javascript:alert(1)", playStart: "1" })).toBeNull();
    expect(trackOf({ playSrc: "data:audio/wav;base64,AAAA" })).toBeNull();
    expect(trackOf({ playSrc: "https://cdn.test/a.mp3", playStart: "50", playEnd: "20" })).toEqual(
      expect.objectContaining({ start: 50, end: null, title: "This episode", show: null }),
    );
  });

  it("cycles the speed 1×, 1.25×, 1.5×, 1.75×, 2×, 0.75× and back to 1×", () => {
    const seen = [1];
    for (let i = 0; i < 6; i++) seen.push(nextSpeed(seen.at(-1) ?? 1));
    expect(seen).toEqual([1, 1.25, 1.5, 1.75, 2, 0.75, 1]);
  });
});
