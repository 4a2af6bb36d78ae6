// What the artwork route checks and draws, without I/O: the image type a file's first bytes
// name, and the placeholder for a show without artwork.

export type ImageType = "image/png" | "image/jpeg" | "image/gif" | "image/webp";

/** The image type the bytes begin with (PNG, JPEG, GIF, WebP), or null: a server's word is not taken. */
export function imageType(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, ...expected: number[]) =>
    expected.every((byte, i) => bytes[offset + i] === byte);
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (
    starts(0, 0x47, 0x49, 0x46, 0x38) &&
    (bytes[4] === 0x37 || bytes[4] === 0x39) &&
    bytes[5] === 0x61
  ) {
    return "image/gif";
  }
  if (starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  return null;
}

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** A square with the show's initial: what a show without artwork (or unreachable artwork) shows. */
export function placeholderSvg(title: string): string {
  const initial = [...title.trim()].find((c) => /[\p{L}\p{N}]/u.test(c))?.toUpperCase() ?? "?";
  const text = initial.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" width="160" height="160">',
    '<rect width="160" height="160" rx="16" fill="#fef3c7"/>',
    `<text x="80" y="80" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="80" font-weight="700" fill="#92400e">${text}</text>`,
    "</svg>",
  ].join("");
}
