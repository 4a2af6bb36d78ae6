import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur dark:border-stone-800 dark:bg-stone-900/80">
      <nav className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Podbrief
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <Link href="/feed" className="hover:underline">
            Feed
          </Link>
          <Link href="/podcasts" className="hover:underline">
            Podcasts
          </Link>
          <Link
            href="/signin"
            className="rounded-full bg-amber-500 px-3 py-1.5 font-medium text-stone-950 hover:bg-amber-400"
          >
            Get the brief
          </Link>
        </div>
      </nav>
    </header>
  );
}
