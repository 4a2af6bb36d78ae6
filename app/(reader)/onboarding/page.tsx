import type { Metadata } from "next";
import { addShowForm, followForm, saveSettingsForm } from "@/app/actions/reader";
import { ReaderSettings } from "@/components/reader-settings";
import { Notice, PageTitle } from "@/components/ui";
import { readFlash } from "@/lib/flash";
import { loadReaderSettings, SHOW_QUEUED_NOTICE } from "@/lib/reader-settings";
import { requireReader } from "@/lib/session";

export const metadata: Metadata = { title: "Welcome" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OnboardingPage({ searchParams }: Props) {
  const reader = await requireReader("/onboarding");
  const params = await searchParams;
  const { profile, topics, shows, q, here, settings } = await loadReaderSettings({
    userId: reader.id,
    path: "/onboarding",
    params,
  });
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
        settings={settings}
        prefillTimeZone={!profile?.onboardedAt && (profile?.timeZone ?? "UTC") === "UTC"}
        actions={{ save: saveSettingsForm, follow: followForm, addShow: addShowForm }}
      />
    </main>
  );
}
