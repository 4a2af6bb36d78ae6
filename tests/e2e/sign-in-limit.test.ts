import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";

// Past the per-address limit no email goes out, and the person is told so, not sent to "check
// your email".

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("asking for too many sign-in links", () => {
  it("says the limit was reached and when to try again", async () => {
    const page = await browser.newPage();
    const email = `limit-${Date.now()}@example.com`;
    const ask = async () => {
      await page.goto(`${baseUrl}/signin`);
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      // Either the check-your-email page, or the form again with what went wrong.
      await page.waitForURL(/\/signin(?:\/check-email$|\?)/);
    };
    for (let i = 0; i < 5; i++) {
      await ask();
      expect(page.url()).toMatch(/\/signin\/check-email$/);
    }
    await ask();
    expect(page.url()).not.toMatch(/check-email/);
    await page.getByText(/Too many sign-in emails requested, so none was sent/).waitFor();
    await page.close();
  });
});
