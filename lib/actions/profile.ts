import { z } from "zod";
import { feedToken } from "@/db/queries/profiles";
import { getTopic, listTopics } from "@/db/queries/topics";
import { addAndFollowShow, takeAddShowQuota } from "@/lib/actions/add-shows";
import { readerAction } from "@/lib/actions/reader-action";
import { BRIEF_CADENCES } from "@/lib/brief/cadence";
import { AppError } from "@/lib/errors";
import { embedTexts } from "@/lib/insights/embed";
import {
  followPodcast,
  saveProfile,
  setFollows,
  setTopicFollowed,
  unfollowPodcast,
} from "@/lib/reader-changes";
import { typedText } from "@/lib/typed-text";

// What a reader chooses: topics, shows, interests, time zone, brief hour and cadence; the private
// feed URL.

const asList = (value: unknown) =>
  value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];

export const timeZone = z
  .string()
  .trim()
  // A zone name; UTC offsets like "+05:30" are refused: PostgreSQL reads their sign the other way.
  .regex(/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/, "is not a time zone we know")
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "is not a time zone we know");

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** How often the brief goes out, and the weekly brief's day (0 = Sunday … 6 = Saturday). */
export const cadenceFields = {
  briefCadence: z.enum(BRIEF_CADENCES, {
    error: "choose daily, weekdays or weekly for your brief",
  }),
  briefWeekday: z.preprocess(
    (day) => (day === "" || day === null || day === undefined ? undefined : Number(day)),
    z
      .number({ error: "choose the day of the week your weekly brief arrives" })
      .int("choose the day of the week your weekly brief arrives")
      .min(0, "choose the day of the week your weekly brief arrives")
      .max(6, "choose the day of the week your weekly brief arrives"),
  ),
};

export const settingsInput = z.object({
  topics: z.preprocess(asList, z.array(z.string().max(60)).max(40)),
  podcastIds: z.preprocess(asList, z.array(z.uuid()).max(500)).optional(),
  interests: typedText(1000, "interests are at most 1000 characters").prefault(""),
  timeZone,
  // An empty hour is no hour: it is never taken as midnight.
  briefHour: z.preprocess(
    (hour) => (hour === "" || hour === null || hour === undefined ? undefined : Number(hour)),
    z
      .number({ error: "choose the hour your brief arrives" })
      .int("choose the hour your brief arrives")
      .min(0, "choose the hour your brief arrives")
      .max(23, "choose the hour your brief arrives"),
  ),
  briefEnabled: checkbox,
  // Optional: a form without the choice (an older page, the API) keeps the stored cadence.
  briefCadence: cadenceFields.briefCadence.optional(),
  briefWeekday: cadenceFields.briefWeekday.optional(),
  onboarding: checkbox.optional(),
});

export const saveSettingsAction = readerAction(
  "saving your settings",
  settingsInput,
  async (input, reader) => {
    const vocabulary = new Set((await listTopics()).map((t) => t.slug));
    const unknown = input.topics.find((slug) => !vocabulary.has(slug));
    if (unknown) throw new AppError("bad_request:topic", `There is no topic “${unknown}”.`);
    const [interestsEmbedding] = input.interests ? await embedTexts([input.interests]) : [null];
    await saveProfile({
      userId: reader.id,
      onboarded: Boolean(input.onboarding),
      settings: {
        interests: input.interests,
        interestsEmbedding: interestsEmbedding ?? null,
        followedTopics: input.topics,
        timeZone: input.timeZone,
        briefHour: input.briefHour,
        briefEnabled: input.briefEnabled,
        briefCadence: input.briefCadence,
        briefWeekday: input.briefWeekday,
      },
    });
    if (input.podcastIds) await setFollows({ userId: reader.id, podcastIds: input.podcastIds });
    return { saved: true };
  },
);

export const followAction = readerAction(
  "following the show",
  z.object({ podcastId: z.uuid(), follow: checkbox }),
  async ({ podcastId, follow }, reader) => {
    const done = follow
      ? await followPodcast({ userId: reader.id, podcastId })
      : await unfollowPodcast({ userId: reader.id, podcastId });
    if (!done) throw new AppError("not_found:podcast");
    return { podcastId, follow };
  },
);

/** Follow / unfollow on a topic's page. */
export const followTopicAction = readerAction(
  "following the topic",
  z.object({ slug: z.string().trim().min(1).max(60), follow: checkbox }),
  async ({ slug, follow }, reader) => {
    if (!(await getTopic({ slug })))
      throw new AppError("not_found:topic", "There is no such topic.");
    await setTopicFollowed({ userId: reader.id, slug, followed: follow });
    return { slug, follow };
  },
);

export const addShowAction = readerAction(
  "adding the show",
  z.object({ url: z.string().trim().min(1, "paste the show's feed address").max(2000) }),
  async ({ url }, reader) => {
    await takeAddShowQuota({ userId: reader.id });
    const show = await addAndFollowShow({ url, userId: reader.id });
    return { podcastId: show.id, feedUrl: show.feedUrl, created: show.created };
  },
);

export const resetFeedTokenAction = readerAction(
  "making a new private feed address",
  z.object({}),
  async (_input, reader) => ({ token: await feedToken({ userId: reader.id, reset: true }) }),
);
