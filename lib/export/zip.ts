import { type ZipOptions, zipSync } from "fflate";

// A ZIP archive written by fflate. No ZIP64, so an archive stops at 65,535 entries and 4 GiB.

export type ZipFile = { name: string; content: string | Uint8Array; modifiedAt?: Date };

const MAX_ENTRIES = 0xffff;
// Made by Unix (3) so the external attributes can carry a plain rw-r--r-- file mode.
const MADE_BY_UNIX = 3;
const FILE_MODE = (0o100644 << 16) >>> 0;
// "UT" extended timestamp: the DOS date has no time zone, this Unix time does.
const EXTENDED_TIMESTAMP = 0x5455;

/** A ZIP archive of the files, deflated, in the order given. */
export function zipFiles(files: ZipFile[]): Uint8Array<ArrayBuffer> {
  if (files.length > MAX_ENTRIES) throw new RangeError("A ZIP without ZIP64 holds 65,535 entries");
  const encoder = new TextEncoder();
  const taken = new Set<string>();
  // fflate takes an object: its keys keep insertion order as long as none is an integer, and
  // every name here has an extension or a folder.
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const file of files) {
    const raw = typeof file.content === "string" ? encoder.encode(file.content) : file.content;
    entries[checkName(file.name, taken)] = [raw, entryOptions(file.modifiedAt ?? new Date())];
  }
  return zipSync(entries) as Uint8Array<ArrayBuffer>;
}

function entryOptions(when: Date): ZipOptions {
  const stamp = new Uint8Array(5);
  stamp[0] = 1; // the modification time follows
  new DataView(stamp.buffer).setUint32(1, unixSeconds(when), true);
  return {
    mtime: dosClock(when),
    os: MADE_BY_UNIX,
    attrs: FILE_MODE,
    extra: { [EXTENDED_TIMESTAMP]: stamp },
  };
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

// MS-DOS time keeps two-second steps and years 1980–2099 (fflate's range); fflate reads the
// local clock, so the date is shifted for the local clock to show UTC: output stays the same
// across servers, and the extended timestamp gives unpackers the exact instant.
function dosClock(date: Date): Date {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2099, 11, 31, 23, 59, 58);
  const utc = new Date(Math.min(max, Math.max(min, date.getTime())));
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
}

function unixSeconds(date: Date): number {
  return Math.min(0xffffffff, Math.max(0, Math.floor(date.getTime() / 1000)));
}
