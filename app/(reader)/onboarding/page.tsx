import type { Metadata } from "next";
import { requireReader } from "@/app/(reader)/require-reader";
import { ReaderSettings } from "@/components/reader-settings";
import { Notice, PageTitle } from "@/components/ui";
import { readFlash } from "@/lib/flash";
import { parseParams, type SearchParams } from "@/lib/views/params";
import { readSettings, SHOW_QUEUED_NOTICE, settingsParams } from "@/lib/views/settings";
import { readShowSearch, showSearchParams } from "@/lib/views/show-search";

export const metadata: Metadata = { title: "Welcome" };

type Props = { searchParams: Promise<SearchParams> };

export default async function OnboardingPage({ searchParams }: Props) {
  const reader = await requireReader("/onboarding");
  const params = await searchParams;
  const { profile, topics, shows, q, here, settings } = await readSettings({
    reader,
    path: "/onboarding",
    params: parseParams(settingsParams, params),
  });
  const { find } = parseParams(showSearchParams, params);
  const showSearch = find ? await readShowSearch({ reader, q: find }) : null;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle
        title="Welcome to Podbrief"
        lead="Pick what you want to hear about. You can change all of it later in Settings."
      />
      <div className="mt-4 space-y-2">
        <Notice
          error={readFlash(params, "error")}
          success={readFlash(params, "saved") === "show-queued" ? SHOW_QUEUED_NOTICE : null}
        />
      </div>
      <ReaderSettings
        mode="onboarding"
        here={here}
        topics={topics}
        shows={shows}
        showQuery={q}
        showSearch={showSearch}
        settings={settings}
        prefillTimeZone={!profile?.onboardedAt && (profile?.timeZone ?? "UTC") === "UTC"}
      />
    </main>
  );
}
