import Link from "next/link";

export function NotFoundMessage() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-300">
        That page or insight does not exist, or it is no longer here.
      </p>
      <Link href="/feed" className="mt-6 inline-block font-semibold underline">
        Back to the feed
      </Link>
    </main>
  );
}
