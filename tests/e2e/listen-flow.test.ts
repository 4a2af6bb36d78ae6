import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { DIRECTORY_AUDIO_SHOW } from "./directory";
import { E2E_CRON_SECRET } from "./server";
import { signInThroughOutbox } from "./sign-in";

// The whole way a new reader comes to hear a moment: search a show by name (the fake directory,
// tests/e2e/directory.ts), follow it, open its page and an episode's page, press "Play the moment"
// there, and keep listening while moving to another page. The episode's audio is a silent WAV
// served from 127.0.0.1 with range requests.

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;

const cron = async (path: string) =>
  (
    await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } })
  ).json();

const audioState = () =>
  page.evaluate(() => {
    const audio = document.querySelector<HTMLAudioElement>("audio[data-player-audio]");
    return {
      time: audio?.currentTime ?? -1,
      paused: audio?.paused ?? true,
      tag: (audio as (HTMLAudioElement & { flowTag?: string }) | null)?.flowTag ?? null,
    };
  });

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.setDefaultTimeout(15_000);
  await signInThroughOutbox(page, baseUrl, `listener-${Date.now()}@example.com`);
});
afterAll(async () => {
  await browser?.close();
});

describe("search a show, follow it, play a moment from its episode page", () => {
  it("finds the show by name and follows it", async () => {
    await page.goto(`${baseUrl}/podcasts`);
    await page.getByLabel("Find a show by name").pressSequentially("listening", { delay: 30 });
    await page.getByRole("button", { name: `Add and follow ${DIRECTORY_AUDIO_SHOW}` }).click();
    await page.getByText("Added and followed.").waitFor();
  });

  it("opens the show's page and its episode's page once the episode is summarized", async () => {
    let episodeLinks = 0;
    for (let round = 0; round < 6 && episodeLinks === 0; round++) {
      await cron("/api/cron/ingest");
      await cron("/api/cron/summarize");
      await page.goto(`${baseUrl}/podcasts?q=listening`);
      await page.getByRole("link", { name: DIRECTORY_AUDIO_SHOW, exact: true }).first().click();
      await page.waitForURL(/\/shows\/[0-9a-f-]{36}$/);
      episodeLinks = await page.locator('main a[href^="/episodes/"]').count();
    }
    expect(await page.getByRole("button", { name: /Following|Unfollow/ }).count()).toBeGreaterThan(
      0,
    );
    await page.locator('main a[href^="/episodes/"]').first().click();
    await page.waitForURL(/\/episodes\/[0-9a-f-]{36}$/);
    expect(await page.locator("h1").innerText()).toBe("Sleep, attention and the working day");
  });

  it("plays the moment in place from the insight's second", async () => {
    const moment = page.getByRole("link", { name: /^Play the moment \(\d+:\d\d\)$/ }).first();
    const second = Number(await moment.getAttribute("data-play-start"));
    expect(second).toBeGreaterThan(0);
    await moment.click();
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>("audio[data-player-audio]");
      return audio !== null && !audio.paused && audio.readyState >= 2;
    });
    const state = await audioState();
    expect(state.paused).toBe(false);
    expect(Math.abs(state.time - second)).toBeLessThan(1.5);
    expect(page.url()).toMatch(/\/episodes\//); // played here, not opened as a file
    // The viewport only: a full-page capture draws the fixed player bar mid-page.
    await page.screenshot({ path: "test-results/listen-flow-episode-playing.png" });
  });

  it("keeps playing across a navigation to the show's page", async () => {
    await page.evaluate(() => {
      const audio = document.querySelector("audio[data-player-audio]") as
        | (HTMLAudioElement & { flowTag?: string })
        | null;
      if (audio) audio.flowTag = "same element";
    });
    const before = await audioState();
    await page.locator('main a[href^="/shows/"]').first().click();
    await page.waitForURL(/\/shows\/[0-9a-f-]{36}$/);
    await page.waitForTimeout(1_200);
    const after = await audioState();
    expect(after.tag).toBe("same element");
    expect(after.paused).toBe(false);
    expect(after.time).toBeGreaterThan(before.time + 0.5);
    await page.getByRole("button", { name: "Close the player" }).click();
  });
});
