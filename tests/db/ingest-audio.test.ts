import { MockTranscriptionModelV4 } from "ai/test";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { episodes, transcripts } from "@/db/schema";
import { overrideModels, resetModelOverrides } from "@/lib/ai/models";
import { addShow } from "@/lib/ingest/add-show";
import { runIngest } from "@/lib/ingest/run";
import { type FeedServer, rssFeed, startFeedServer } from "../support/feed-server";

// Speech-to-text is off by default; when a model is configured (here the AI SDK's mock), an
// episode without a transcript gets one from its audio.

const AUDIO = Buffer.from("ID3 fake mp3 bytes for the test");
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer();
  server.serve("/episode.mp3", AUDIO.toString("latin1"), "audio/mpeg");
  server.serve(
    "/feed.xml",
    rssFeed({
      items: [
        {
          guid: "a1",
          title: "Audio only",
          enclosure: server.url("/episode.mp3"),
          notes: "<p>Show notes.</p>",
        },
      ],
    }),
  );
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  resetModelOverrides();
});

async function storedTranscript() {
  const db = await getDb();
  const [episode] = await db.select().from(episodes);
  const [text] = await db
    .select()
    .from(transcripts)
    .where(eq(transcripts.episodeId, episode?.id as string));
  return { episode, text };
}

function speechModel(doGenerate: MockTranscriptionModelV4["doGenerate"]) {
  return new MockTranscriptionModelV4({ doGenerate });
}

describe("audio transcription", () => {
  it("is off by default: the show notes become the text", async () => {
    const show = await addShow({ url: server.url("/feed.xml") });
    await runIngest({ podcastIds: [show.id] });
    expect((await storedTranscript()).text?.source).toBe("show_notes");
  });

  it("turns the episode's audio into timed segments when a speech model is configured", async () => {
    const received: Uint8Array[] = [];
    overrideModels({
      transcription: speechModel(async ({ audio }) => {
        received.push(audio as Uint8Array);
        return {
          text: "Write it down. Share it the same day.",
          segments: [
            { text: " Write it down.", startSecond: 0.5, endSecond: 2 },
            { text: " Share it the same day.", startSecond: 2, endSecond: 4.5 },
          ],
          language: "en",
          durationInSeconds: 4.5,
          warnings: [],
          response: { timestamp: new Date(), modelId: "mock-whisper", headers: {} },
        };
      }),
    });
    const show = await addShow({ url: server.url("/feed.xml") });

    const summary = await runIngest({ podcastIds: [show.id] });

    expect(summary.transcripts).toBe(1);
    expect(Buffer.from(received[0] ?? []).toString("latin1")).toBe(AUDIO.toString("latin1"));
    const { episode, text } = await storedTranscript();
    expect(episode?.status).toBe("transcribed");
    expect(text?.source).toBe("speech");
    expect(text?.segments).toEqual([
      { start: 0.5, end: 2, speaker: null, text: "Write it down." },
      { start: 2, end: 4.5, speaker: null, text: "Share it the same day." },
    ]);
  });

  it("falls back to the show notes, saying why, when speech-to-text fails", async () => {
    overrideModels({
      transcription: speechModel(async () => {
        throw new Error("quota exceeded");
      }),
    });
    const show = await addShow({ url: server.url("/feed.xml") });

    const summary = await runIngest({ podcastIds: [show.id] });

    expect(summary.errors).toEqual([
      {
        url: expect.any(String),
        reason: expect.stringMatching(
          /audio transcription: .*quota exceeded.*\(used the show notes instead\)$/,
        ),
      },
    ]);
    const { episode, text } = await storedTranscript();
    expect(text?.source).toBe("show_notes");
    expect(episode?.status).toBe("transcribed");
  });
});
