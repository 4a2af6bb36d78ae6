import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { refreshPublicPages } from "@/lib/public-pages";
import { publicVersion } from "@/proxy";

// Which requests proxy.ts answers from the cached public pages, and what a refresh that cannot
// run does.

const ID = "0471f80e-789e-467f-a0df-0205843a2844";
const request = (path: string, init: { method?: string; cookie?: string } = {}) =>
  new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers: init.cookie ? { cookie: init.cookie } : {},
  });

describe("publicVersion", () => {
  it.each([
    ["/", "/public/landing"],
    ["/feed", "/public/feed"],
    [`/insights/${ID}`, `/public/insights/${ID}`],
    [`/shows/${ID}`, `/public/shows/${ID}`],
    [`/episodes/${ID}`, `/public/episodes/${ID}`],
    ["/topics/startups", "/public/topics/startups"],
    ["/topics/machine-learning", "/public/topics/machine-learning"],
  ])("serves a signed-out GET of %s from %s", (path, cached) => {
    expect(publicVersion(request(path))).toBe(cached);
    expect(publicVersion(request(path, { method: "HEAD" }))).toBe(cached);
  });

  it.each([
    ["a session cookie", request("/feed", { cookie: "authjs.session-token=abc" })],
    ["the HTTPS session cookie", request("/", { cookie: "__Secure-authjs.session-token=abc" })],
    ["a query", request("/feed?topic=ai")],
    ["a cursor", request("/feed?cursor=p20")],
    ["a POST (a server action)", request("/feed", { method: "POST" })],
    ["a page that is always per reader", request("/saved")],
    ["an id that is not a lowercase UUID", request(`/insights/${ID.toUpperCase()}`)],
    ["a path below an insight", request(`/insights/${ID}/more`)],
    ["a show's older episodes", request(`/shows/${ID}?page=2`)],
    ["a search in an episode's transcript", request(`/episodes/${ID}?q=cargo`)],
    ["a show page with a session", request(`/shows/${ID}`, { cookie: "authjs.session-token=abc" })],
    ["an insight's card image", request(`/insights/${ID}/opengraph-image`)],
    ["a later page of a topic", request("/topics/startups?page=2")],
    ["a topic's feed", request("/topics/startups/feed.xml")],
    ["a slug that is not one of ours", request("/topics/Startups")],
  ])("renders the request itself with %s", (_case, req) => {
    expect(publicVersion(req)).toBeNull();
  });

  it("is not fooled by another cookie that merely contains the name", () => {
    expect(publicVersion(request("/", { cookie: "x-authjs.session-token-old=1" }))).toBe(
      "/public/landing",
    );
  });
});

describe("refreshPublicPages", () => {
  it("outside a request, keeps the cached pages and says why instead of throwing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => refreshPublicPages("a test")).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain("not refreshed after a test");
    warn.mockRestore();
  });
});
