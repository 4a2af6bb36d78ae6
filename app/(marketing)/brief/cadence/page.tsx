import type { Metadata } from "next";
import { z } from "zod";
import { changeBriefCadence } from "@/app/actions/brief";
import { BriefCadenceField } from "@/components/brief-cadence-field";
import { buttonClass, Notice, TextLink } from "@/components/ui";
import { readFlash } from "@/lib/flash";
import { readCadenceLink } from "@/lib/views/brief";
import { one, parseParams, type SearchParams, text } from "@/lib/views/params";

export const metadata: Metadata = {
  title: "How often your brief arrives",
  robots: { index: false },
};

type Props = { searchParams: Promise<SearchParams> };

const cadenceParams = z.object({ t: text, done: one });

// The brief email's "Change how often" link lands here, signed for its reader, no sign-in needed.
// Opening it changes nothing (mail scanners open links); the form's button does, by POST.
export default async function BriefCadencePage({ searchParams }: Props) {
  const params = await searchParams;
  const { t, done } = parseParams(cadenceParams, params);
  const link = await readCadenceLink(t);
  if (!link) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold">This link does not work</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-300">
          It is not valid or has expired. You can choose how often your brief arrives in{" "}
          <TextLink href="/settings">Settings</TextLink>.
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">How often should your brief arrive?</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-300">
        It arrives {link.now}, in your time zone.
      </p>
      <div className="mt-4">
        <Notice
          error={readFlash(params, "error")}
          success={done ? `Saved: your brief now arrives ${link.now}.` : null}
        />
      </div>
      <form action={changeBriefCadence} className="mt-6 space-y-6">
        <input type="hidden" name="t" value={t} />
        <BriefCadenceField cadence={link.cadence} weekday={link.weekday} />
        <button type="submit" className={`${buttonClass} w-full`}>
          Save
        </button>
      </form>
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-300">
        Topics, time zone and hour are in <TextLink href="/settings">Settings</TextLink>.
      </p>
    </main>
  );
}
