import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";
import { E2E_CRON_SECRET } from "./server";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("/podcasts", () => {
  it("lists every show with its episode count and when it was checked", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/podcasts`);
    const shows = page.locator("main li");
    expect(await shows.count()).toBeGreaterThanOrEqual(3);
    expect(await shows.first().innerText()).toMatch(/\d+ episodes · checked /);
    await screenshot(page, "podcasts");
    await page.close();
  });
});

describe("/api/cron/summarize", () => {
  it("refuses a call without the secret, and runs a slice with it", async () => {
    const refused = await fetch(`${baseUrl}/api/cron/summarize`, { method: "POST" });
    expect(refused.status).toBe(401);
    const response = await fetch(`${baseUrl}/api/cron/summarize`, {
      method: "POST",
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(response.status).toBe(200);
    // The demo catalog was summarized at start-up: nothing is left to do.
    expect(await response.json()).toMatchObject({ episodes: 0, insights: 0, errors: [] });
  });
});

describe("/api/cron/ingest", () => {
  it.each([
    ["no Authorization header", undefined],
    ["a wrong secret", "Bearer not-the-secret"],
    ["the secret without Bearer", E2E_CRON_SECRET],
  ])("refuses %s with 401", async (_case, authorization) => {
    const response = await fetch(`${baseUrl}/api/cron/ingest`, {
      method: "POST",
      headers: authorization ? { authorization } : {},
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthorized" });
  });

  it("runs a slice with the secret and returns the summary", async () => {
    const response = await fetch(`${baseUrl}/api/cron/ingest`, {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ feedsChecked: 0, newEpisodes: 0, errors: [] });
  });
});
