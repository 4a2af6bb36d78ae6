import { crc32, deflateRawSync } from "node:zlib";

// A ZIP writer after PKWARE's APPNOTE.TXT: local file headers with the data, then the central
// directory, then the end record. No ZIP64, so an archive stops at 65,535 entries and 4 GiB.

export type ZipFile = { name: string; content: string | Uint8Array; modifiedAt?: Date };

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAME_FLAG = 1 << 11;
const STORED = 0;
const DEFLATED = 8;
// Made by Unix (3) so the external attributes can carry a plain rw-r--r-- file mode.
const MADE_BY_UNIX = (3 << 8) | 20;
const FILE_MODE = (0o100644 << 16) >>> 0;
// "UT" extended timestamp: the DOS date has no time zone, this Unix time does.
const EXTENDED_TIMESTAMP = 0x5455;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

type Field = [value: number, bytes: 1 | 2 | 4];

/** A ZIP archive of the files, each deflated unless that would make it larger. */
export function zipFiles(files: ZipFile[]): Uint8Array<ArrayBuffer> {
  if (files.length > MAX_16) throw new RangeError("A ZIP without ZIP64 holds 65,535 entries");
  const encoder = new TextEncoder();
  const taken = new Set<string>();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;

  for (const file of files) {
    const name = encoder.encode(checkName(file.name, taken));
    if (name.length > MAX_16) throw new RangeError("ZIP entry name too long");
    const raw = typeof file.content === "string" ? encoder.encode(file.content) : file.content;
    const deflated = deflateRawSync(raw);
    const method = deflated.length < raw.length ? DEFLATED : STORED;
    const data = method === DEFLATED ? deflated : raw;
    const when = file.modifiedAt ?? new Date();
    const versionNeeded = method === DEFLATED ? 20 : 10;
    const extra = record([
      [EXTENDED_TIMESTAMP, 2],
      [5, 2],
      [1, 1],
      [unixSeconds(when), 4],
    ]);
    // Same order in the local and the central header, from "version needed" to "extra length".
    const common: Field[] = [
      [versionNeeded, 2],
      [UTF8_NAME_FLAG, 2],
      [method, 2],
      [dosTime(when), 2],
      [dosDate(when), 2],
      [crc32(raw), 4],
      [data.length, 4],
      [raw.length, 4],
      [name.length, 2],
      [extra.length, 2],
    ];
    const local = record([[LOCAL_FILE_HEADER, 4], ...common], name, extra);
    const central = record(
      [
        [CENTRAL_DIRECTORY_HEADER, 4],
        [MADE_BY_UNIX, 2],
        ...common,
        [0, 2], // comment length
        [0, 2], // disk number
        [0, 2], // internal attributes
        [FILE_MODE, 4],
        [checkSize(offset), 4],
      ],
      name,
      extra,
    );
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }

  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = record([
    [END_OF_CENTRAL_DIRECTORY, 4],
    [0, 2], // this disk
    [0, 2], // disk with the central directory
    [files.length, 2],
    [files.length, 2],
    [checkSize(centralSize), 4],
    [checkSize(offset), 4],
    [0, 2], // comment length
  ]);
  return concat([...locals, ...centrals, end]);
}

// Unpackers trust these names, so refuse anything that could land outside the target folder.
function checkName(name: string, taken: Set<string>): string {
  const parts = name.split("/");
  if (name === "" || name.startsWith("/") || name.includes("\\") || parts.includes("..")) {
    throw new Error(`Unsafe name for a ZIP entry: ${JSON.stringify(name)}`);
  }
  if (taken.has(name)) throw new Error(`Duplicate ZIP entry: ${JSON.stringify(name)}`);
  taken.add(name);
  return name;
}

function checkSize(value: number): number {
  if (value > MAX_32) throw new RangeError("A ZIP without ZIP64 holds 4 GiB");
  return value;
}

// MS-DOS time keeps two-second steps and years 1980–2107; the UTC clock keeps output stable
// across servers, and the extended timestamp gives unpackers the exact instant.
function dosParts(date: Date): Date {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  return new Date(Math.min(max, Math.max(min, date.getTime())));
}

function dosTime(date: Date): number {
  const d = dosParts(date);
  return (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
}

function dosDate(date: Date): number {
  const d = dosParts(date);
  return ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
}

function unixSeconds(date: Date): number {
  return Math.min(MAX_32, Math.max(0, Math.floor(date.getTime() / 1000)));
}

/** Little-endian fields, then any byte strings after them. */
function record(fields: Field[], ...tail: Uint8Array[]): Uint8Array {
  const size = fields.reduce((sum, [, bytes]) => sum + bytes, 0);
  const head = new Uint8Array(size);
  const view = new DataView(head.buffer);
  let at = 0;
  for (const [value, bytes] of fields) {
    if (bytes === 1) view.setUint8(at, value);
    else if (bytes === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += bytes;
  }
  return tail.length === 0 ? head : concat([head, ...tail]);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
