// Bytes of a fetched document as text, by the XML rules: a byte-order mark first, then the
// charset the server declared, then the document's own `<?xml … encoding="…"?>`, else UTF-8.
// Bytes that are not valid in the chosen encoding become U+FFFD and are counted, never dropped
// silently. WHATWG labels apply: "iso-8859-1" and "latin1" decode as windows-1252, as browsers do.

export type Decoded = { text: string; encoding: string; replaced: number };

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

export function decodeDocument(bytes: Uint8Array, contentType: string | null): Decoded {
  const bom = BOMS.find(([mark]) => mark.every((byte, i) => bytes[i] === byte));
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  // The declaration is ASCII whatever follows, so a byte-wise read finds it.
  const head = Buffer.from(bytes.subarray(0, 200)).toString("latin1");
  const inDocument = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const encoding =
    [bom?.[1], declared, inDocument].find((label) => label && isKnown(label)) ?? "utf-8";
  const text = new TextDecoder(encoding).decode(bytes);
  let replaced = 0;
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    replaced = text.match(/\uFFFD/g)?.length ?? 0;
  }
  return { text, encoding: new TextDecoder(encoding).encoding, replaced };
}

function isKnown(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** A fetched document's `body` and `replacedCharacters`, as SafeFetchResult carries them. */
export function decodedBody(bytes: Uint8Array, contentType: string | null) {
  const { text, replaced } = decodeDocument(bytes, contentType);
  return { body: text, replacedCharacters: replaced };
}
