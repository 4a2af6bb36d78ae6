import { addShowForm, followForm, saveSettingsForm } from "@/app/actions/reader";
import { BriefCadenceField } from "@/components/brief-cadence-field";
import { OpmlUpload } from "@/components/opml-upload";
import { ShowSearch } from "@/components/show-search";
import { TimeZoneField } from "@/components/time-zone-field";
import { buttonClass, inputClass, quietButtonClass } from "@/components/ui";
import type { ShowSearchResults } from "@/lib/views/show-search";

// Topics, shows, interests, time zone, brief hour and cadence: the onboarding page and /settings.
// The settings inputs sit in several sections but belong to one form (form="settings"); the
// show search, follow buttons and add-by-URL are forms of their own.

type Settings = {
  followedTopics: string[];
  interests: string;
  timeZone: string;
  briefHour: number;
  briefEnabled: boolean;
  briefCadence: string;
  briefWeekday: number;
};
type Show = { id: string; title: string; author: string | null; followed: boolean };

type Props = {
  mode: "onboarding" | "settings";
  here: string;
  topics: { slug: string; label: string }[];
  shows: Show[];
  showQuery: string;
  /** The show search's results for the page's ?find= (rendered without JavaScript too). */
  showSearch?: ShowSearchResults | null;
  settings: Settings;
  prefillTimeZone: boolean;
};

const section =
  "mt-8 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

export function ReaderSettings({
  mode,
  here,
  topics,
  shows,
  showQuery,
  showSearch = null,
  settings,
  prefillTimeZone,
}: Props) {
  return (
    <>
      <form id="settings" action={saveSettingsForm}>
        <input type="hidden" name="next" value={here} />
        {mode === "onboarding" ? <input type="hidden" name="onboarding" value="on" /> : null}
      </form>
      <TopicsSection topics={topics} settings={settings} />
      <ShowsSection here={here} shows={shows} showQuery={showQuery} showSearch={showSearch} />
      <BriefSection settings={settings} prefillTimeZone={prefillTimeZone} />
      <div className="mt-6 flex justify-end">
        <button type="submit" form="settings" className={buttonClass}>
          {mode === "onboarding" ? "Save and show my feed" : "Save settings"}
        </button>
      </div>
    </>
  );
}

function TopicsSection({ topics, settings }: Pick<Props, "topics" | "settings">) {
  const followed = new Set(settings.followedTopics);
  return (
    <section aria-labelledby="topics-heading" className={section}>
      <h2 id="topics-heading" className="text-lg font-semibold">
        Topics you care about
      </h2>
      <fieldset className="mt-3">
        <legend className="sr-only">Topics</legend>
        <div className="flex flex-wrap gap-2">
          {topics.map((topic) => (
            <label
              key={topic.slug}
              className="cursor-pointer rounded-full border border-stone-300 px-3 py-1 text-sm has-checked:border-amber-600 has-checked:bg-amber-50 has-checked:text-amber-950 has-focus-visible:outline-2 has-focus-visible:outline-amber-600 dark:border-stone-700 dark:has-checked:bg-amber-950 dark:has-checked:text-amber-100"
            >
              <input
                type="checkbox"
                name="topics"
                value={topic.slug}
                form="settings"
                defaultChecked={followed.has(topic.slug)}
                className="sr-only"
              />
              {topic.label}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="interests" className="mt-4 block text-sm font-medium">
        Anything else you want more of? <span className="font-normal">(optional)</span>
      </label>
      <textarea
        id="interests"
        name="interests"
        form="settings"
        rows={2}
        maxLength={1000}
        defaultValue={settings.interests}
        placeholder="e.g. hiring engineers, pricing a SaaS product, sleep and training"
        className={`${inputClass} mt-1`}
      />
    </section>
  );
}

function ShowsSection({
  here,
  shows,
  showQuery,
  showSearch,
}: Pick<Props, "here" | "shows" | "showQuery" | "showSearch">) {
  return (
    <section aria-labelledby="shows-heading" className={section}>
      <h2 id="shows-heading" className="text-lg font-semibold">
        Shows you follow
      </h2>
      <form method="get" action={here.split("?")[0]} className="mt-3 flex gap-2">
        <label htmlFor="show-q" className="sr-only">
          Search shows
        </label>
        <input
          id="show-q"
          name="q"
          type="search"
          defaultValue={showQuery}
          placeholder="Search shows"
          className={inputClass}
        />
        <button type="submit" className={quietButtonClass}>
          Search
        </button>
      </form>
      <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
        {shows.length === 0 ? <li className="py-2 text-sm">No shows match.</li> : null}
        {shows.map((show) => (
          <ShowRow key={show.id} show={show} here={here} />
        ))}
      </ul>
      <h3 className="mt-6 font-semibold">Find a show to follow</h3>
      <div className="mt-2">
        <ShowSearch path={here.split("?")[0] ?? here} param="find" initial={showSearch ?? null} />
      </div>
      <AddShow here={here} />
      <OpmlUpload />
    </section>
  );
}

function ShowRow({ show, here }: { show: Show; here: string }) {
  return (
    <li className="flex items-center justify-between gap-3 py-2">
      <span className="min-w-0">
        <span className="block truncate font-medium">{show.title || "Untitled show"}</span>
        {show.author ? (
          <span className="block truncate text-sm text-stone-600 dark:text-stone-300">
            {show.author}
          </span>
        ) : null}
      </span>
      <form action={followForm}>
        <input type="hidden" name="podcastId" value={show.id} />
        <input type="hidden" name="next" value={here} />
        <input type="hidden" name="follow" value={show.followed ? "false" : "true"} />
        <button type="submit" aria-pressed={show.followed} className={quietButtonClass}>
          {show.followed ? "✓ Following" : "Follow"}
          {/* The show's name is part of the button's name, after the words it shows (WCAG 2.5.3). */}
          <span className="sr-only"> {show.title || "Untitled show"}</span>
        </button>
      </form>
    </li>
  );
}

function AddShow({ here }: { here: string }) {
  return (
    <form action={addShowForm} className="mt-4">
      <input type="hidden" name="next" value={here} />
      <label htmlFor="show-url" className="block text-sm font-medium">
        Missing a show? Paste its RSS feed address
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="show-url"
          name="url"
          type="url"
          required
          placeholder="https://example.com/feed.xml"
          className={inputClass}
        />
        <button type="submit" className={quietButtonClass}>
          Add
        </button>
      </div>
    </form>
  );
}

function BriefSection({ settings, prefillTimeZone }: Pick<Props, "settings" | "prefillTimeZone">) {
  const zones = Intl.supportedValuesOf("timeZone");
  for (const zone of [settings.timeZone, "UTC"]) if (!zones.includes(zone)) zones.unshift(zone);
  return (
    <section aria-labelledby="brief-heading" className={section}>
      <h2 id="brief-heading" className="text-lg font-semibold">
        Your brief
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-300">
        The best insights for you, by email, at your hour: daily, on weekdays or once a week.
      </p>
      <div className="mt-3">
        <BriefCadenceField
          cadence={settings.briefCadence}
          weekday={settings.briefWeekday}
          form="settings"
        />
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="timeZone" className="block text-sm font-medium">
            Time zone
          </label>
          <TimeZoneField
            zones={zones}
            value={settings.timeZone}
            prefill={prefillTimeZone}
            className={`${inputClass} mt-1`}
          />
        </div>
        <div>
          <label htmlFor="briefHour" className="block text-sm font-medium">
            Send it at
          </label>
          <select
            id="briefHour"
            name="briefHour"
            form="settings"
            defaultValue={settings.briefHour}
            className={`${inputClass} mt-1`}
          >
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="briefEnabled"
          form="settings"
          defaultChecked={settings.briefEnabled}
          className="size-4 accent-amber-600"
        />
        Email me the brief
      </label>
    </section>
  );
}
