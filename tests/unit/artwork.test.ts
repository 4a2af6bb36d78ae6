import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageType, placeholderSvg } from "@/lib/artwork-image";
import { FetchError, safeFetch } from "@/lib/ingest/safe-fetch";

// The artwork route serves a show's image from our own address only when the bytes are an image
// (PNG, JPEG, GIF, WebP), whatever the feed's server says they are; else it draws an initial.

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const GIF = Buffer.from("GIF89a\u0001\u0000", "latin1");
const WEBP = Buffer.concat([
  Buffer.from("RIFF"),
  Buffer.from([1, 2, 3, 4]),
  Buffer.from("WEBPVP8 "),
]);

describe("imageType", () => {
  it.each([
    ["a PNG", PNG, "image/png"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["a GIF", GIF, "image/gif"],
    ["a WebP", WEBP, "image/webp"],
  ])("knows %s by its first bytes", (_name, bytes, type) => {
    expect(imageType(bytes)).toBe(type);
  });

  it.each([
    ["an HTML page", Buffer.from("<!doctype html><script>alert(1)</script>")],
    ["an SVG (it can carry script)", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["a RIFF file that is not WebP (a WAV)", Buffer.from("RIFF\u0001\u0002\u0003\u0004WAVEfmt ")],
    ["a GIF's start without its version", Buffer.from("GIF8")],
    ["a truncated PNG signature", PNG.subarray(0, 4)],
    ["nothing", Buffer.alloc(0)],
  ])("refuses %s", (_name, bytes) => {
    expect(imageType(bytes)).toBeNull();
  });
});

describe("placeholderSvg", () => {
  it("draws the title's first letter or digit, upper-cased", () => {
    expect(placeholderSvg("  the changelog")).toContain(">T</text>");
    expect(placeholderSvg("¿Qué pasa?")).toContain(">Q</text>");
    expect(placeholderSvg("99% Invisible")).toContain(">9</text>");
    expect(placeholderSvg("")).toContain(">?</text>");
  });

  it("never carries markup from the title", () => {
    const svg = placeholderSvg('<script>alert("x")</script>');
    expect(svg).toContain(">S</text>");
    expect(svg).not.toContain("<script");
    // Its own five tags (svg, rect, text, /text, /svg) and no other.
    expect(svg.match(/</g)?.length).toBe(5);
  });
});

describe("safeFetch of kind image", () => {
  let server: Server;
  let base = "";
  const bodies: Record<string, [string, Buffer]> = {
    "/art.png": ["image/png", PNG],
    "/art.html": ["text/html", Buffer.from("<html></html>")],
    "/art.svg": ["image/svg+xml", Buffer.from("<svg/>")],
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const [type, body] = bodies[req.url ?? ""] ?? ["text/plain", Buffer.from("no")];
      res.writeHead(200, { "content-type": type }).end(body);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  const fetchImage = (path: string, allowPrivateNetwork = true) =>
    safeFetch(`${base}${path}`, { kind: "image", userAgent: "test", allowPrivateNetwork });

  it("takes an image, as bytes", async () => {
    const result = await fetchImage("/art.png");
    if (result.status !== "ok") throw new Error("expected the image");
    expect(imageType(result.bytes)).toBe("image/png");
    expect(result.body).toBe("");
  });

  it.each(["/art.html", "/art.svg"])("refuses %s by its content type", async (path) => {
    const error = await fetchImage(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe("bad_content_type");
  });

  it("refuses an address inside our network, as every fetch does", async () => {
    const error = await fetchImage("/art.png", false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
  });
});
