import { signOutForm } from "@/app/actions/auth";
import { quietButtonClass, TextLink } from "@/components/ui";
import type { BriefPreview } from "@/lib/views/brief";

// The parts of /settings below the settings form.

export function BriefPreviewSection({ preview }: { preview: BriefPreview }) {
  return (
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
          {preview.items.map((item) => (
            <li key={item.id}>
              <TextLink href={`/insights/${item.id}`}>{item.headline}</TextLink>{" "}
              <span className="text-sm text-stone-600 dark:text-stone-300">
                · {item.podcastTitle}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function AccountSection() {
  return (
    <section
      aria-labelledby="account-heading"
      className="mt-10 border-t border-stone-200 pt-6 dark:border-stone-800"
    >
      <h2 id="account-heading" className="text-lg font-semibold">
        Library and account
      </h2>
      <p className="mt-2 text-sm">
        <TextLink href="/saved">Saved insights</TextLink> · <TextLink href="/tags">Tags</TextLink> ·
        export and private feed on the Saved page
      </p>
      <form action={signOutForm} className="mt-4">
        <button type="submit" className={quietButtonClass}>
          Sign out
        </button>
      </form>
    </section>
  );
}
