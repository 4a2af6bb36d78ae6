import type { Metadata } from "next";
import { z } from "zod";
import { recordBriefChoice } from "@/app/actions/brief";
import { buttonClass, TextLink } from "@/components/ui";
import { readBriefChoice } from "@/lib/views/brief";
import { one, parseParams, type SearchParams, text } from "@/lib/views/params";

export const metadata: Metadata = { title: "Your brief", robots: { index: false } };

type Props = { searchParams: Promise<SearchParams> };

const actParams = z.object({ t: text, done: one });

const VERB = { save: "Save", more: "More like this", less: "Less like this" } as const;
const DONE = {
  save: "Saved to your library.",
  more: "Noted: more like this in your feed and brief.",
  less: "Noted: less like this in your feed and brief.",
} as const;

// A one-click link from the brief lands here. Opening it records nothing (mail scanners open
// links); the button does, by POST.
export default async function BriefActionPage({ searchParams }: Props) {
  const { t, done } = parseParams(actParams, await searchParams);
  const choice = await readBriefChoice(t);
  if (!choice) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold">This link does not work</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-300">
          It is not valid or has expired. Open your <TextLink href="/feed">feed</TextLink> instead.
        </p>
      </main>
    );
  }
  const { insight } = choice;
  const action = choice.token.action;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <p className="text-sm font-medium uppercase tracking-wide text-stone-600 dark:text-stone-300">
        {insight.podcast.title}
      </p>
      <h1 className="mt-1 text-2xl font-bold">{insight.headline}</h1>
      {done ? (
        <p
          role="status"
          className="mt-6 rounded-lg bg-emerald-50 p-3 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {DONE[action]} <TextLink href={`/insights/${insight.id}`}>Open the insight</TextLink>
        </p>
      ) : (
        <form action={recordBriefChoice} className="mt-6">
          <input type="hidden" name="t" value={t} />
          <button type="submit" className={`${buttonClass} w-full`}>
            {VERB[action]}
          </button>
        </form>
      )}
    </main>
  );
}
