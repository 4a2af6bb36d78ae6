import type { Metadata } from "next";
import { requireReader } from "@/app/(reader)/require-reader";
import { AccountSection, BriefPreviewSection } from "@/app/(reader)/settings/sections";
import { ApiTokensSection } from "@/app/(reader)/settings/tokens-section";
import { newTokenSecret } from "@/app/actions/new-token";
import { ReaderSettings } from "@/components/reader-settings";
import { Notice, PageTitle } from "@/components/ui";
import { readFlash } from "@/lib/flash";
import { readBriefPreview } from "@/lib/views/brief";
import { parseParams, type SearchParams } from "@/lib/views/params";
import {
  readApiTokens,
  readSettings,
  SHOW_QUEUED_NOTICE,
  settingsParams,
} from "@/lib/views/settings";
import { readShowSearch, showSearchParams } from "@/lib/views/show-search";

export const metadata: Metadata = { title: "Settings" };

const SAVED_NOTICE: Record<string, string> = {
  "show-queued": SHOW_QUEUED_NOTICE,
  "token-made": "Token made.",
  "token-revoked": "Token revoked. Programs using it can no longer reach your insights.",
};

type Props = { searchParams: Promise<SearchParams> };

export default async function SettingsPage({ searchParams }: Props) {
  const reader = await requireReader("/settings");
  const params = await searchParams;
  const { profile, topics, shows, q, here, settings } = await readSettings({
    reader,
    path: "/settings",
    params: parseParams(settingsParams, params),
  });
  const { find } = parseParams(showSearchParams, params);
  const showSearch = find ? await readShowSearch({ reader, q: find }) : null;
  const [preview, tokens, newSecret] = await Promise.all([
    readBriefPreview({
      reader,
      followedTopics: settings.followedTopics,
      cadence: settings.briefCadence,
      timeZone: settings.timeZone,
    }),
    readApiTokens({ reader }),
    newTokenSecret({ userId: reader.id }),
  ]);
  const saved = readFlash(params, "saved");
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle
        title="Settings"
        lead={reader.email ? `Signed in as ${reader.email}` : undefined}
      />
      <div className="mt-4">
        <Notice
          error={readFlash(params, "error")}
          success={saved ? (SAVED_NOTICE[saved] ?? "Settings saved.") : null}
        />
      </div>
      {profile?.unsubscribedAt ? (
        <p className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          You unsubscribed from the brief. Tick “Email me the brief” and save to get it again.
        </p>
      ) : null}
      <ReaderSettings
        mode="settings"
        here={here}
        topics={topics}
        shows={shows}
        showQuery={q}
        showSearch={showSearch}
        settings={settings}
        prefillTimeZone={false}
      />
      <BriefPreviewSection preview={preview} />
      <ApiTokensSection tokens={tokens} newSecret={newSecret} />
      <AccountSection />
    </main>
  );
}
