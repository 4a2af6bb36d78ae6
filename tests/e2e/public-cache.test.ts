import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type FeedServer, startFeedServer } from "../support/feed-server";
import { launchBrowser, screenshot } from "./browser";
import { E2E_CRON_SECRET } from "./server";
import { signInThroughOutbox } from "./sign-in";

// The landing page, the feed and insight pages as a signed-out visitor gets them: rendered once,
// served from Next's cache (proxy.ts rewrites them to app/public), refreshed when a request
// stores what they show; and never a reader's own page from that cache.

const baseUrl = inject("baseUrl");
let browser: Browser;
let feeds: FeedServer;

beforeAll(async () => {
  browser = await launchBrowser();
  feeds = await startFeedServer();
});
afterAll(async () => {
  await browser?.close();
  await feeds?.close();
});

async function insightPath(): Promise<string> {
  const html = await (await fetch(`${baseUrl}/feed`)).text();
  const path = html.match(/\/insights\/[0-9a-f-]{36}/)?.[0];
  if (!path) throw new Error("the public feed links to no insight");
  return path;
}

describe("a signed-out visitor", () => {
  it.each(["/", "/feed", "insight"])(
    "gets %s from the cache, with no per-request nonce",
    async (which) => {
      const path = which === "insight" ? await insightPath() : which;
      await fetch(`${baseUrl}${path}`); // the first visit renders it (or finds it rendered)
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-nextjs-cache")).toBe("HIT");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self' 'unsafe-inline'");
      expect(csp).not.toContain("nonce-");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      const html = await response.text();
      expect(html).toContain("Get the brief");
      expect(html).not.toContain("Account menu");
    },
  );

  it("cannot reach the cached pages by their own address", async () => {
    for (const path of ["/public/feed", "/public/landing", "/public/insights/x"]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-security-policy")).toContain("'nonce-");
    }
  });

  it("gets a filtered feed rendered for the request, with the nonce policy", async () => {
    const response = await fetch(`${baseUrl}/feed?q=the`);
    expect(response.headers.get("x-nextjs-cache")).toBeNull();
    expect(response.headers.get("cache-control")).toContain("no-store");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(await response.text()).toMatch(/nonce="[A-Za-z0-9+/=]+"/);
  });

  it("with a cookie that names no session, gets the signed-out view rendered for them", async () => {
    const response = await fetch(`${baseUrl}/feed`, {
      headers: { cookie: "authjs.session-token=not-a-session" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-nextjs-cache")).toBeNull();
    expect(await response.text()).toContain("The best of this week");
  });

  it("runs the cached pages' scripts under their policy: a card's keys work, nothing is refused", async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${baseUrl}/feed`);
    // j moves to the first card (components/feed-keys.tsx): only hydrated pages answer keys.
    await page.keyboard.press("j");
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-card"));
    expect(refused).toEqual([]);
    await screenshot(page, "public-feed-cached");
    await page.close();
  });
});

describe("a reader", () => {
  it("never gets the cached page; a show they add reaches the cached pages once summarized", async () => {
    // A new show with one episode of today, whose transcript is one of the demo's.
    const stamp = Date.now();
    const title = `Cache Check Show ${stamp}`;
    const address = feeds.url(`/cache-check-${stamp}.xml`);
    const transcript = feeds.url(`/cache-check-${stamp}.md`);
    feeds.serve(
      new URL(transcript).pathname,
      await readFile("lib/demo/feeds/transcripts/brain-science-25.md", "utf8"),
      "text/markdown",
    );
    feeds.serve(
      new URL(address).pathname,
      `<?xml version="1.0"?>
      <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
        <title>${title}</title><link>https://example.com/</link><description>For the cache test.</description>
        <item><guid isPermaLink="false">cache-check-${stamp}</guid><title>Cache check episode</title>
          <enclosure url="${feeds.url("/cache-check.mp3")}" length="0" type="audio/mpeg"/>
          <pubDate>${new Date().toUTCString()}</pubDate>
          <podcast:transcript url="${transcript}" type="text/markdown"/></item>
      </channel></rss>`,
      "application/rss+xml",
    );
    const before = await fetch(`${baseUrl}/`);
    expect(await before.text()).not.toContain(title);

    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInThroughOutbox(page, baseUrl, `cache-${stamp}@example.com`);
    const own = await page.goto(`${baseUrl}/`);
    expect(own?.headers()["x-nextjs-cache"]).toBeUndefined();
    expect(own?.headers()["cache-control"]).toContain("private");
    expect(await page.getByRole("button", { name: "Account menu" }).count()).toBe(1);

    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel("Missing a show? Paste its RSS feed address").fill(address);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.waitForURL(/saved=show-queued/);
    await context.close();

    const cron = (path: string) =>
      fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });
    expect(await (await cron("/api/cron/ingest")).json()).toMatchObject({
      feedsChecked: 1,
      feedsFailed: 0,
      transcripts: 1,
    });
    const summarized = await (await cron("/api/cron/summarize")).json();
    expect(summarized).toMatchObject({ episodes: 1 });
    expect(summarized.insights).toBeGreaterThan(0);

    // The landing page lists the newest insights: without the refresh it would keep its cached
    // copy for five minutes.
    const after = await fetch(`${baseUrl}/`);
    expect(await after.text()).toContain(title);
  });
});
