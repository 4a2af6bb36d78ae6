import { z } from "zod";
import { cursorField } from "@/lib/api/cursor";
import {
  apiSaved,
  briefDetail,
  briefPage,
  insightDetail,
  insightPage,
  readwiseDocument,
  savedPage,
  showList,
  topicList,
} from "@/lib/api/schemas";
import { tagName } from "@/lib/typed-text";

// Every route of /api/v1: its method, path, inputs and answer. The handlers under app/api/v1
// are built from these entries and the OpenAPI document is generated from them, so a route has
// one description of its inputs, and one the document cannot leave out (tests/db/api-openapi).

export type ApiRoute = {
  method: "GET" | "PUT" | "DELETE";
  /** The path under /api/v1, with `{name}` for a path parameter. */
  path: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** false: answered without a token (the document itself). */
  auth?: false;
};

const route = <R extends ApiRoute>(r: R): R => r;

const insightId = z.object({ id: z.uuid().meta({ description: "The insight's id." }) });
const dateTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
// PostgreSQL's timestamps (and toISOString's plain form) hold years 1 to 9999: outside that, a
// 400 rather than an error from the database.
const since = (what: string) =>
  dateTime
    .transform((value) => new Date(value))
    .refine((date) => date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999, {
      message: "a time between 1970 and 9999",
    })
    .optional()
    .meta({ description: `Only ${what} at or after this time (ISO 8601).` });
const tagNames = z
  .union([tagName, z.array(tagName)])
  .transform((value) => [value].flat())
  .optional();

export const API_ROUTES = {
  listInsights: route({
    method: "GET",
    path: "/insights",
    summary: "The reader's ranked feed, one page at a time",
    description:
      "The feed as the reader sees it on /feed. With `since`, a page may hold fewer insights than the page size: follow `next_cursor` to the end.",
    query: z.object({
      topic: z
        .string()
        .regex(/^[a-z0-9-]{1,100}$/, "a topic's slug (GET /topics)")
        .optional()
        .meta({ description: "A topic's slug (GET /topics)." }),
      show: z.uuid().optional().meta({ description: "A show's id (GET /shows)." }),
      q: z.string().max(200).optional().meta({ description: "Words to search for." }),
      since: since("insights made"),
      cursor: cursorField("insights", /^(p\d{1,4}|[0-9a-z]{1,12}\.[0-9a-z]{1,6})$/),
    }),
    response: insightPage,
  }),
  getInsight: route({
    method: "GET",
    path: "/insights/{id}",
    summary: "One insight, with the reader's save of it and related insights",
    params: insightId,
    response: insightDetail,
  }),
  listSaved: route({
    method: "GET",
    path: "/saved",
    summary: "The reader's saved insights with tags and notes, newest save first",
    query: z.object({
      tag: tagNames.meta({
        description: "Only saves carrying this tag (repeat for all of several).",
      }),
      updated_since: since("saves made, or whose note or tags changed,"),
      cursor: cursorField(
        "saved",
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      ),
    }),
    response: savedPage,
  }),
  exportReadwise: route({
    method: "GET",
    path: "/saved/readwise",
    summary: "Every saved insight in Readwise's highlight import shape",
    description: "POST the answer to Readwise's /api/v2/highlights/ as it is.",
    response: readwiseDocument,
  }),
  saveInsight: route({
    method: "PUT",
    path: "/saved/{id}",
    summary: "Save an insight (saving it again changes nothing)",
    params: insightId,
    response: apiSaved,
  }),
  unsaveInsight: route({
    method: "DELETE",
    path: "/saved/{id}",
    summary: "Remove a save (its note and tags come back if it is saved again)",
    params: insightId,
    response: z.object({ id: z.uuid(), saved: z.literal(false) }),
  }),
  setTags: route({
    method: "PUT",
    path: "/saved/{id}/tags",
    summary: "Replace the tags of a saved insight",
    params: insightId,
    body: z.object({
      tags: z
        .array(z.string())
        .max(50, "at most 50 tags")
        .meta({ description: "Tag names; lower-cased, spaces become dashes." }),
    }),
    response: apiSaved,
  }),
  setNote: route({
    method: "PUT",
    path: "/saved/{id}/note",
    summary: "Write (or with null or an empty string, clear) the note of a saved insight",
    params: insightId,
    body: z.object({ note: z.string().max(2000, "a note is at most 2000 characters").nullable() }),
    response: apiSaved,
  }),
  listBriefs: route({
    method: "GET",
    path: "/briefs",
    summary: "The reader's daily briefs, newest first",
    query: z.object({ cursor: cursorField("briefs", /^\d{4}-\d\d-\d\d$/) }),
    response: briefPage,
  }),
  getBrief: route({
    method: "GET",
    path: "/briefs/{date}",
    summary: "The brief of one local date, in the email's order",
    params: z.object({ date: z.iso.date().meta({ description: "YYYY-MM-DD, the reader's day." }) }),
    response: briefDetail,
  }),
  listShows: route({
    method: "GET",
    path: "/shows",
    summary: "Every show in the catalog, and whether the reader follows it",
    response: showList,
  }),
  listTopics: route({
    method: "GET",
    path: "/topics",
    summary: "Every topic, and whether the reader follows it",
    response: topicList,
  }),
  openapi: route({
    method: "GET",
    path: "/openapi.json",
    summary: "This document",
    response: z.record(z.string(), z.unknown()),
    auth: false,
  }),
};
