import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "./accessibility";
import { launchBrowser, screenshot } from "./browser";
import { E2E_CRON_SECRET } from "./server";
import { signInThroughOutbox } from "./sign-in";

// How often the brief comes, as a reader sets it: from the email's "Change how often" link
// (no sign-in; opening it changes nothing, the form's button does) and in /settings, where the
// choice is kept. Then a weekly brief as its reader gets it.

const baseUrl = inject("baseUrl");
const stamp = Date.now();
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

/** Onboards a signed-in reader with a brief due at any hour (00:00 UTC). */
async function onboard(on: Page, email: string) {
  await signInThroughOutbox(on, baseUrl, email);
  await on.getByText("Leadership", { exact: true }).click();
  await on.locator("#timeZone").selectOption("UTC");
  await on.locator("#briefHour").selectOption("0");
  await on.getByRole("button", { name: "Save and show my feed" }).click();
  await on.waitForURL(/\/feed$/);
}

async function runCron() {
  const run = await fetch(`${baseUrl}/api/cron/brief`, {
    method: "POST",
    headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
  });
  expect(run.status).toBe(200);
}

/** The outbox's id of the brief sent to `email`. */
async function briefEmailId(on: Page, email: string): Promise<string> {
  await on.goto(`${baseUrl}/dev/outbox`);
  const link = on.getByRole("link", {
    name: new RegExp(`to ${email.replace(/\./g, "\\.")} · brief`),
  });
  return ((await link.getAttribute("href")) ?? "").split("/").at(-1) ?? "";
}

describe("the brief's cadence", () => {
  const email = `cadence-${stamp}@example.com`;
  let cadenceUrl = "";

  it("has a Change how often link in the brief email", async () => {
    await onboard(page, email);
    await runCron();
    const id = await briefEmailId(page, email);
    await page.goto(`${baseUrl}/dev/outbox/${id}`);
    const text = await page.locator("pre").innerText();
    cadenceUrl = text.match(/Change how often: (\S+)/)?.[1] ?? "";
    expect(cadenceUrl).toMatch(/\/brief\/cadence\?t=[\w.-]+$/);
  });

  it("shows the choice from the link without a sign-in, and changes it only when posted", async () => {
    const url = `${baseUrl}${new URL(cadenceUrl).pathname}${new URL(cadenceUrl).search}`;
    const stranger = await (
      await browser.newContext({ viewport: { width: 800, height: 1000 } })
    ).newPage();
    await stranger.goto(url);
    expect(stranger.url()).not.toMatch(/\/signin/);
    await stranger.getByRole("heading", { name: "How often should your brief arrive?" }).waitFor();
    expect(await stranger.getByText("It arrives every day at 00:00").count()).toBe(1);
    expect(await stranger.getByRole("radio", { name: /^Daily/ }).isChecked()).toBe(true);
    await expectAccessible(stranger, url);
    await stranger.goto(url);
    await stranger.getByRole("radio", { name: /^Weekdays/ }).check();
    await stranger.getByRole("button", { name: "Save" }).click();
    await stranger.getByRole("status").waitFor();
    expect(await stranger.getByRole("status").innerText()).toContain(
      "Saved: your brief now arrives Monday to Friday at 00:00.",
    );
    await screenshot(stranger, "cadence-email-link");
    await stranger.setViewportSize({ width: 390, height: 844 });
    await stranger.emulateMedia({ colorScheme: "dark" });
    await screenshot(stranger, "cadence-email-link-390-dark");
    await stranger.close();

    // Without JavaScript the form posts all the same.
    const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await plain.goto(url);
    await plain.getByRole("radio", { name: /^Weekly/ }).check();
    await plain.getByLabel("Weekly brief on").selectOption("2");
    await plain.getByRole("button", { name: "Save" }).click();
    await plain.getByText("Saved: your brief now arrives every Tuesday at 00:00.").waitFor();
    await plain.goto(url);
    await plain.getByRole("radio", { name: /^Weekdays/ }).check();
    await plain.getByRole("button", { name: "Save" }).click();
    await plain.getByText("Saved: your brief now arrives Monday to Friday at 00:00.").waitFor();
    await plain.close();

    const tampered = url.replace(
      /t=([\w-]+)\.([\w-]+)$/,
      (_all, p: string, s: string) => `t=${p}.${s.slice(0, -3)}abc`,
    );
    expect(tampered).not.toBe(url);
    const bad = await (await browser.newContext()).newPage();
    await bad.goto(tampered);
    await bad.getByRole("heading", { name: "This link does not work" }).waitFor();
    expect(await bad.getByRole("radio").count()).toBe(0);
    await screenshot(bad, "cadence-bad-link");
    await bad.close();
  });

  it("is set to Weekly on Friday in /settings and kept after a reload", async () => {
    await page.goto(`${baseUrl}/settings`);
    // The email link's choice is what /settings shows.
    expect(await page.getByRole("radio", { name: /^Weekdays/ }).isChecked()).toBe(true);
    await page.getByRole("radio", { name: /^Weekly/ }).check();
    await page.getByLabel("Weekly brief on").selectOption("5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    await page.reload();
    expect(await page.getByRole("radio", { name: /^Weekly/ }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: /^Daily/ }).isChecked()).toBe(false);
    expect(await page.getByLabel("Weekly brief on").inputValue()).toBe("5");
    await page.locator("#brief-heading").scrollIntoViewIfNeeded();
    await screenshot(page, "cadence-settings");
    await expectAccessible(page, `${baseUrl}/settings`);
  });
});

describe("a weekly brief", () => {
  it("goes out on its day as the week's brief", async () => {
    const email = `weekly-${stamp}@example.com`;
    const reader = await (
      await browser.newContext({ viewport: { width: 800, height: 1000 } })
    ).newPage();
    await onboard(reader, email);
    await reader.goto(`${baseUrl}/settings`);
    await reader.getByRole("radio", { name: /^Weekly/ }).check();
    // Today, in UTC (the reader's zone): the weekly brief is due now.
    await reader.getByLabel("Weekly brief on").selectOption(String(new Date().getUTCDay()));
    await reader.getByRole("button", { name: "Save settings" }).click();
    await reader.getByText("Settings saved.").waitFor();
    await runCron();
    const id = await briefEmailId(reader, email);
    await reader.goto(`${baseUrl}/dev/outbox/${id}/html`);
    expect(await reader.locator("h1").innerText()).toMatch(/^Podbrief — your weekly brief, \d/);
    expect(await reader.getByRole("link", { name: "Change how often" }).count()).toBe(1);
    await screenshot(reader, "cadence-weekly-email");
    await reader.close();
  });
});
