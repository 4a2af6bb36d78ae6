import type { Metadata } from "next";
import { signOutForm } from "@/app/actions/auth";
import { addShowForm, followForm, saveSettingsForm } from "@/app/actions/reader";
import { ReaderSettings } from "@/components/reader-settings";
import { Notice, PageTitle, quietButtonClass, TextLink } from "@/components/ui";
import { insightCardsByIds } from "@/db/queries/insights";
import { chooseBriefItems } from "@/lib/brief/compose";
import { readFlash } from "@/lib/flash";
import { loadReaderSettings, SHOW_QUEUED_NOTICE } from "@/lib/reader-settings";
import { requireReader } from "@/lib/session";

export const metadata: Metadata = { title: "Settings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsPage({ searchParams }: Props) {
  const reader = await requireReader("/settings");
  const params = await searchParams;
  const { profile, topics, shows, q, here, settings } = await loadReaderSettings({
    userId: reader.id,
    path: "/settings",
    params,
  });
  const preview = await chooseBriefItems({
    userId: reader.id,
    followedTopics: profile?.followedTopics ?? [],
    now: new Date(),
  });
  const previewCards =
    preview.kind === "brief"
      ? await insightCardsByIds({ ids: preview.picks.map((p) => p.insightId) })
      : [];
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
          success={saved === "show-queued" ? SHOW_QUEUED_NOTICE : saved ? "Settings saved." : null}
        />
      </div>
      {profile?.unsubscribedAt ? (
        <p className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          You unsubscribed from the daily brief. Tick “Email me the daily brief” and save to get it
          again.
        </p>
      ) : null}
      <ReaderSettings
        mode="settings"
        here={here}
        topics={topics}
        shows={shows}
        showQuery={q}
        settings={settings}
        prefillTimeZone={false}
        actions={{ save: saveSettingsForm, follow: followForm, addShow: addShowForm }}
      />
      <section
        aria-labelledby="preview-heading"
        className="mt-10 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="preview-heading" className="text-lg font-semibold">
          Your next brief, if it went out now
        </h2>
        {preview.kind === "quiet" ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">
            Nothing would be sent: {preview.reason}.
          </p>
        ) : (
          <ol className="mt-3 list-decimal space-y-1 pl-5">
            {previewCards.map((card) => (
              <li key={card.id}>
                <TextLink href={`/insights/${card.id}`}>{card.headline}</TextLink>{" "}
                <span className="text-sm text-stone-600 dark:text-stone-300">
                  · {card.podcast.title}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section
        aria-labelledby="account-heading"
        className="mt-10 border-t border-stone-200 pt-6 dark:border-stone-800"
      >
        <h2 id="account-heading" className="text-lg font-semibold">
          Library and account
        </h2>
        <p className="mt-2 text-sm">
          <TextLink href="/saved">Saved insights</TextLink> · <TextLink href="/tags">Tags</TextLink>{" "}
          · export and private feed on the Saved page
        </p>
        <form action={signOutForm} className="mt-4">
          <button type="submit" className={quietButtonClass}>
            Sign out
          </button>
        </form>
      </section>
    </main>
  );
}
