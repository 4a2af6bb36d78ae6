import { describe, expect, it } from "vitest";
import { sanitizeShowNotes, showNotesText } from "@/lib/ingest/show-notes";

describe("sanitizeShowNotes", () => {
  it("keeps links, paragraphs, lists and emphasis, and marks links nofollow", () => {
    const html = sanitizeShowNotes(
      '<p>Hi <em>there</em> <a href="https://example.com/x" onclick="evil()">link</a></p><ul><li>one</li></ul>',
    );
    expect(html).toBe(
      '<p>Hi <em>there</em> <a href="https://example.com/x" rel="nofollow noopener" target="_blank">link</a></p><ul><li>one</li></ul>',
    );
  });

  it("removes scripts, styles, iframes, images, event handlers and non-http links", () => {
    const html = sanitizeShowNotes(
      '<script>alert(1)</script><style>p{}</style><iframe src="https://x"></iframe><img src=x onerror=alert(1)><p style="color:red">ok</p><a href="javascript:alert(1)">js</a><a href="mailto:a@b.c">mail</a>',
    );
    expect(html).not.toMatch(/script|style|iframe|img|onerror|javascript/i);
    expect(html).toContain("<p>ok</p>");
    expect(html).toContain('href="mailto:a@b.c"');
  });
});

describe("showNotesText", () => {
  it("gives one line per block with entities decoded", () => {
    expect(
      showNotesText(
        "<p>Tom &amp; Jerry&nbsp;talk</p><p>Part&nbsp;2 &lt;live&gt;</p><ul><li>a</li><li>b</li></ul>",
      ),
    ).toBe("Tom & Jerry talk\nPart 2 <live>\na\nb");
  });

  it("is empty for empty notes", () => {
    expect(showNotesText("")).toBe("");
    expect(showNotesText("<p> </p>")).toBe("");
  });
});
