import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type FeedServer, rssFeed, startFeedServer } from "../support/feed-server";
import { expectAccessible } from "./accessibility";
import { launchBrowser, screenshot } from "./browser";
import { DIRECTORY_BROKEN_SHOW, DIRECTORY_DOWN_WORD, DIRECTORY_SHOW } from "./directory";
import { E2E_CRON_SECRET } from "./server";
import { signInThroughOutbox } from "./sign-in";

// A reader finds a show by name on /podcasts (results from the fake directory the e2e server is
// set to, tests/e2e/directory.ts), adds and follows it, and uploads another app's OPML export.

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let feeds: FeedServer;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  feeds = await startFeedServer();
  await signInThroughOutbox(page, baseUrl, `searcher-${Date.now()}@example.com`);
});
afterAll(async () => {
  await browser?.close();
  // The shows added here are checked and their episodes summarized now, while their feeds still
  // answer: a later test's ingest and summarize runs then find only their own work.
  const cron = async (path: string) =>
    (
      await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } })
    ).json();
  await cron("/api/cron/ingest");
  for (let slice = 0; slice < 5 && (await cron("/api/cron/summarize")).episodes > 0; slice++) {}
  await feeds?.close();
});

const searchBox = () => page.getByLabel("Find a show by name");

describe("show search on /podcasts", () => {
  it("shows the directory's results as the reader types, with author and episode count", async () => {
    await page.goto(`${baseUrl}/podcasts`);
    await searchBox().pressSequentially("orbital", { delay: 30 });
    await page.getByText("2 shows found for “orbital”.").waitFor();
    const results = page.locator("main ul").first().locator("li");
    expect(await results.count()).toBe(2);
    const first = await results.first().innerText();
    expect(first).toContain(DIRECTORY_SHOW);
    expect(first).toContain("Vera Launch");
    expect(first).toContain("1 episode");
    await screenshot(page, "podcasts-show-search");
  });

  it("adds and follows a result; one whose feed cannot be read says why", async () => {
    await page.getByRole("button", { name: `Add and follow ${DIRECTORY_SHOW}` }).click();
    await page.getByText("Added and followed.").waitFor();
    await page.getByRole("button", { name: `Add and follow ${DIRECTORY_BROKEN_SHOW}` }).click();
    const refusal = page.getByRole("alert").filter({ hasText: /./ }).first();
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/\w+ \w+/);
    expect(await page.locator("body").innerText()).not.toMatch(/Error:|at \S+:\d+/);

    // Searched again (this time rendered by the server): in Podbrief, and followed.
    await page.goto(`${baseUrl}/podcasts?q=orbital`);
    const unfollow = page.getByRole("button", { name: `✓ Following ${DIRECTORY_SHOW}` });
    expect(await unfollow.getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByText("Already in Podbrief").count()).toBe(1);
    // Listed once: the directory's copy of it is merged into the catalog's.
    expect(
      await page.getByRole("button", { name: `Add and follow ${DIRECTORY_SHOW}` }).count(),
    ).toBe(0);
    const row = page.locator("main li", {
      has: page.getByRole("heading", { name: DIRECTORY_SHOW }),
    });
    expect(await row.getByRole("link", { name: DIRECTORY_SHOW }).getAttribute("href")).toMatch(
      /^\/shows\/[0-9a-f-]{36}$/,
    );
  });

  it("a directory that is down gives a message, and the catalog's shows still show", async () => {
    await page.goto(`${baseUrl}/podcasts`);
    await searchBox().fill(DIRECTORY_DOWN_WORD);
    await page.getByText(/is not answering right now/).waitFor();
    expect(
      await page.getByRole("button", { name: /^(✓ Following|Follow) The Changelog$/ }).count(),
    ).toBe(1);
  });

  it("uploads an OPML file: readable shows added, the others named", async () => {
    feeds.serve(
      "/moved.xml",
      rssFeed({ title: "Moved Over Show", items: [{ guid: "m1", title: "M" }] }),
    );
    const dir = await mkdtemp(path.join(tmpdir(), "opml-"));
    const file = path.join(dir, "subscriptions.opml");
    await writeFile(
      file,
      `<?xml version="1.0"?><opml version="2.0"><head><title>From my app</title></head><body>
<outline type="rss" text="Moved" xmlUrl="${feeds.url("/moved.xml")}"/>
<outline type="rss" text="Missing" xmlUrl="${feeds.url("/missing.xml")}"/>
</body></opml>`,
    );
    await page.goto(`${baseUrl}/podcasts`);
    await page.getByLabel(/Upload its OPML export/).setInputFiles(file);
    await page.getByRole("button", { name: "Import shows" }).click();
    const status = page.getByText(/^Added 1 show\./);
    await status.waitFor();
    expect(await status.innerText()).toContain(
      `1 could not be read: ${feeds.url("/missing.xml")}: `,
    );
    await page.goto(`${baseUrl}/podcasts?q=moved`);
    await page.getByRole("button", { name: "✓ Following Moved Over Show" }).waitFor();
  });
});

describe("the pages with the show search pass the accessibility checks", () => {
  it("/podcasts with results", async () => {
    await expectAccessible(page, `${baseUrl}/podcasts?q=orbital`);
  });
  it("/onboarding with results", async () => {
    await expectAccessible(page, `${baseUrl}/onboarding?find=orbital`);
    await page.goto(`${baseUrl}/onboarding?find=orbital`);
    await screenshot(page, "onboarding-show-search");
  });
  it("/settings with results", async () => {
    await expectAccessible(page, `${baseUrl}/settings?find=${DIRECTORY_DOWN_WORD}`);
  });
});
