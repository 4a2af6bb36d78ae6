import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";

// The reader's whole day one, in Chromium against `next start` on a fresh embedded database:
// sign up through the outbox link, onboard with Leadership, read the feed, open, save, tag,
// filter the library, export, sign out.

const baseUrl = inject("baseUrl");
const email = `reader-${Date.now()}@example.com`;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
});

/** The sign-in link in the newest outbox email to `to`. */
async function signInLinkFor(to: string): Promise<string> {
  await page.goto(`${baseUrl}/dev/outbox`);
  await page
    .getByRole("link", { name: new RegExp(`to ${to.replace(/[.+]/g, "\\$&")}`) })
    .first()
    .click();
  await page.waitForURL(/\/dev\/outbox\/[0-9a-f-]{36}$/);
  const text = await page.locator("pre").innerText();
  const link = text.match(/https?:\/\/\S+\/signin\/confirm\?\S+/)?.[0];
  if (!link) throw new Error(`no sign-in link in the email:\n${text}`);
  return link;
}

describe("a new reader", () => {
  let link = "";
  let headline = "";

  it("asks for a sign-in link and finds it in the outbox", async () => {
    await page.goto(`${baseUrl}/signin`);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.waitForURL(/\/signin\/check-email$/);
    expect(await page.locator("h1").innerText()).toBe("Check your email");
    await screenshot(page, "reader-01-check-email");

    link = await signInLinkFor(email);
    expect(new URL(link).origin).toBe(baseUrl);
    expect(await page.getByText("List-Unsubscribe").count()).toBe(0);
    await screenshot(page, "reader-02-outbox");
  });

  it("opens the link, confirms with the button, and lands on onboarding", async () => {
    await page.goto(link);
    // Opening the link alone signs nobody in: a mail scanner's fetch cannot use the token.
    expect(await page.locator("h1").innerText()).toBe("Sign in to Podbrief");
    await screenshot(page, "reader-03-confirm");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/onboarding$/);
    expect(await page.getByRole("button", { name: "Account menu" }).count()).toBe(1);
  });

  it("onboards with the topic Leadership", async () => {
    await page.getByText("Leadership", { exact: true }).click();
    expect(await page.getByRole("checkbox", { name: "Leadership" }).isChecked()).toBe(true);
    expect(await page.locator("#timeZone").inputValue()).not.toBe("");
    await screenshot(page, "reader-04-onboarding");
    await page.getByRole("button", { name: "Save and show my feed" }).click();
    await page.waitForURL(/\/feed$/);
  });

  it("sees leadership insights first, each saying why it is there", async () => {
    expect(await page.locator("h1").innerText()).toBe("Your feed");
    const cards = page.locator("article[data-card]");
    expect(await cards.count()).toBeGreaterThan(3);
    for (const card of (await cards.all()).slice(0, 3)) {
      expect(await card.locator("p").first().innerText()).toBe("Because you follow Leadership");
      expect(await card.getByRole("list", { name: "Topics" }).innerText()).toContain("Leadership");
    }
    await screenshot(page, "reader-05-feed");
  });

  it("moves through the feed with j / k and saves with s", async () => {
    const cards = page.locator("article[data-card]");
    await page.keyboard.press("j");
    expect(await cards.nth(0).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("j");
    expect(await cards.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("k");
    expect(await cards.nth(0).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("s");
    await cards.nth(0).getByRole("button", { name: "★ Saved" }).waitFor();
    // Unsave again, so the rest of the story starts from an empty library.
    await cards.nth(0).getByRole("button", { name: "★ Saved" }).click();
    await cards.nth(0).getByRole("button", { name: "☆ Save" }).waitFor();
  });

  it("reads well on a 375 px phone and in dark mode", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ["/feed", "/settings", "/saved"]) {
      await page.goto(`${baseUrl}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(`${baseUrl}/feed`);
    await page.emulateMedia({ colorScheme: "dark" });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(250, 250, 249)");
    await page.screenshot({ path: "test-results/reader-05b-feed-mobile-dark.png" });
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${baseUrl}/feed`);
  });

  it("opens an insight on its own page", async () => {
    const first = page.locator("article[data-card] h2 a").first();
    headline = await first.innerText();
    await first.click();
    await page.waitForURL(/\/insights\/[0-9a-f-]{36}$/);
    expect(await page.locator("h1").innerText()).toBe(headline);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(headline);
    await screenshot(page, "reader-06-insight");
  });

  it("saves it and tags it to-try", async () => {
    await page.getByRole("button", { name: "☆ Save" }).click();
    await page.getByRole("button", { name: "★ Saved" }).waitFor();
    await page.getByLabel("Add a tag").fill("to-try");
    await page.getByRole("button", { name: "Add tag" }).click();
    await page.getByRole("link", { name: "#to-try" }).waitFor();
    await screenshot(page, "reader-07-saved-and-tagged");
  });

  it("filters the library by to-try and finds the insight", async () => {
    await page.goto(`${baseUrl}/saved`);
    await page
      .getByRole("navigation", { name: "Filter by tag" })
      .getByRole("link", { name: /#to-try/ })
      .click();
    await page.waitForURL(/\/saved\?tag=to-try$/);
    const cards = page.locator("article[data-card]");
    expect(await cards.count()).toBe(1);
    expect(await cards.locator("h2").innerText()).toBe(headline);
    await screenshot(page, "reader-08-library");
  });

  it("exports the library as Markdown and finds the insight in it", async () => {
    const markdown = await page.request.get(`${baseUrl}/saved/export/markdown`);
    expect(markdown.status()).toBe(200);
    const text = await markdown.text();
    expect(text).toContain(headline);
    expect(text).toContain("to-try");
    const zip = await page.request.get(`${baseUrl}/saved/export/markdown-zip`);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    const bytes = await zip.body();
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(bytes.includes(Buffer.from(headline.slice(0, 20)))).toBe(true);
  });

  it("reads the library in a feed reader at a private address, and can change it", async () => {
    await page.goto(`${baseUrl}/saved`);
    const address = await page.getByLabel("Private feed address").inputValue();
    expect(address).toMatch(new RegExp(`^${baseUrl}/rss/[A-Za-z0-9_-]{32}$`));
    const feed = await fetch(address);
    expect(feed.headers.get("content-type")).toContain("application/rss+xml");
    expect(await feed.text()).toContain(headline.replaceAll("&", "&amp;").slice(0, 30));

    await page.getByRole("button", { name: "Make a new address" }).click();
    await page.waitForFunction(
      (old) => (document.querySelector("#rss-url") as HTMLInputElement | null)?.value !== old,
      address,
    );
    expect((await fetch(address)).status).toBe(404);
  });

  it("signs out, and the used link cannot sign in again", async () => {
    await page.goto(`${baseUrl}/settings`);
    await screenshot(page, "reader-09-settings");
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByRole("link", { name: "Get the brief" }).count()).toBe(1);
    await page.goto(`${baseUrl}/saved`);
    await page.waitForURL(/\/signin\?callbackUrl=%2Fsaved$/);

    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/signin\?error=Verification/);
    expect(await page.getByRole("main").getByRole("alert").innerText()).toContain(
      "expired or was already used",
    );
    await screenshot(page, "reader-10-signed-out");
  });
});

describe("the app's security headers", () => {
  it("sends a nonce-based CSP, no framing and a strict referrer policy on pages", async () => {
    // A page rendered for the request (the cached public pages: tests/e2e/public-cache.test.ts).
    const response = await fetch(`${baseUrl}/signin`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    const html = await response.text();
    expect(html).toContain(`nonce="${nonce}"`);
  });
});
