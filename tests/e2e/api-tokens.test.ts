import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";
import { signInThroughOutbox } from "./sign-in";

// A reader makes an API token on /settings, a program uses it on /api/v1 and /api/mcp of the
// running server, and revoking it on the page cuts the program off.

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const mcpInitialize = (token: string) =>
  fetch(`${baseUrl}/api/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "e2e", version: "1" },
      },
    }),
  });

describe("API tokens", () => {
  it("are made on /settings, shown once, used by a program, and revoked", async () => {
    const page = await browser.newPage();
    await signInThroughOutbox(page, baseUrl, "token-maker@example.com");
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel("Token name").fill("my script");
    await page.getByRole("button", { name: "Make a token" }).click();
    const shown = page.getByLabel("New API token");
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^pb_[\w-]{43}$/);
    await page.locator("#api-tokens").scrollIntoViewIfNeeded();
    await screenshot(page, "settings-api-token");

    const api = await fetch(`${baseUrl}/api/v1/insights`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { insights: { quote: string; listen_url: unknown }[] };
    expect(body.insights.length).toBeGreaterThan(0);
    expect(body.insights[0]?.quote).not.toBe("");
    const mcp = await mcpInitialize(token);
    expect(mcp.status).toBe(200);
    expect(await mcp.json()).toMatchObject({ result: { serverInfo: { name: "podbrief" } } });

    // The list says it was used.
    await page.goto(`${baseUrl}/settings`);
    const row = page.getByRole("row", { name: /my script/ });
    expect(await row.innerText()).not.toMatch(/never/);
    await page.getByRole("button", { name: "Revoke the token “my script”" }).click();
    await page.getByRole("row", { name: /my script.*Revoked/s }).waitFor();
    // Revoking forgets the secret the page was still showing (its cookie lasts a minute).
    await page.goto(`${baseUrl}/settings`);
    expect(await page.getByLabel("New API token").count()).toBe(0);
    expect(await page.content()).not.toContain(token.slice(3));

    const refused = await fetch(`${baseUrl}/api/v1/insights`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await mcpInitialize(token)).status).toBe(401);
    await page.close();
  });
});
