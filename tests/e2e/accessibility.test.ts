import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { expectAccessible } from "./accessibility";
import { launchBrowser } from "./browser";

// The pages a signed-out visitor reaches, through the checks in ./accessibility.

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("public pages pass the accessibility checks at 390 px, light and dark", () => {
  it("the landing page", async () => {
    await expectAccessible(page, `${baseUrl}/`);
  });
  it("the feed", async () => {
    await expectAccessible(page, `${baseUrl}/feed`);
  });
  it("an insight", async () => {
    await page.goto(`${baseUrl}/feed`);
    const href = await page.locator("article[data-card] h2 a").first().getAttribute("href");
    await expectAccessible(page, `${baseUrl}${href}`);
  });
});
