import type { Metadata } from "next";
import Link from "next/link";
import { libraryForm } from "@/app/actions/reader";
import { EmptyState, inputClass, Notice, PageTitle, quietButtonClass } from "@/components/ui";
import { listTags } from "@/db/queries/tags";
import { readFlash } from "@/lib/flash";
import { requireReader } from "@/lib/session";

export const metadata: Metadata = { title: "Tags" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TagsPage({ searchParams }: Props) {
  const reader = await requireReader("/tags");
  const params = await searchParams;
  const error = readFlash(params, "error");
  const tags = await listTags({ userId: reader.id });
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageTitle title="Tags" lead="Rename, delete or add the tags you sort saved insights with." />
      <div className="mt-4">
        <Notice error={error} />
      </div>
      <form action={libraryForm} className="mt-4 flex gap-2">
        <input type="hidden" name="intent" value="createTag" />
        <input type="hidden" name="next" value="/tags" />
        <label htmlFor="new-tag" className="sr-only">
          New tag
        </label>
        <input
          id="new-tag"
          name="name"
          required
          maxLength={40}
          placeholder="New tag"
          className={inputClass}
        />
        <button type="submit" className={quietButtonClass}>
          Add tag
        </button>
      </form>
      {tags.length === 0 ? (
        <EmptyState>No tags yet. Add one here or on a saved insight.</EmptyState>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {tags.map((tag) => (
            <li key={tag.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <Link
                href={`/saved?${new URLSearchParams({ tag: tag.name })}`}
                className="min-w-24 font-medium hover:underline"
              >
                #{tag.name}
              </Link>
              <span className="text-sm text-stone-600 dark:text-stone-300">{tag.count} saved</span>
              <form action={libraryForm} className="ml-auto flex gap-2">
                <input type="hidden" name="intent" value="renameTag" />
                <input type="hidden" name="tagId" value={tag.id} />
                <input type="hidden" name="next" value="/tags" />
                <label htmlFor={`rename-${tag.id}`} className="sr-only">
                  New name for {tag.name}
                </label>
                <input
                  id={`rename-${tag.id}`}
                  name="name"
                  required
                  maxLength={40}
                  defaultValue={tag.name}
                  className={`${inputClass} w-36 py-1 text-sm`}
                />
                <button type="submit" className={quietButtonClass}>
                  Rename
                </button>
              </form>
              <form action={libraryForm}>
                <input type="hidden" name="intent" value="deleteTag" />
                <input type="hidden" name="tagId" value={tag.id} />
                <input type="hidden" name="next" value="/tags" />
                <button
                  type="submit"
                  aria-label={`Delete tag ${tag.name}`}
                  className={quietButtonClass}
                >
                  Delete
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
