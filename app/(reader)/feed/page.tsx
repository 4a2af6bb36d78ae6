import type { Metadata } from "next";
import { connection } from "next/server";
import { InsightCard } from "@/components/insight-card";
import { listInsights } from "@/db/queries/insights";

export const metadata: Metadata = { title: "Feed" };

export default async function FeedPage() {
  await connection();
  const insights = await listInsights({ limit: 50 });
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">Latest insights</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        Takeaways from new episodes, newest first.
      </p>
      {insights.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-stone-300 p-6 text-center text-stone-600 dark:border-stone-700 dark:text-stone-400">
          No insights yet. Add shows and they will appear here after their next episodes are
          scanned.
        </p>
      ) : (
        <div className="mt-6 space-y-4">
          {insights.map((insight) => (
            <InsightCard key={insight.id} insight={insight} />
          ))}
        </div>
      )}
    </main>
  );
}
