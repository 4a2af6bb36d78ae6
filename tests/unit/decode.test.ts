import { describe, expect, it } from "vitest";
import { decodeDocument } from "@/lib/ingest/decode";

// "Café Müller" in windows-1252: é is 0xE9, ü is 0xFC, invalid as UTF-8.
const latin = (head: string) =>
  Buffer.concat([
    Buffer.from(head, "latin1"),
    Buffer.from("<title>Caf\xe9 M\xfcller</title>", "latin1"),
  ]);

describe("decodeDocument follows the XML rules", () => {
  it("reads the encoding the document declares when the server says none", () => {
    for (const label of ["windows-1252", "ISO-8859-1"]) {
      const decoded = decodeDocument(latin(`<?xml version="1.0" encoding="${label}"?>`), null);
      expect(decoded.text).toContain("Café Müller");
      expect(decoded.replaced).toBe(0);
    }
  });

  it("puts the server's charset before the declaration, and a BOM before both", () => {
    const declaredUtf8 = latin('<?xml version="1.0" encoding="utf-8"?>');
    expect(
      decodeDocument(declaredUtf8, "application/rss+xml; charset=windows-1252").text,
    ).toContain("Café Müller");
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("<title>Café</title>"),
    ]);
    expect(decodeDocument(bom, "text/xml; charset=windows-1252").text).toContain("Café");
  });

  it("counts the bytes it had to replace, instead of garbling silently", () => {
    const decoded = decodeDocument(latin('<?xml version="1.0"?>'), null);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.replaced).toBe(2);
    expect(decodeDocument(Buffer.from("<rss>Café</rss>"), null)).toMatchObject({ replaced: 0 });
  });
});
