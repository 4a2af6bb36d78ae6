import { eq, inArray } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getProfile } from "@/db/queries/profiles";
import { insights } from "@/db/schema";
import { followTopicAction, saveSettingsAction } from "@/lib/actions/profile";
import { readTopic, readTopicFeed, readTopicHead, TOPIC_PAGE_SIZE } from "@/lib/views/topic";
import { anInsight, givenEpisode, givenInsights, givenReader } from "./factories";

// A topic's page and feed (lib/views/topic): the best insights on the topic from the last 30
// days, highest score first, a page at a time; following it from there.

async function givenScored(scores: number[], topic = "startups"): Promise<string[]> {
  const { episodeId } = await givenEpisode({ show: `Show ${topic}` });
  return givenInsights(
    episodeId,
    scores.map((score, i) =>
      anInsight({ headline: `${topic} insight scored ${score} (${i})`, score, topics: [topic] }),
    ),
  );
}

async function ageBy(ids: string[], days: number): Promise<void> {
  const db = await getDb();
  await db
    .update(insights)
    .set({ createdAt: new Date(Date.now() - days * 86_400_000) })
    .where(inArray(insights.id, ids));
}

describe("a topic's page", () => {
  it("lists the topic's insights best score first, and none of another topic", async () => {
    await givenScored([0.2, 0.9, 0.5]);
    await givenScored([0.99], "design");
    const data = await readTopic({ slug: "startups", reader: null });
    expect(data?.topic).toEqual({ slug: "startups", label: "Startups" });
    expect(data?.insights.map((i) => i.headline)).toEqual([
      "startups insight scored 0.9 (1)",
      "startups insight scored 0.5 (2)",
      "startups insight scored 0.2 (0)",
    ]);
    expect(data?.following).toBeNull();
    expect(data?.nextHref).toBeNull();
    expect(data?.feedUrl).toMatch(/^https?:\/\/[^/]+\/topics\/startups\/feed\.xml$/);
  });

  it("leaves out insights older than 30 days, however good", async () => {
    const [old, recent] = await givenScored([0.99, 0.1]);
    await ageBy([old as string], 31);
    await ageBy([recent as string], 29);
    const data = await readTopic({ slug: "startups", reader: null });
    expect(data?.insights.map((i) => i.id)).toEqual([recent]);
  });

  it("pages through them, each insight once, with links both ways", async () => {
    const scores = Array.from({ length: TOPIC_PAGE_SIZE + 5 }, (_, i) => i / 100);
    await givenScored(scores);
    const first = await readTopic({ slug: "startups", reader: null });
    expect(first?.insights).toHaveLength(TOPIC_PAGE_SIZE);
    expect(first?.prevHref).toBeNull();
    expect(first?.nextHref).toBe("/topics/startups?page=2");
    const second = await readTopic({ slug: "startups", reader: null, params: { page: "2" } });
    expect(second?.insights).toHaveLength(5);
    expect(second?.prevHref).toBe("/topics/startups");
    expect(second?.nextHref).toBeNull();
    const seen = [...(first?.insights ?? []), ...(second?.insights ?? [])].map((i) => i.id);
    expect(new Set(seen).size).toBe(TOPIC_PAGE_SIZE + 5);
    // A page past the end is an empty page, not an error; a page that is not a number is the first.
    expect(
      (await readTopic({ slug: "startups", reader: null, params: { page: "9" } }))?.insights,
    ).toEqual([]);
    expect(
      (await readTopic({ slug: "startups", reader: null, params: { page: "-1" } }))?.page,
    ).toBe(1);
    expect(
      (await readTopic({ slug: "startups", reader: null, params: { page: "1e9" } }))?.page,
    ).toBe(1);
  });

  it.each([
    "no-such-topic",
    "Startups",
    "startups ",
    "'; drop table topics; --",
    "../startups",
    "%00",
    "a".repeat(61),
    "",
  ])("names no topic for the slug %j", async (slug) => {
    await givenScored([0.5]);
    expect(await readTopic({ slug, reader: null })).toBeNull();
    expect(await readTopicHead(slug)).toBeNull();
    expect(await readTopicFeed({ slug })).toBeNull();
  });

  it("says whether the reader follows it, and a follow from the page keeps their other topics", async () => {
    await givenScored([0.5]);
    const reader = await givenReader();
    const saved = await saveSettingsAction(reader, {
      topics: ["ai"],
      timeZone: "UTC",
      briefHour: "7",
      briefEnabled: "on",
      onboarding: "on",
    });
    expect(saved.ok).toBe(true);
    expect((await readTopic({ slug: "startups", reader }))?.following).toBe(false);

    expect((await followTopicAction(reader, { slug: "startups", follow: "on" })).ok).toBe(true);
    // Twice is once.
    expect((await followTopicAction(reader, { slug: "startups", follow: "on" })).ok).toBe(true);
    expect((await getProfile({ userId: reader.id }))?.followedTopics).toEqual(["ai", "startups"]);
    expect((await readTopic({ slug: "startups", reader }))?.following).toBe(true);

    expect((await followTopicAction(reader, { slug: "startups", follow: "" })).ok).toBe(true);
    expect((await getProfile({ userId: reader.id }))?.followedTopics).toEqual(["ai"]);
  });

  it("refuses to follow a topic that does not exist, or for a visitor", async () => {
    const reader = await givenReader();
    const unknown = await followTopicAction(reader, { slug: "astrology", follow: "on" });
    expect(unknown).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await getProfile({ userId: reader.id })).toBeNull();
    const visitor = await followTopicAction(null, { slug: "startups", follow: "on" });
    expect(visitor).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });

  it("a follow before onboarding makes a profile that follows the topic", async () => {
    await givenScored([0.5]);
    const reader = await givenReader();
    expect((await followTopicAction(reader, { slug: "startups", follow: "on" })).ok).toBe(true);
    const profile = await getProfile({ userId: reader.id });
    expect(profile?.followedTopics).toEqual(["startups"]);
    expect(profile?.onboardedAt).toBeNull();
  });
});

describe("a topic's RSS feed", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });

  it("is valid XML of the same insights, best first, with absolute links", async () => {
    const ids = await givenScored([0.3, 0.8]);
    const db = await getDb();
    await db
      .update(insights)
      .set({ headline: "Ship <b>small</b> & often\u0007", speaker: "O'Brien <script>" })
      .where(eq(insights.id, ids[1] as string));
    const xml = await readTopicFeed({ slug: "startups" });
    expect(xml).not.toBeNull();
    const doc = parser.parse(xml as string);
    const channel = doc.rss.channel;
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(channel.title).toBe("Startups · Podbrief");
    expect(channel.link).toMatch(/^https?:\/\/[^/]+\/topics\/startups$/);
    expect(channel["atom:link"]["@_href"]).toMatch(/\/topics\/startups\/feed\.xml$/);
    const items = [channel.item].flat();
    expect(items).toHaveLength(2);
    expect(items[0].title).toBe("Ship <b>small</b> & often");
    expect(items.map((item: { link: string }) => item.link)).toEqual(
      [ids[1], ids[0]].map((id) =>
        expect.stringMatching(new RegExp(`^https?://[^/]+/insights/${id}$`)),
      ),
    );
    for (const item of items) {
      expect(new URL(item.link).protocol).toMatch(/^https?:$/);
      expect(item.guid["#text"]).toBe(item.link);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect(item.category).toBe("Startups");
    }
    // The speaker's markup is text inside the description's HTML, never markup.
    expect(items[0].description).toContain("&lt;script&gt;");
  });

  it("is an empty channel when nothing on the topic is recent", async () => {
    const ids = await givenScored([0.5]);
    await ageBy(ids, 40);
    const doc = parser.parse((await readTopicFeed({ slug: "startups" })) as string);
    expect(doc.rss.channel.title).toBe("Startups · Podbrief");
    expect(doc.rss.channel.item).toBeUndefined();
  });
});
