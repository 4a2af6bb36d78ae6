import Link from "next/link";
import { InsightCard } from "@/components/insight-card";
import { newestInsights } from "@/lib/shared-lists";

/** The landing page, the same for everyone: served to signed-out visitors from the cache. */
export async function Landing() {
  const preview = await newestInsights();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 pb-16">
      <section className="py-16 text-center sm:py-24">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Get your free personalized podcast brief.
        </h1>
        <p className="mx-auto mt-4 max-w-xl text-lg text-stone-600 dark:text-stone-300">
          We scan new podcasts and send you the top 5 insights daily. Each one is a short takeaway
          with the exact quote it rests on and the moment in the episode it comes from.
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Link
            href="/signin"
            className="rounded-full bg-amber-500 px-6 py-3 font-semibold text-stone-950 shadow hover:bg-amber-400"
          >
            Get my free daily brief
          </Link>
          <Link
            href="/feed"
            className="rounded-full border border-stone-300 px-6 py-3 font-semibold hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
          >
            Read today&apos;s insights
          </Link>
        </div>
      </section>
      {preview.length > 0 ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="mb-4 text-xl font-semibold">
            Fresh from this week&apos;s episodes
          </h2>
          <div className="space-y-4">
            {preview.map((insight) => (
              <InsightCard key={insight.id} insight={insight} />
            ))}
          </div>
        </section>
      ) : null}
    </main>
  );
}
