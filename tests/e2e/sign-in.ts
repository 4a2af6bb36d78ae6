import type { Page } from "playwright-core";

// Signing in as a reader the way a person does: ask for a link, find it in the outbox, confirm.

export async function signInThroughOutbox(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/signin\/check-email$/);
  await page.goto(`${baseUrl}/dev/outbox`);
  await page
    .getByRole("link", { name: new RegExp(`Sign in to Podbrief\\s*to ${escapeRegExp(email)}`) })
    .first()
    .click();
  const text = await page.locator("pre").innerText();
  const link = text.match(/https?:\/\/\S+\/signin\/confirm\?\S+/)?.[0];
  if (!link) throw new Error(`no sign-in link in the email:\n${text}`);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
