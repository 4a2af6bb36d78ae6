import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { addTagAction, saveAction } from "@/lib/actions/library";
import { AppError } from "@/lib/errors";
import {
  answer,
  appUrl,
  type BriefOut,
  briefText,
  type InsightOut,
  insightOut,
  insightShape,
  insightsText,
  insightText,
  unwrap,
} from "@/lib/mcp/render";
import type { Reader } from "@/lib/session";
import { tagName } from "@/lib/typed-text";
import { readBriefOfDay } from "@/lib/views/brief-day";
import { libraryParams, readLibrary } from "@/lib/views/library";
import { issueMessage } from "@/lib/views/params";
import { readInsightCards } from "@/lib/views/search";

// The reader's own: their library (list, save, tag) and their daily brief. Saving and tagging go
// through the same actions as the site's buttons (lib/actions), so the feed is ranked again. There
// is no tool to remove anything: an assistant adds to a library, the reader prunes it.

const insightId = z.uuid().describe("An insight's id, as the other tools return it.");
const tagList = z
  .array(z.string().min(1).max(40))
  .min(1)
  .max(10)
  .describe('Tag names, e.g. ["hiring", "to-try"]; stored lower-case, spaces as dashes.');

export function registerReaderTools(server: McpServer, reader: Reader): void {
  registerListSaved(server, reader);
  registerSave(server, reader);
  registerTag(server, reader);
  registerBrief(server, reader);
}

/** The insight as the reader now has it (after a save or a tag). */
async function readOne(reader: Reader, id: string): Promise<InsightOut> {
  const [found] = await readInsightCards({ reader, ids: [id] });
  if (!found) throw new AppError("not_found:insight", `No insight has the id ${id}.`);
  return insightOut(found.card, found.save);
}

function tagNames(tags: string[]): string[] {
  return tags.map((raw) => {
    const parsed = tagName.safeParse(raw);
    if (!parsed.success)
      throw new AppError("bad_request", `“${raw}”: ${issueMessage(parsed.error)}`);
    return parsed.data;
  });
}

function registerListSaved(server: McpServer, reader: Reader): void {
  server.registerTool(
    "list_saved",
    {
      title: "List the reader's saved insights",
      description:
        "The insights the reader saved to their library, newest save first, 30 at a time, with their " +
        "tags and notes, each with its quote, speaker, show, episode and listen link. Filter with " +
        "`tags` (saves carrying all of them) or `query` (words in the insight or the note). When " +
        "`nextCursor` is not null, pass it as `cursor` for the next page.",
      inputSchema: {
        tags: z
          .array(z.string().max(40))
          .max(10)
          .optional()
          .describe("Only saves with all these tags."),
        query: z
          .string()
          .max(200)
          .optional()
          .describe("Words in the insight or the reader's note."),
        cursor: z.string().max(100).optional().describe("`nextCursor` of the previous page."),
      },
      outputSchema: {
        items: z.array(insightShape),
        tags: z.array(z.object({ name: z.string(), count: z.number() })),
        nextCursor: z.string().nullable(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ tags, query, cursor }) =>
      answer("listing the library", async () => {
        const params = libraryParams.parse({
          tag: tags ? tagNames(tags) : [],
          q: query,
          after: cursor,
        });
        const library = await readLibrary({ reader, params });
        const items = library.items.map(({ card, save }) => insightOut(card, save));
        const data = {
          items,
          tags: library.tags.map((t) => ({ name: t.name, count: t.count })),
          nextCursor: library.nextAfter,
        };
        const more = data.nextCursor ? `\n\nMore: pass cursor "${data.nextCursor}".` : "";
        const none = query || tags ? "No saved insight matches." : "The library is empty.";
        return { text: insightsText("Saved insights", items, none) + more, data };
      }),
  );
}

function registerSave(server: McpServer, reader: Reader): void {
  server.registerTool(
    "save_insight",
    {
      title: "Save an insight to the reader's library",
      description:
        "Saves an insight to the reader's Podbrief library (saving one already saved changes " +
        "nothing). Saved insights show in list_saved, in the reader's exports and RSS, and make " +
        "their feed favour similar ones. Returns the insight as saved.",
      inputSchema: { id: insightId },
      outputSchema: { insight: insightShape },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
    ({ id }) =>
      answer("saving the insight", async () => {
        unwrap(await saveAction(reader, { insightId: id }));
        const insight = await readOne(reader, id);
        return { text: `Saved.\n\n${insightText(insight)}`, data: { insight } };
      }),
  );
}

function registerTag(server: McpServer, reader: Reader): void {
  server.registerTool(
    "tag_insight",
    {
      title: "Tag an insight in the reader's library",
      description:
        "Adds tags to an insight in the reader's library, saving it first when it is not saved yet. " +
        "Tags the insight already has are kept; none are removed. Returns the insight with all its tags.",
      inputSchema: { id: insightId, tags: tagList },
      outputSchema: { insight: insightShape },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
    ({ id, tags }) =>
      answer("tagging the insight", async () => {
        const names = tagNames(tags);
        const { saveId } = unwrap(await saveAction(reader, { insightId: id }));
        for (const name of names) unwrap(await addTagAction(reader, { saveId, name }));
        const insight = await readOne(reader, id);
        return {
          text: `Tagged ${names.join(", ")}.\n\n${insightText(insight)}`,
          data: { insight },
        };
      }),
  );
}

function registerBrief(server: McpServer, reader: Reader): void {
  server.registerTool(
    "get_brief",
    {
      title: "Get the reader's daily brief",
      description:
        "The reader's daily brief (the email of a few insights Podbrief picked for them) of a date, " +
        "today in the reader's time zone when no date is given: each insight with why it was chosen, " +
        "its quote, speaker, show, episode and listen link. `found` is false when no brief was made " +
        "that day; a skipped brief says why in `reason`.",
      inputSchema: {
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD")
          .optional()
          .describe("YYYY-MM-DD; leave out for today."),
      },
      outputSchema: {
        date: z.string(),
        found: z.boolean(),
        status: z.string().nullable(),
        subject: z.string().nullable(),
        reason: z.string().nullable().describe("Why the brief was skipped, when it was."),
        url: z.string(),
        items: z.array(insightShape.extend({ why: z.string().nullable() })),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ date }) =>
      answer("reading the brief", async () => {
        const brief = await readBriefOut({ reader, date });
        return { text: briefText(brief), data: brief };
      }),
  );
}

/** A day's brief (today's in the reader's zone by default) with the reader's saves on its items. */
export async function readBriefOut({
  reader,
  date,
}: {
  reader: Reader;
  date?: string;
}): Promise<BriefOut & { url: string }> {
  const day = await readBriefOfDay({ reader, date });
  const brief = day.brief;
  // The brief knows only whether an item is saved; the reader's tags and notes come along.
  const why = new Map(brief?.items.map((item) => [item.card.id, item.reason]));
  const cards = await readInsightCards({ reader, ids: [...why.keys()] });
  return {
    date: day.date,
    found: brief !== null,
    status: brief?.status ?? null,
    subject: brief?.subject ?? null,
    reason: brief?.reason ?? null,
    url: appUrl(`/brief/${day.date}`),
    items: cards.map(({ card, save }) => ({
      ...insightOut(card, save),
      why: why.get(card.id) ?? null,
    })),
  };
}
