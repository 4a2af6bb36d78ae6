import type { Metadata } from "next";
import { buttonClass, TextLink } from "@/components/ui";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The emailed link lands here. Signing in takes a click on the button: mail scanners fetch links
// but do not submit forms, so they cannot use up the one-time token.
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : "");
  const token = one("token");
  const email = one("email");
  const callbackUrl = one("callbackUrl");
  if (!token || !email) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold">This link is incomplete</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-300">
          Copy the whole link from the email, or{" "}
          <TextLink href="/signin">ask for a new one</TextLink>.
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Sign in to Podbrief</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-300">
        Continue as <strong className="text-stone-900 dark:text-stone-100">{email}</strong>.
      </p>
      <form method="get" action="/api/auth/callback/email" className="mt-6">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <button type="submit" className={`${buttonClass} w-full`}>
          Sign in
        </button>
      </form>
    </main>
  );
}
