import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";
import { E2E_CRON_SECRET } from "./server";
import { signInThroughOutbox } from "./sign-in";

// The daily brief as a reader meets it: the cron sends it, the email (from the outbox) opens in
// Chromium, and its Save button saves the insight for that reader without signing in.

const baseUrl = inject("baseUrl");
const email = `brief-${Date.now()}@example.com`;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 800, height: 1000 } })).newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
});

describe("the daily brief", () => {
  let emailId = "";

  it("is sent by the cron to a reader whose hour has come", async () => {
    await signInThroughOutbox(page, baseUrl, email);
    await page.getByText("Leadership", { exact: true }).click();
    await page.locator("#timeZone").selectOption("UTC");
    await page.locator("#briefHour").selectOption("0"); // due at any hour of the day
    await page.getByRole("button", { name: "Save and show my feed" }).click();
    await page.waitForURL(/\/feed$/);

    const refused = await fetch(`${baseUrl}/api/cron/brief`, { method: "POST" });
    expect(refused.status).toBe(401);
    const run = await fetch(`${baseUrl}/api/cron/brief`, {
      method: "POST",
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(run.status).toBe(200);
    const summary = (await run.json()) as { sent: number; failed: unknown[] };
    expect(summary.failed).toEqual([]);
    expect(summary.sent).toBeGreaterThanOrEqual(1);

    await page.goto(`${baseUrl}/dev/outbox`);
    const link = page.getByRole("link", {
      name: new RegExp(`to ${email.replace(/\./g, "\\.")} · brief`),
    });
    emailId = ((await link.getAttribute("href")) ?? "").split("/").at(-1) ?? "";
    await link.click();
    await page.waitForURL(/\/dev\/outbox\/[0-9a-f-]{36}$/);
    expect(await page.getByText("List-Unsubscribe-Post").count()).toBe(1);
    expect(await page.getByText("List-Unsubscribe=One-Click").count()).toBe(1);
  });

  it("opens in the browser with five insights and one-click buttons", async () => {
    await page.goto(`${baseUrl}/dev/outbox/${emailId}/html`);
    expect(
      await page.getByRole("link", { name: "Save", exact: true }).count(),
    ).toBeGreaterThanOrEqual(3);
    await screenshot(page, "brief-email");
  });

  it("saves an insight from the email's Save button, for that reader", async () => {
    const save = page.getByRole("link", { name: "Save", exact: true }).first();
    const href = (await save.getAttribute("href")) ?? "";
    expect(href).toMatch(/\/brief\/act\?t=/);
    await page.goto(href);
    const headline = await page.locator("h1").innerText();
    // Opening the link recorded nothing yet: the button does.
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("status").waitFor();
    expect(await page.getByRole("status").innerText()).toContain("Saved to your library.");
    await screenshot(page, "brief-saved");

    await page.goto(`${baseUrl}/saved`);
    expect(await page.locator("article[data-card] h2").allInnerTexts()).toContain(headline);
  });

  it("opens its web view from the email without a sign-in, and nothing more", async () => {
    await page.goto(`${baseUrl}/dev/outbox/${emailId}`);
    const text = await page.locator("pre").innerText();
    const found = text.match(/View this brief on the web: (\S+)/)?.[1] ?? "";
    expect(found).toMatch(/\/brief\/\d{4}-\d{2}-\d{2}\?t=/);
    const link = new URL(found);
    const here = (path: string) => `${baseUrl}${path}${link.search}`;
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(here(link.pathname));
    expect(stranger.url()).not.toMatch(/\/signin/);
    expect(await stranger.locator("article[data-card]").count()).toBeGreaterThanOrEqual(3);
    // The token shows this brief only: another day asks for a sign-in.
    await stranger.goto(here("/brief/2020-01-01"));
    await stranger.waitForURL(/\/signin/);
    await stranger.close();
  });

  it("shows the same brief on the web", async () => {
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/brief/${today}`);
    expect(await page.locator("article[data-card]").count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, "brief-web");
  });
});
