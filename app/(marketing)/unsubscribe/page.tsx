import type { Metadata } from "next";
import { buttonClass, TextLink } from "@/components/ui";
import { verifyBriefToken } from "@/lib/brief/tokens";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opening the link changes nothing (mail scanners open links); the button posts the choice.
export default async function UnsubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  const t = typeof params.t === "string" ? params.t : "";
  if (params.done) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold">You are unsubscribed</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-300">
          No more daily briefs. Changed your mind? Turn the brief back on in{" "}
          <TextLink href="/settings">Settings</TextLink>.
        </p>
      </main>
    );
  }
  const token = verifyBriefToken(t);
  if (token?.action !== "unsubscribe") {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold">This link does not work</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-300">
          It is not valid or has expired. You can turn the daily brief off in{" "}
          <TextLink href="/settings">Settings</TextLink>.
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Unsubscribe from the daily brief?</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-300">
        You will get no more brief emails. Your feed and saved insights stay as they are.
      </p>
      <form
        method="post"
        action={`/api/unsubscribe?${new URLSearchParams({ t })}`}
        className="mt-6"
      >
        <button type="submit" className={`${buttonClass} w-full`}>
          Unsubscribe
        </button>
      </form>
    </main>
  );
}
