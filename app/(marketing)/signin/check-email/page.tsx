import type { Metadata } from "next";
import { TextLink } from "@/components/ui";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth";
import { outboxViewerEnabled } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  const outbox = outboxViewerEnabled();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Check your email</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-300">
        We sent you a sign-in link. It works once, for the next {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      {outbox ? (
        <p className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          No mail provider is set up, so emails are kept in the{" "}
          <TextLink href="/dev/outbox">local outbox</TextLink>. Open it to find your link.
        </p>
      ) : null}
    </main>
  );
}
