import type { Metadata } from "next";
import { addShowForm, followForm, saveSettingsForm } from "@/app/actions/reader";
import { ReaderSettings } from "@/components/reader-settings";
import { Notice, PageTitle } from "@/components/ui";
import { getProfile, listShowChoices } from "@/db/queries/profiles";
import { listTopics } from "@/db/queries/topics";
import { readFlash } from "@/lib/flash";
import { requireReader } from "@/lib/session";

export const metadata: Metadata = { title: "Welcome" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OnboardingPage({ searchParams }: Props) {
  const reader = await requireReader("/onboarding");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const q = one("q") ?? "";
  const [profile, topics, shows] = await Promise.all([
    getProfile({ userId: reader.id }),
    listTopics(),
    listShowChoices({ userId: reader.id, q }),
  ]);
  const here = q ? `/onboarding?${new URLSearchParams({ q })}` : "/onboarding";
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle
        title="Welcome to Podbrief"
        lead="Pick what you want to hear about. You can change all of it later in Settings."
      />
      <div className="mt-4 space-y-2">
        <Notice
          error={readFlash(params, "error")}
          success={
            readFlash(params, "saved") === "show-queued"
              ? "Show added and followed. It is queued: its insights appear after its next scan."
              : null
          }
        />
      </div>
      <ReaderSettings
        mode="onboarding"
        here={here}
        topics={topics}
        shows={shows}
        showQuery={q}
        settings={{
          followedTopics: profile?.followedTopics ?? [],
          interests: profile?.interests ?? "",
          timeZone: profile?.timeZone ?? "UTC",
          briefHour: profile?.briefHour ?? 7,
          briefEnabled: profile?.briefEnabled ?? true,
        }}
        prefillTimeZone={!profile?.onboardedAt && (profile?.timeZone ?? "UTC") === "UTC"}
        actions={{ save: saveSettingsForm, follow: followForm, addShow: addShowForm }}
      />
    </main>
  );
}
