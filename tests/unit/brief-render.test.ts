import { describe, expect, it } from "vitest";
import { renderBrief, shorten } from "@/lib/brief/render";
import type { BriefEmailInput, BriefItemView } from "@/lib/brief/types";

const HOSTILE = `<script>alert(1)</script> & "quotes"`;

function item(n: number, over: Partial<BriefItemView> = {}): BriefItemView {
  const id = `ins-${n}`;
  return {
    insightId: id,
    kind: "top",
    headline: `Headline number ${n}`,
    body: `Body of insight ${n}. It explains the point in a sentence or two.`,
    quote: `Quote ${n} said aloud`,
    speaker: `Speaker ${n}`,
    podcastTitle: `Show ${n}`,
    episodeTitle: `Episode ${n}`,
    listenUrl: `https://cdn.example.com/ep${n}.mp3#t=${n * 60}`,
    listenLabel: `Listen at ${n}:00`,
    reason: "Because you follow Leadership",
    insightUrl: `https://podbrief.test/insights/${id}`,
    actions: {
      save: `https://podbrief.test/b/save?t=tok-save-${n}`,
      more: `https://podbrief.test/b/more?t=tok-more-${n}`,
      less: `https://podbrief.test/b/less?t=tok-less-${n}`,
    },
    ...over,
  };
}

function brief(items: BriefItemView[]): BriefEmailInput {
  return {
    localDate: "2026-11-24",
    cadence: "daily",
    dateLabel: "Tuesday, 24 November",
    items,
    webViewUrl: "https://podbrief.test/brief/2026-11-24",
    settingsUrl: "https://podbrief.test/settings/brief",
    cadenceUrl: "https://podbrief.test/brief/cadence?t=tok-cadence",
    unsubscribeUrl: "https://podbrief.test/b/unsubscribe?t=tok-unsub",
  };
}

// The resurfaced item is listed first on purpose: the email must still put it after the top ones.
const items = [
  item(6, { kind: "resurfaced", reason: "From your library", speaker: null }),
  item(1, { headline: HOSTILE, quote: `He said "<b>stop</b>" & left` }),
  item(2),
  item(3, { listenUrl: null, listenLabel: null }),
  item(4),
  item(5),
];
const input = brief(items);

/** React escapes `&`, `<`, `>` and `"` in text and attributes alike. */
const escaped = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

describe("shorten", () => {
  it("keeps short text and collapses whitespace", () => {
    expect(shorten("  a  short\n line ", 20)).toBe("a short line");
  });

  it("cuts at a word boundary with an ellipsis, within the limit", () => {
    const out = shorten("The quick brown fox jumps over the lazy dog", 20);
    expect(out).toBe("The quick brown fox…");
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it("cuts inside one very long word", () => {
    expect(shorten("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("renderBrief subject and preheader", () => {
  it("is the first top headline plus how many others there are", async () => {
    const { subject } = await renderBrief(
      brief([item(1), item(2), item(3, { kind: "resurfaced" })]),
    );
    expect(subject).toBe("Headline number 1 + 2 more");
  });

  it("has no count when there is only one item", async () => {
    expect((await renderBrief(brief([item(1)]))).subject).toBe("Headline number 1");
  });

  it("leads with a top item even when a resurfaced one is first", async () => {
    expect((await renderBrief(input)).subject).toBe(`${HOSTILE} + 5 more`);
  });

  it("keeps a whole headline that fits, dropping the count rather than cutting it", async () => {
    const long = "The best managers spend the first hour of each working day asking questions";
    expect(long.length).toBeLessThanOrEqual(78);
    const { subject } = await renderBrief(brief([item(1, { headline: long }), item(2), item(3)]));
    expect(subject).toBe(long);
  });

  it("cuts a headline too long for a subject where a clause ends, and keeps the count", async () => {
    const long =
      "Ask every candidate for a writing sample, around a hundred of them, and a short call first";
    const { subject } = await renderBrief(brief([item(1, { headline: long }), item(2), item(3)]));
    expect(subject.length).toBeLessThanOrEqual(78);
    expect(subject).toBe(
      "Ask every candidate for a writing sample, around a hundred of them… + 2 more",
    );
  });

  it("takes the preheader from the first item's body, shortened", async () => {
    const body = `${"Attention is the scarcest thing a team has. ".repeat(5)}End.`;
    const out = await renderBrief(brief([item(1, { body }), item(2)]));
    expect(out.preheader.length).toBeLessThanOrEqual(110);
    expect(out.preheader).toMatch(/^Attention is the scarcest .*\w…$/);
    expect(out.html).toContain(escaped(out.preheader));
  });

  it("refuses an empty brief", async () => {
    await expect(renderBrief(brief([]))).rejects.toThrow(/at least one item/);
  });
});

describe("renderBrief html", () => {
  it("shows every headline, escaped, and never the hostile markup as tags", async () => {
    const { html } = await renderBrief(input);
    for (const entry of items) expect(html).toContain(escaped(entry.headline));
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>stop</b>");
    expect(html).toContain(escaped(`“He said "<b>stop</b>" & left”`));
  });

  it("has the header, quotes with speakers, sources and listen links", async () => {
    const { html } = await renderBrief(input);
    expect(html).toContain("Podbrief — your top 5 for Tuesday, 24 November");
    expect(html).toContain("<blockquote");
    expect(html).toContain("“Quote 2 said aloud”");
    expect(html).toContain("— Speaker 2");
    expect(html).not.toContain("— Speaker 6");
    expect(html).toContain("Show 2 · Episode 2");
    expect(html).toContain('href="https://cdn.example.com/ep2.mp3#t=120"');
    expect(html).toContain("Listen at 2:00");
    expect(html).not.toContain("Listen at 3:00");
  });

  it("links each headline and its three one-click actions with the exact URLs", async () => {
    const { html } = await renderBrief(input);
    for (const entry of items) {
      expect(html).toContain(`href="${entry.insightUrl}"`);
      expect(html).toContain(`href="${entry.actions.save}"`);
      expect(html).toContain(`href="${entry.actions.more}"`);
      expect(html).toContain(`href="${entry.actions.less}"`);
    }
    expect(html.match(/>Save<\/a>/g)).toHaveLength(items.length);
    expect(html.match(/>More like this<\/a>/g)).toHaveLength(items.length);
    expect(html.match(/>Less like this<\/a>/g)).toHaveLength(items.length);
  });

  it("tells phones to lay it out at their own width", async () => {
    const { html } = await renderBrief(brief([item(1)]));
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"/);
  });

  it("has the web view, settings and unsubscribe links in the footer", async () => {
    const { html } = await renderBrief(input);
    expect(html).toMatch(
      /href="https:\/\/podbrief\.test\/brief\/2026-11-24"[^>]*>View this brief on the web</,
    );
    expect(html).toMatch(
      /href="https:\/\/podbrief\.test\/settings\/brief"[^>]*>Change topics, time or hour</,
    );
    expect(html).toMatch(
      /href="https:\/\/podbrief\.test\/b\/unsubscribe\?t=tok-unsub"[^>]*>Unsubscribe</,
    );
  });

  it("puts the resurfaced item after every top item, under From your library", async () => {
    const { html } = await renderBrief(input);
    const library = html.indexOf("From your library</h3>");
    const resurfaced = html.indexOf("Headline number 6");
    expect(library).toBeGreaterThan(-1);
    for (const n of [2, 3, 4, 5])
      expect(html.indexOf(`Headline number ${n}`)).toBeLessThan(library);
    expect(html.indexOf(escaped(HOSTILE))).toBeLessThan(library);
    expect(resurfaced).toBeGreaterThan(library);
  });

  it("has no library heading when nothing is resurfaced", async () => {
    const { html, text } = await renderBrief(brief([item(1), item(2)]));
    expect(html).not.toContain("From your library");
    expect(text).not.toContain("FROM YOUR LIBRARY");
  });

  it("drops a listen link that is not http(s)", async () => {
    const out = await renderBrief(brief([item(1, { listenUrl: "javascript:alert(1)" })]));
    expect(out.html).not.toContain("javascript:");
    expect(out.text).not.toContain("javascript:");
  });
});

describe("renderBrief text", () => {
  it("reads as a list with every URL in full", async () => {
    const { text } = await renderBrief(input);
    expect(text).toContain("Podbrief — your top 5 for Tuesday, 24 November");
    for (const entry of items) {
      expect(text).toContain(entry.headline);
      expect(text).toContain(entry.body);
      expect(text).toContain(`Save: ${entry.actions.save}`);
      expect(text).toContain(`More like this: ${entry.actions.more}`);
      expect(text).toContain(`Less like this: ${entry.actions.less}`);
      expect(text).toContain(`${entry.podcastTitle} · ${entry.episodeTitle}`);
    }
    expect(text).toContain("“Quote 2 said aloud”\n— Speaker 2");
    expect(text).toContain("Listen at 2:00: https://cdn.example.com/ep2.mp3#t=120");
    expect(text).toContain(`View this brief on the web: ${input.webViewUrl}`);
    expect(text).toContain(`Change topics, time or hour: ${input.settingsUrl}`);
    expect(text).toContain(`Unsubscribe: ${input.unsubscribeUrl}`);
    expect(text.indexOf("FROM YOUR LIBRARY")).toBeGreaterThan(text.indexOf("Headline number 5"));
    expect(text.indexOf("6. Headline number 6")).toBeGreaterThan(text.indexOf("FROM YOUR LIBRARY"));
  });
});

describe("renderBrief determinism", () => {
  it("renders the same input to byte-identical output", async () => {
    const first = await renderBrief(input);
    const second = await renderBrief(structuredClone(input));
    expect(second.html).toBe(first.html);
    expect(second.text).toBe(first.text);
    expect(second).toEqual(first);
  });
});
