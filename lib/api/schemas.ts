import { z } from "zod";

// The shapes the JSON API answers with. The handlers' results are typed by them and the OpenAPI
// document is generated from them, so the document cannot drift from what is sent.

export const apiInsight = z
  .object({
    id: z.uuid(),
    headline: z.string(),
    body: z.string().meta({ description: "The claim, in two or three sentences." }),
    quote: z.string().meta({ description: "The words in the episode the claim rests on." }),
    speaker: z.string().nullable(),
    start_seconds: z.number().nullable().meta({ description: "Where the quote starts." }),
    listen_url: z
      .string()
      .nullable()
      .meta({ description: "The audio at the quote (a media fragment), else the episode page." }),
    url: z.string().meta({ description: "The insight's page on Podbrief." }),
    topics: z.array(z.object({ slug: z.string(), label: z.string() })),
    show: z.object({ id: z.uuid(), title: z.string() }),
    episode: z.object({
      id: z.uuid(),
      title: z.string(),
      url: z.string().nullable(),
      published_at: z.string().nullable(),
    }),
  })
  .meta({ title: "Insight" });
export type ApiInsight = z.output<typeof apiInsight>;

export const apiSaved = apiInsight
  .extend({
    saved_at: z.string(),
    updated_at: z.string(),
    note: z.string().nullable(),
    tags: z.array(z.string()),
  })
  .meta({ title: "SavedInsight" });
export type ApiSaved = z.output<typeof apiSaved>;

export const nextCursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as `cursor` for the next page; null on the last page." });

export const insightPage = z.object({
  insights: z.array(apiInsight.extend({ reason: z.string().nullable(), saved: z.boolean() })),
  next_cursor: nextCursor,
});

export const insightDetail = z.object({
  insight: apiInsight,
  saved: apiSaved.pick({ saved_at: true, note: true, tags: true }).nullable(),
  related: z.array(apiInsight.extend({ similarity: z.number() })),
});

export const savedPage = z.object({ saved: z.array(apiSaved), next_cursor: nextCursor });

export const briefSummary = z.object({
  date: z.iso.date(),
  status: z.string(),
  subject: z.string().nullable(),
  item_count: z.number(),
});
export const briefPage = z.object({ briefs: z.array(briefSummary), next_cursor: nextCursor });
export const briefDetail = z.object({
  date: z.iso.date(),
  status: z.string(),
  subject: z.string().nullable(),
  reason: z.string().nullable(),
  insights: z.array(apiInsight.extend({ reason: z.string().nullable(), saved: z.boolean() })),
});

export const showList = z.object({
  shows: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      image_url: z.string().nullable(),
      episode_count: z.number(),
      followed: z.boolean(),
    }),
  ),
});

export const topicList = z.object({
  topics: z.array(z.object({ slug: z.string(), label: z.string(), followed: z.boolean() })),
});

/** Readwise's highlight import (POST /api/v2/highlights/ takes this document as it is). */
export const readwiseHighlight = z.object({
  text: z.string(),
  title: z.string(),
  author: z.string(),
  source_url: z.string().optional(),
  source_type: z.literal("podbrief"),
  category: z.literal("podcasts"),
  note: z.string(),
  location: z.number().int().optional(),
  location_type: z.literal("time_offset").optional(),
  highlighted_at: z.string(),
  highlight_url: z.string(),
});
export const readwiseDocument = z.object({ highlights: z.array(readwiseHighlight) });
export type ReadwiseDocument = z.output<typeof readwiseDocument>;

export const apiError = z
  .object({
    error: z.object({
      code: z.enum(["unauthorized", "not_found", "bad_request", "rate_limited", "unavailable"]),
      message: z.string().meta({ description: "What went wrong, in words a person can read." }),
    }),
  })
  .meta({ title: "Error" });
