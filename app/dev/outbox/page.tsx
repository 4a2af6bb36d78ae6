import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { EmptyState, PageTitle } from "@/components/ui";
import { readOutbox } from "@/lib/views/outbox";

export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

// The local outbox: emails kept instead of sent because no mail provider is configured.
export default async function OutboxPage() {
  await connection();
  const messages = await readOutbox();
  if (!messages) notFound();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle
        title="Outbox"
        lead="No mail provider is set (RESEND_API_KEY), so emails are kept here instead of sent."
      />
      {messages.length === 0 ? (
        <EmptyState>No emails yet.</EmptyState>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {messages.map((m) => (
            <li key={m.id}>
              <Link
                href={`/dev/outbox/${m.id}`}
                className="block px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800"
              >
                <span className="font-medium">{m.subject}</span>
                <span className="block text-sm text-stone-600 dark:text-stone-300">
                  to {m.to} · {m.kind} ·{" "}
                  <time dateTime={m.createdAt.toISOString()}>
                    {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                  </time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
