import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";

// Audio for player tests: a silent WAV served the way audio hosts serve files (Range requests
// answered with 206, so the browser can seek), and a demo transcript with times on its lines.

/** A silent WAV, 8 kHz mono 8-bit (128 is silence), `seconds` long. */
export function silentWav(seconds: number): Buffer {
  const samples = 8000 * seconds;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24); // sample rate
  header.writeUInt32LE(8000, 28); // bytes per second
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write("data", 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/** Serves bytes with Range support (206), as audio hosts do: the browser seeks with it. */
export function servesRanges(bytes: Buffer) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
    const headers = { "content-type": "audio/wav", "accept-ranges": "bytes" };
    if (!range) {
      response.writeHead(200, { ...headers, "content-length": bytes.length }).end(bytes);
      return;
    }
    const start = range[1] ? Number(range[1]) : Math.max(0, bytes.length - Number(range[2]));
    const end =
      range[1] && range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
    if (start >= bytes.length || start > end) {
      response.writeHead(416, { "content-range": `bytes */${bytes.length}` }).end();
      return;
    }
    response
      .writeHead(206, {
        ...headers,
        "content-length": end - start + 1,
        "content-range": `bytes ${start}-${end}/${bytes.length}`,
      })
      .end(bytes.subarray(start, end + 1));
  };
}

/** A demo transcript made a Podcasting 2.0 JSON one, a paragraph a second. */
export async function timedTranscript(name: string): Promise<{ json: string; seconds: number }> {
  const markdown = await readFile(`lib/demo/feeds/transcripts/${name}.md`, "utf8");
  const segments = markdown
    .split(/\n\s*\n/)
    .map((paragraph) => /^\*\*(.+?):\*\*\s*([\s\S]+)$/.exec(paragraph.trim()))
    .flatMap((match, i) =>
      match ? [{ speaker: match[1], startTime: i, endTime: i + 1, body: match[2] }] : [],
    );
  return { json: JSON.stringify({ version: "1.0.0", segments }), seconds: segments.length + 30 };
}
