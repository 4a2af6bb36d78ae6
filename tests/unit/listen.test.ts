import { describe, expect, it } from "vitest";
import { listenHref, webUrl } from "@/lib/listen";

describe("listenHref", () => {
  const episode = { audioUrl: "https://cdn.test/ep.mp3", link: "https://pod.test/ep" };

  it("points at the quote's whole second in the audio, replacing any fragment it had", () => {
    expect(listenHref(episode, 125.9)).toBe("https://cdn.test/ep.mp3#t=125");
    expect(listenHref({ ...episode, audioUrl: "https://cdn.test/ep.mp3#t=9" }, 60)).toBe(
      "https://cdn.test/ep.mp3#t=60",
    );
    expect(listenHref(episode, -3)).toBe("https://cdn.test/ep.mp3#t=0");
  });

  it("falls back to the episode page without a second, and to the audio without a page", () => {
    expect(listenHref(episode, null)).toBe("https://pod.test/ep");
    expect(listenHref(episode, Number.NaN)).toBe("https://pod.test/ep");
    expect(listenHref({ ...episode, link: null }, null)).toBe("https://cdn.test/ep.mp3");
    expect(listenHref({ audioUrl: null, link: null }, 10)).toBeNull();
  });

  it("never links anything but http(s) from a feed", () => {
    const hostile = { audioUrl: "javascript:alert(1)", link: "data:text/html,<b>x</b>" };
    expect(listenHref(hostile, 10)).toBeNull();
    expect(listenHref({ ...hostile, link: "https://pod.test/ep" }, 10)).toBe("https://pod.test/ep");
    expect(webUrl("/relative/path")).toBeNull();
    expect(webUrl("HTTPS://CDN.test/a b.mp3")).toBe("https://cdn.test/a%20b.mp3");
  });
});
