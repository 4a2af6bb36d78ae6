import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "./accessibility";
import { launchBrowser, screenshot } from "./browser";
import { signInThroughOutbox } from "./sign-in";

// A show's page and an episode's page, reached from a card in the feed: what they show, the
// accessibility checks, the transcript's search with JavaScript off, the artwork from our own
// route, the cache for signed-out visitors, and following a show from its page.

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let showPath = "";
let episodePath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${baseUrl}/feed`);
  const card = page.locator("article[data-card]").first();
  showPath = (await card.locator('.card-source a[href^="/shows/"]').getAttribute("href")) ?? "";
  episodePath = (await card.locator('.card-meta a[href^="/episodes/"]').getAttribute("href")) ?? "";
});
afterAll(async () => {
  await browser?.close();
});

describe("from a card in the feed", () => {
  it("links the show and the episode", () => {
    expect(showPath).toMatch(/^\/shows\/[0-9a-f-]{36}$/);
    expect(episodePath).toMatch(/^\/episodes\/[0-9a-f-]{36}$/);
  });

  it("opens the show's page: title, last check, episodes with their insights", async () => {
    await page.goto(`${baseUrl}${showPath}`);
    expect(await page.title()).not.toBe("Show not found");
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.not.toBe("");
    await expect(page.getByRole("heading", { name: "Last check" }).count()).resolves.toBe(1);
    const episode = page.locator(`a[href="${episodePath}"]`);
    expect(await episode.count()).toBe(1);
    expect(await page.locator('main a[href^="/insights/"]').count()).toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: "Sign in to follow" }).count()).resolves.toBe(1);
    // The artwork is our own route's (a drawn initial for the demo shows), and it loads.
    const artwork = page.locator("main img").first();
    expect(await artwork.getAttribute("src")).toBe(`/api/artwork/${showPath.split("/")[2]}`);
    expect(
      await artwork.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    ).toBeGreaterThan(0);
    await screenshot(page, "show-page");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: "dark" });
    try {
      await screenshot(page, "show-page-390-dark");
    } finally {
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("opens the episode's page: insights in order, the transcript with speakers and times", async () => {
    await page.goto(`${baseUrl}${episodePath}`);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.not.toBe("");
    await expect(page.getByRole("heading", { name: "Insights" }).count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { name: "Transcript" }).count()).resolves.toBe(1);
    expect(await page.locator(`main a[href="${showPath}"]`).count()).toBeGreaterThan(0);
    const insights = page.locator('section[aria-labelledby="insights-heading"] li');
    expect(await insights.count()).toBeGreaterThan(0);
    // An insight whose passage was found links down to it, and the passage is marked.
    const down = page.getByRole("link", { name: "↓ In the transcript" }).first();
    if ((await down.count()) > 0) {
      const anchor = (await down.getAttribute("href"))?.slice(1) ?? "";
      expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
    }
    // The page is long (a whole transcript): its top, and at a phone's width the first passage.
    await page.screenshot({ path: "test-results/episode-page.png", timeout: 30_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const passage = await page
        .getByRole("link", { name: "↓ In the transcript" })
        .first()
        .getAttribute("href");
      await page.goto(`${baseUrl}${episodePath}${passage ?? ""}`);
      await page.screenshot({ path: "test-results/episode-passage-390.png", timeout: 30_000 });
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("passes the accessibility checks at 390 px, light and dark", async () => {
    await expectAccessible(page, `${baseUrl}${showPath}`);
    await expectAccessible(page, `${baseUrl}${episodePath}`);
    await expectAccessible(page, `${baseUrl}${episodePath}?q=the`);
  });
});

describe("the transcript's search, with JavaScript off", () => {
  it("is a GET: the lines that say it, the words marked, and a way back", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const noJs = await context.newPage();
      await noJs.goto(`${baseUrl}${episodePath}`);
      const lines = noJs.locator("p[data-line]");
      const all = await lines.count();
      // A word the transcript says: the longest of a line in its middle.
      const text = await lines
        .nth(Math.floor(all / 2))
        .locator("[data-text]")
        .innerText();
      const word = (text.match(/\p{L}+/gu) ?? []).sort((a, b) => b.length - a.length)[0] ?? "";
      expect(word.length).toBeGreaterThan(3);
      await noJs.getByLabel("Search the transcript").fill(word);
      await noJs.getByRole("button", { name: "Search" }).click();
      await noJs.waitForURL((url) => url.searchParams.get("q") === word);
      const status = await noJs.getByRole("status").innerText();
      expect(status).toMatch(new RegExp(`^\\d+ lines? says? “${word}”`));
      const marks = await noJs.locator("mark").allInnerTexts();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => m.toLowerCase() === word.toLowerCase())).toBe(true);
      const shown = await lines.count();
      expect(shown).toBeLessThan(all);
      await noJs.screenshot({ path: "test-results/episode-search.png", timeout: 30_000 });
      await noJs.getByRole("link", { name: "Show the whole transcript" }).click();
      await noJs.waitForURL((url) => url.search === "");
    } finally {
      await context.close();
    }
  });
});

describe("the transcript's search, with JavaScript on", () => {
  it("narrows the lines on the page as the reader types", async () => {
    await page.goto(`${baseUrl}${episodePath}`);
    const lines = page.locator("p[data-line]");
    const all = await lines.count();
    const text = await lines
      .nth(Math.floor(all / 3))
      .locator("[data-text]")
      .innerText();
    const word = (text.match(/\p{L}+/gu) ?? []).sort((a, b) => b.length - a.length)[0] ?? "";
    await page.getByLabel("Search the transcript").fill(word);
    await page.waitForFunction(
      (count) => document.querySelectorAll("p[data-line]:not([hidden])").length < count,
      all,
    );
    const shown = await page.locator("p[data-line]:not([hidden]) [data-text]").allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((line) => line.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    // Emptied, the whole transcript is back.
    await page.getByLabel("Search the transcript").fill("");
    await page.waitForFunction(
      (count) => document.querySelectorAll("p[data-line]:not([hidden])").length === count,
      all,
    );
  });
});

describe("served to a signed-out visitor", () => {
  it.each(["show", "episode"])("from the cache: the %s page", async (which) => {
    const path = which === "show" ? showPath : episodePath;
    await fetch(`${baseUrl}${path}`);
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(response.headers.get("content-security-policy")).not.toContain("nonce-");
  });

  it.each([
    "/shows/00000000-0000-4000-8000-000000000000",
    "/shows/not-an-id",
    "/episodes/00000000-0000-4000-8000-000000000000",
    "/episodes/%27%3B%20drop",
    "/episodes/00000000-0000-4000-8000-000000000000?q=%00",
  ])("says not found for %s, never a 500", async (path) => {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(404);
  });

  it("serves the artwork from our own address, cached, and 404 for no show", async () => {
    const id = showPath.split("/")[2];
    const response = await fetch(`${baseUrl}/api/artwork/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\//);
    expect(response.headers.get("cache-control")).toContain("public, max-age=");
    const etag = response.headers.get("etag") ?? "";
    const again = await fetch(`${baseUrl}/api/artwork/${id}`, {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${baseUrl}/api/artwork/nope`)).status).toBe(404);
  });
});

describe("a reader signed in", () => {
  it("follows and unfollows the show from its page", async () => {
    const context = await browser.newContext();
    try {
      const reader = await context.newPage();
      await signInThroughOutbox(reader, baseUrl, `shows-${Date.now()}@example.com`);
      await reader.goto(`${baseUrl}${showPath}`);
      await reader.getByRole("button", { name: "+ Follow" }).click();
      await reader.getByRole("button", { name: "✓ Following" }).waitFor();
      await reader.goto(`${baseUrl}${showPath}`);
      await reader.getByRole("button", { name: "✓ Following" }).click();
      await reader.getByRole("button", { name: "+ Follow" }).waitFor();
    } finally {
      await context.close();
    }
  });
});
