import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signInThroughOutbox } from "./sign-in";

// The reader's forms are server actions posted by plain HTML forms, so they work with JavaScript
// off; and an action posted without a session is refused and changes nothing.

const baseUrl = inject("baseUrl");
const email = `nojs-${Date.now()}@example.com`;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
});

describe("a reader with JavaScript off", () => {
  let saveForm = new URLSearchParams();

  it("signs in, onboards and saves an insight from the feed", async () => {
    await signInThroughOutbox(page, baseUrl, email);
    await page.waitForURL(/\/onboarding$/);

    await page.getByText("Product", { exact: true }).click();
    await page.getByRole("button", { name: "Save and show my feed" }).click();
    await page.waitForURL(/\/feed$/);
    const card = page.locator("article[data-card]").first();
    expect(await card.locator("p").first().innerText()).toBe("Because you follow Product");

    // Keep the form's fields: the same post is replayed without a session below.
    saveForm = new URLSearchParams(
      await card
        .locator("form")
        .evaluate((form) =>
          [...new FormData(form as HTMLFormElement)].map(([k, v]) => [k, String(v)]),
        ),
    );
    saveForm.set("intent", "save");
    await card.getByRole("button", { name: "☆ Save" }).click();
    await page.waitForLoadState();
    expect(
      await page
        .locator("article[data-card]")
        .first()
        .getByRole("button", { name: "★ Saved" })
        .count(),
    ).toBe(1);
  });

  it("a save posted without a session is refused and saves nothing", async () => {
    expect([...saveForm.keys()].some((key) => key.startsWith("$ACTION"))).toBe(true);
    // As a browser posts it: multipart form data, no cookie.
    const body = new FormData();
    for (const [key, value] of saveForm) body.append(key, value);
    const response = await fetch(`${baseUrl}/feed`, { method: "POST", body, redirect: "manual" });
    const location = response.headers.get("location") ?? "";
    expect(location).toContain("error=Sign+in+to+do+that");

    // The reader's library still holds the one insight they saved themselves.
    await page.goto(`${baseUrl}/saved`);
    expect(await page.locator("article[data-card]").count()).toBe(1);
  });
});
