import { exportLibrary } from "@/db/queries/library";
import { env } from "@/lib/env";
import { libraryCsv } from "./csv";
import { libraryJson } from "./json";
import { insightMarkdown, libraryMarkdown, markdownFileName } from "./markdown";
import { readwiseJson } from "./readwise";
import { savedRss } from "./rss";
import type { SavedInsight } from "./types";
import { zipFiles } from "./zip";

// A reader's library in each export format, as the bytes and headers a download needs.

export const EXPORT_FORMATS = ["markdown-zip", "markdown", "csv", "json", "readwise.json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportFile = { body: string | Uint8Array<ArrayBuffer>; type: string; fileName: string };

export async function savedInsights(userId: string): Promise<SavedInsight[]> {
  const rows = await exportLibrary({ userId });
  return rows.map((row) => ({
    ...row,
    insightUrl: new URL(`/insights/${row.insightId}`, env.APP_URL).toString(),
  }));
}

export async function exportFile({
  userId,
  format,
  now = new Date(),
}: {
  userId: string;
  format: ExportFormat;
  now?: Date;
}): Promise<ExportFile> {
  const items = await savedInsights(userId);
  const day = now.toISOString().slice(0, 10);
  const base = `podbrief-library-${day}`;
  switch (format) {
    case "markdown-zip": {
      const used = new Set<string>();
      const files = items.map((item) => ({
        name: `Podbrief/${markdownFileName(item, used)}`,
        content: insightMarkdown(item),
        modifiedAt: item.savedAt,
      }));
      return { body: zipFiles(files), type: "application/zip", fileName: `${base}.zip` };
    }
    case "markdown":
      return {
        body: libraryMarkdown(items, { title: "Podbrief library", exportedAt: now }),
        type: "text/markdown; charset=utf-8",
        fileName: `${base}.md`,
      };
    case "csv":
      // A byte-order mark, so spreadsheet programs read the text as UTF-8.
      return {
        body: `\uFEFF${libraryCsv(items)}`,
        type: "text/csv; charset=utf-8",
        fileName: `${base}.csv`,
      };
    case "json":
      return {
        body: libraryJson(items, { exportedAt: now }),
        type: "application/json; charset=utf-8",
        fileName: `${base}.json`,
      };
    case "readwise.json":
      return {
        body: readwiseJson(items),
        type: "application/json; charset=utf-8",
        fileName: `${base}-readwise.json`,
      };
  }
}

export async function savedFeed({
  userId,
  token,
}: {
  userId: string;
  token: string;
}): Promise<string> {
  const items = await savedInsights(userId);
  return savedRss(items.slice(0, 100), {
    title: "My Podbrief library",
    link: new URL("/saved", env.APP_URL).toString(),
    selfUrl: new URL(`/rss/${token}`, env.APP_URL).toString(),
    description: "Insights I saved on Podbrief",
  });
}
