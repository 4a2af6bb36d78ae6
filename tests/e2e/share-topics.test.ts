import { mkdir, writeFile } from "node:fs/promises";
import { XMLParser } from "fast-xml-parser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "./accessibility";
import { launchBrowser, screenshot } from "./browser";
import { signInThroughOutbox } from "./sign-in";

// Sharing an insight (the share button, the card image a shared link unfurls as) and the topic
// pages with their feeds, signed out and in.

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function insightPath(): Promise<string> {
  const html = await (await fetch(`${baseUrl}/feed`)).text();
  const path = html.match(/\/insights\/[0-9a-f-]{36}/)?.[0];
  if (!path) throw new Error("the public feed links to no insight");
  return path;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const metaContent = (html: string, key: string) =>
  html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];

describe("an insight's card image", () => {
  it("is a 1200×630 PNG, served to a signed-out visitor", async () => {
    const response = await fetch(`${baseUrl}${await insightPath()}/opengraph-image`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toContain("public");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    await mkdir("test-results", { recursive: true });
    await writeFile("test-results/og-insight-card.png", bytes);
  });

  it.each(["00000000-0000-4000-8000-000000000000", "not-an-id"])(
    "is not found for the insight %s",
    async (id) => {
      const response = await fetch(`${baseUrl}/insights/${id}/opengraph-image`);
      expect(response.status).toBe(404);
    },
  );

  it("is named, absolute, by the signed-out page and the reader's page", async () => {
    const path = await insightPath();
    const publicHtml = await (await fetch(`${baseUrl}${path}`)).text();
    const publicImage = metaContent(publicHtml, "og:image");
    expect(publicImage).toMatch(new RegExp(`^${baseUrl}${path}/opengraph-image(\\?.*)?$`));
    expect(metaContent(publicHtml, "twitter:card")).toBe("summary_large_image");
    expect(metaContent(publicHtml, "og:image:width")).toBe("1200");

    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughOutbox(page, baseUrl, "og-reader@example.com");
    await page.goto(`${baseUrl}${path}`);
    const readerImage = await page
      .locator('meta[property="og:image"]')
      .first()
      .getAttribute("content");
    expect(readerImage).toMatch(new RegExp(`^${baseUrl}${path}/opengraph-image(\\?.*)?$`));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/insight-share-390.png" });
    const image = await fetch(readerImage as string);
    expect(image.headers.get("content-type")).toBe("image/png");
    await context.close();
  });
});

describe("the share button", () => {
  it("copies the insight's absolute address and says so", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/feed`);
    const card = page.locator("article[data-card]").first();
    const href = await card.locator("h2 a").getAttribute("href");
    const share = card.getByRole("link", { name: "Share" });
    // Without JavaScript it is a link to the insight's page.
    expect(await share.getAttribute("href")).toBe(`${baseUrl}${href}`);
    await share.click();
    await expect.poll(() => card.getByText("Link copied").count()).toBe(1);
    expect(page.url()).toBe(`${baseUrl}/feed`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl}${href}`);
    await context.close();
  });
});

async function openTopicFromChip(page: Page): Promise<{ slug: string; label: string }> {
  await page.goto(`${baseUrl}${await insightPath()}`);
  const chip = page.getByRole("list", { name: "Topics" }).getByRole("link").first();
  const label = await chip.innerText();
  await chip.click();
  await page.waitForURL(/\/topics\/[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2] as string;
  expect(await page.locator("h1").innerText()).toBe(label);
  return { slug, label };
}

describe("a topic's page", () => {
  it("opens from a chip, lists insights on the topic, and links its feed", async () => {
    const page = await browser.newPage();
    const { slug, label } = await openTopicFromChip(page);
    const cards = page.locator("article[data-card]");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of (await cards.all()).slice(0, 5)) {
      expect(await card.getByRole("list", { name: "Topics" }).innerText()).toContain(label);
    }
    const alternate = page.locator('link[rel="alternate"][type="application/rss+xml"]');
    const feedUrl = await alternate.getAttribute("href");
    expect(feedUrl).toBe(`${baseUrl}/topics/${slug}/feed.xml`);
    expect(await page.getByRole("link", { name: `Sign in to follow ${label}` }).count()).toBe(1);
    await screenshot(page, "topic-signed-out");

    const feed = await fetch(feedUrl as string);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("application/rss+xml");
    expect(feed.headers.get("cache-control")).toContain("public");
    const doc = new XMLParser({ ignoreAttributes: false }).parse(await feed.text());
    const items = [doc.rss.channel.item].flat();
    expect(items.length).toBe(Math.min(await cards.count(), 20));
    for (const item of items) expect(item.link).toMatch(new RegExp(`^${baseUrl}/insights/`));
    await page.close();
  });

  it("is served from the cache to a signed-out visitor, and an unknown topic is not found", async () => {
    const path = "/topics/startups";
    await fetch(`${baseUrl}${path}`);
    const again = await fetch(`${baseUrl}${path}`);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-nextjs-cache")).toBe("HIT");
    expect((await fetch(`${baseUrl}/topics/astrology`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/topics/astrology/feed.xml`)).status).toBe(404);
  });

  it("lets a signed-in reader follow and unfollow the topic from it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughOutbox(page, baseUrl, "topic-reader@example.com");
    const { label } = await openTopicFromChip(page);
    await page.getByRole("button", { name: `Follow ${label}` }).click();
    const following = page.getByRole("button", { name: `Following ${label} ✓` });
    await following.waitFor();
    expect(await following.getAttribute("aria-pressed")).toBe("true");
    await screenshot(page, "topic-following");
    await page.reload();
    await following.click();
    await page.getByRole("button", { name: `Follow ${label}` }).waitFor();
    await context.close();
  });

  it("passes the accessibility checks at 390 px, light and dark", async () => {
    const page = await browser.newPage();
    await expectAccessible(page, `${baseUrl}/topics/startups`);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${baseUrl}/topics/startups`);
      await page.screenshot({ path: `test-results/topic-390-${colorScheme}.png` });
    }
    await page.close();
  });
});
