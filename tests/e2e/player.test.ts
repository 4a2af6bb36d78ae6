import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { servesRanges, silentWav, timedTranscript } from "../support/audio";
import { type FeedServer, rssFeed, startFeedServer } from "../support/feed-server";
import { expectAccessible } from "./accessibility";
import { launchBrowser } from "./browser";
import { E2E_CRON_SECRET } from "./server";
import { signInThroughOutbox } from "./sign-in";

// The persistent player in Chromium: a reader adds a show (served from 127.0.0.1 with a silent WAV
// as its episode's audio and a timed transcript), it is summarized, and "Play the moment" on a card
// plays the audio in place from the insight's second; the audio keeps playing across a page
// change; the controls work; without JavaScript the link opens the audio at that second.

const baseUrl = inject("baseUrl");
const stamp = Date.now();
const showTitle = `Player Check Show ${stamp}`;
// A second show whose feed marks soundbites: 20 s ranges covering its whole episode.
const biteShowTitle = `Soundbite Check Show ${stamp}`;
const BITE_SECONDS = 20;
const anyTestShow = new RegExp(`Check Show ${stamp}`);
let browser: Browser;
let feeds: FeedServer;
let context: BrowserContext;
let page: Page;

const cron = (path: string) =>
  fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });

/** The audio element's state, in the page. */
const audioState = (p: Page) =>
  p.evaluate(() => {
    const audio = document.querySelector<HTMLAudioElement>("audio[data-player-audio]");
    return {
      time: audio?.currentTime ?? -1,
      paused: audio?.paused ?? true,
      rate: audio?.playbackRate ?? 0,
      tagged: (audio as (HTMLAudioElement & { testTag?: string }) | null)?.testTag ?? null,
    };
  });

const waitPlaying = (p: Page) =>
  p.waitForFunction(() => {
    const audio = document.querySelector<HTMLAudioElement>("audio[data-player-audio]");
    return audio !== null && !audio.paused && audio.readyState >= 2 && audio.currentTime > 0;
  });

/** The first "Play the moment" link on a card of the test's show. */
function momentLink(p: Page, show: string | RegExp = showTitle): Locator {
  return p
    .locator("article[data-card]", { hasText: show })
    .getByRole("link", { name: /^Play the moment \(\d+:\d\d\)$/ })
    .first();
}

/** The second show's feed, served when its test runs: its episode is then the newest. */
async function serveBiteShow(): Promise<void> {
  const bitten = await timedTranscript("brain-science-30");
  feeds.route("/bite-check.wav", servesRanges(silentWav(bitten.seconds)));
  feeds.serve("/bite-check.json", bitten.json, "application/json");
  // partytime skips a bite starting at 0, so they start half a second in.
  const bites = Array.from(
    { length: Math.ceil(bitten.seconds / BITE_SECONDS) },
    (_, i) =>
      `<podcast:soundbite startTime="${i * BITE_SECONDS + 0.5}" duration="${BITE_SECONDS}">Bite ${i}</podcast:soundbite>`,
  ).join("");
  feeds.serve(
    "/bite-check.xml",
    rssFeed({
      title: biteShowTitle,
      items: [
        {
          guid: `bite-check-${stamp}`,
          title: "Soundbites, checked",
          date: new Date().toUTCString(),
          enclosure: feeds.url("/bite-check.wav"),
          extra: `<podcast:transcript url="${feeds.url("/bite-check.json")}" type="application/json"/>${bites}`,
        },
      ],
    }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  feeds = await startFeedServer();
  const { json, seconds } = await timedTranscript("brain-science-25");
  feeds.route("/player-check.wav", servesRanges(silentWav(seconds)));
  feeds.serve("/player-check.json", json, "application/json");
  feeds.serve(
    "/player-check.xml",
    rssFeed({
      title: showTitle,
      items: [
        {
          guid: `player-check-${stamp}`,
          title: "Caffeine, checked",
          date: new Date().toUTCString(),
          enclosure: feeds.url("/player-check.wav"),
          extra: `<podcast:transcript url="${feeds.url("/player-check.json")}" type="application/json"/>`,
        },
      ],
    }),
  );
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await feeds?.close();
});

/** Adds a show as a reader does, and runs the crons until its insights are on the landing page
 * (which lists the newest three). */
async function addShowAndSummarize(feed: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}/settings`);
  await page.getByLabel("Missing a show? Paste its RSS feed address").fill(feeds.url(feed));
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.waitForURL(/saved=show-queued/);
  for (let round = 0; round < 5; round++) {
    await cron("/api/cron/ingest");
    await cron("/api/cron/summarize");
    await page.goto(`${baseUrl}/`);
    if ((await momentLink(page, title).count()) > 0) return;
  }
}

describe("the player", () => {
  it("a reader adds a show, and its insights get a Play the moment link", async () => {
    await signInThroughOutbox(page, baseUrl, `player-${stamp}@example.com`);
    await addShowAndSummarize("/player-check.xml", showTitle);
    const link = momentLink(page);
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute("data-play-src")).toBe(feeds.url("/player-check.wav"));
    expect(await link.getAttribute("data-play-show")).toBe(showTitle);
    // No soundbites in that feed: the moment plays on.
    expect(await link.getAttribute("data-play-end")).toBeNull();
  });

  it("plays the moment in place from the insight's second", async () => {
    await page.goto(`${baseUrl}/`);
    const link = momentLink(page);
    const start = Number(await link.getAttribute("data-play-start"));
    expect(await link.getAttribute("href")).toBe(`${feeds.url("/player-check.wav")}#t=${start}`);
    await link.click();
    await waitPlaying(page);
    expect(page.url()).toBe(`${baseUrl}/`); // no new tab, no navigation
    expect(context.pages()).toHaveLength(1);
    const state = await audioState(page);
    expect(state.paused).toBe(false);
    expect(Math.abs(state.time - start)).toBeLessThan(1.5);
    const bar = page.getByRole("region", { name: "Audio player" });
    expect(await bar.innerText()).toContain("Caffeine, checked");
    // The page ends above the bar.
    const padding = await page.evaluate(() => Number.parseFloat(document.body.style.paddingBottom));
    expect(padding).toBeGreaterThanOrEqual((await bar.boundingBox())?.height ?? 1);
    await page.screenshot({ path: "test-results/player-open-desktop.png" });
  });

  it("keeps playing across a page change", async () => {
    await page.evaluate(() => {
      const audio = document.querySelector("audio[data-player-audio]") as HTMLAudioElement & {
        testTag?: string;
      };
      audio.testTag = "the same element";
    });
    const before = await audioState(page);
    await page
      .locator("article[data-card]", { hasText: showTitle })
      .first()
      .locator("h2 a")
      .click();
    await page.waitForURL(/\/insights\/[0-9a-f-]{36}$/);
    await page.waitForTimeout(1200);
    const after = await audioState(page);
    expect(after.tagged).toBe("the same element");
    expect(after.paused).toBe(false);
    expect(after.time).toBeGreaterThan(before.time);
    // The insight's own page has the link too.
    expect(await page.getByRole("link", { name: /^Play the moment \(\d+:\d\d\)$/ }).count()).toBe(
      1,
    );
  });

  it("goes back and forward 15 s, changes speed, and pauses with p", async () => {
    const bar = page.getByRole("region", { name: "Audio player" });
    const before = (await audioState(page)).time;
    await bar.getByRole("button", { name: "Forward 15 seconds" }).click();
    expect((await audioState(page)).time).toBeGreaterThanOrEqual(before + 14);
    const ahead = (await audioState(page)).time;
    await bar.getByRole("button", { name: "Back 15 seconds" }).click();
    expect((await audioState(page)).time).toBeLessThan(ahead - 13);

    await bar.getByRole("button", { name: "Speed 1×, change" }).click();
    expect((await audioState(page)).rate).toBe(1.25);
    await bar.getByRole("button", { name: "Speed 1.25×, change" }).waitFor();

    await page.locator("h1").click(); // focus out of the bar
    await page.keyboard.press("p");
    await page.waitForFunction(
      () => document.querySelector<HTMLAudioElement>("audio[data-player-audio]")?.paused === true,
    );
    await bar.getByRole("button", { name: "Play", exact: true }).waitFor();
    await page.keyboard.press("p");
    await waitPlaying(page);
    await bar.getByRole("button", { name: "Pause", exact: true }).waitFor();
  });

  it("closes, and the page gets its bottom back", async () => {
    await page.getByRole("button", { name: "Close the player" }).click();
    expect(await page.getByRole("region", { name: "Audio player" }).count()).toBe(0);
    expect((await audioState(page)).paused).toBe(true);
    expect(await page.evaluate(() => document.body.style.paddingBottom)).toBe("");
  });

  it("is accessible open, at 390 px, light and dark", async () => {
    await expectAccessible(page, `${baseUrl}/`, async (p) => {
      await momentLink(p).click();
      await waitPlaying(p);
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/`);
    await momentLink(page).click();
    await waitPlaying(page);
    await page.screenshot({ path: "test-results/player-open-390.png" });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: "test-results/player-open-390-dark.png" });
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it("plays a moment inside a soundbite to the soundbite's end, and on when played again", async () => {
    await serveBiteShow();
    await addShowAndSummarize("/bite-check.xml", biteShowTitle);
    const link = momentLink(page, biteShowTitle);
    const start = Number(await link.getAttribute("data-play-start"));
    const end = Number(await link.getAttribute("data-play-end"));
    // The bite holding the moment: [k·20 + 0.5, k·20 + 20.5) ends at a whole second, floored.
    expect(end).toBe(Math.floor(Math.floor((start - 0.5) / BITE_SECONDS) * BITE_SECONDS + 20.5));
    expect(end).toBeGreaterThan(start);
    await link.click();
    await waitPlaying(page);
    // Near the end of the bite rather than waiting out up to 20 s of silence.
    await page.evaluate((to) => {
      const audio = document.querySelector("audio[data-player-audio]") as HTMLAudioElement;
      audio.currentTime = to;
    }, end - 0.8);
    await page.waitForFunction(
      () => document.querySelector<HTMLAudioElement>("audio[data-player-audio]")?.paused === true,
    );
    const stopped = await audioState(page);
    expect(stopped.time).toBeGreaterThanOrEqual(end);
    expect(stopped.time).toBeLessThan(end + 1);
    const bar = page.getByRole("region", { name: "Audio player" });
    await bar.getByRole("button", { name: "Play", exact: true }).click();
    await page.waitForTimeout(1200);
    const after = await audioState(page);
    expect(after.paused).toBe(false);
    expect(after.time).toBeGreaterThan(stopped.time + 0.5);
    await bar.getByRole("button", { name: "Close the player" }).click();
  });

  it("plays for a signed-out visitor too, on the cached public page and under its policy", async () => {
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    const refused: string[] = [];
    visitor.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const response = await visitor.goto(`${baseUrl}/`);
    expect(response?.headers()["content-security-policy"]).toContain("media-src 'self' https:");
    await momentLink(visitor, anyTestShow).click();
    await waitPlaying(visitor);
    expect(refused).toEqual([]);
    await visitorContext.close();
  });

  it("says in the bar when an episode's audio cannot be loaded, with its address", async () => {
    // The show's host answers its audio address with a web page for a while (a fresh context, so
    // nothing of the audio is cached).
    const audioPaths = {
      "/player-check.wav": "brain-science-25",
      "/bite-check.wav": "brain-science-30",
    };
    for (const path of Object.keys(audioPaths)) {
      feeds.serve(path, "<html><body>Not audio</body></html>", "text/html");
    }
    const visitorContext = await browser.newContext();
    try {
      const visitor = await visitorContext.newPage();
      await visitor.goto(`${baseUrl}/`);
      const moment = momentLink(visitor, anyTestShow);
      const src = await moment.getAttribute("data-play-src");
      await moment.click();
      const error = visitor.locator("[data-player-error]");
      await error.waitFor({ timeout: 20_000 });
      expect(await error.innerText()).toMatch(/could not be (loaded|played)/);
      expect(await error.getByRole("link").getAttribute("href")).toBe(src);
      expect(visitor.url()).toBe(`${baseUrl}/`);
    } finally {
      await visitorContext.close();
      for (const [path, transcript] of Object.entries(audioPaths)) {
        const { seconds } = await timedTranscript(transcript);
        feeds.route(path, servesRanges(silentWav(seconds)));
      }
    }
  });

  it("without JavaScript, the link opens the audio at the moment's second", async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const visitor = await plain.newPage();
    await visitor.goto(`${baseUrl}/`);
    const link = momentLink(visitor, anyTestShow);
    const start = await link.getAttribute("data-play-start");
    expect(await link.getAttribute("href")).toMatch(new RegExp(`\\.wav#t=${start}$`));
    expect(await link.getAttribute("target")).toBe("_blank");
    await plain.close();
  });
});
