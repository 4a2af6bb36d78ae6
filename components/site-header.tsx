import Link from "next/link";
import { AccountMenu } from "@/components/account-menu";

const navLink =
  "rounded px-1 py-1 hover:underline focus-visible:outline-2 focus-visible:outline-amber-600";

export function SiteHeader({
  reader,
  signOutAction,
}: {
  reader: { email: string | null } | null;
  signOutAction: () => Promise<void>;
}) {
  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur dark:border-stone-800 dark:bg-stone-900/80">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3"
      >
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Podbrief
        </Link>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
          <Link href="/feed" className={navLink}>
            Feed
          </Link>
          {reader ? (
            <Link href="/saved" className={navLink}>
              Saved
            </Link>
          ) : null}
          <Link href="/podcasts" className={navLink}>
            Podcasts
          </Link>
          {reader ? (
            <AccountMenu email={reader.email} signOutAction={signOutAction} />
          ) : (
            <Link
              href="/signin"
              className="rounded-full bg-amber-500 px-3 py-1.5 font-medium text-stone-950 hover:bg-amber-400"
            >
              Get the brief
            </Link>
          )}
        </div>
      </nav>
    </header>
  );
}
