import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign in" };

// Placeholder until email sign-in lands (see the readers issue); the feed is open meanwhile.
export default function SignInPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Sign-up opens soon</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-300">
        Accounts and the daily email brief are on their way. Until then, everyone can read the
        latest insights.
      </p>
      <Link
        href="/feed"
        className="mt-6 inline-block font-semibold text-amber-700 underline dark:text-amber-400"
      >
        Read the feed
      </Link>
    </main>
  );
}
