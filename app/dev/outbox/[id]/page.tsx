import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TextLink } from "@/components/ui";
import { readOutboxMessage } from "@/lib/views/outbox";

export const metadata: Metadata = { title: "Outbox message", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function OutboxMessagePage({ params }: Props) {
  const message = await readOutboxMessage((await params).id);
  if (!message) notFound();
  const headers: [string, string][] = [
    ["From", message.from],
    ["To", message.to],
    ["Subject", message.subject],
    ["Date", message.createdAt.toUTCString()],
    ...Object.entries(message.headers ?? {}),
  ];
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <TextLink href="/dev/outbox">← Outbox</TextLink>
      <h1 className="mt-3 text-2xl font-bold">{message.subject}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {headers.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="font-medium text-stone-600 dark:text-stone-300">{name}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-6 text-lg font-semibold">HTML</h2>
      {/* The email's HTML is served on its own route with a CSP that runs no script. */}
      <iframe
        title={`HTML of “${message.subject}”`}
        src={`/dev/outbox/${message.id}/html`}
        sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
        className="mt-2 h-[32rem] w-full rounded-xl border border-stone-200 bg-white dark:border-stone-800"
      />
      <h2 className="mt-6 text-lg font-semibold">Plain text</h2>
      <pre className="mt-2 whitespace-pre-wrap break-words rounded-xl border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
        {message.text}
      </pre>
    </main>
  );
}
