import Link from "next/link";
import { inputClass, quietButtonClass } from "@/components/ui";

// Tags and a note on one saved insight. Plain forms: they work without JavaScript.

export function TagEditor({
  saveId,
  tags,
  allTags,
  note,
  next,
  action,
}: {
  saveId: string;
  tags: { id: string; name: string }[];
  allTags: string[];
  note: string | null;
  next: string;
  action: (form: FormData) => Promise<void>;
}) {
  const listId = `tags-${saveId}`;
  return (
    <div className="mt-3 space-y-3 border-t border-stone-200 pt-3 dark:border-stone-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Tags</span>
        {tags.length === 0 ? (
          <span className="text-sm text-stone-600 dark:text-stone-300">none yet</span>
        ) : null}
        {tags.map((tag) => (
          <form key={tag.id} action={action} className="inline-flex">
            <input type="hidden" name="intent" value="removeTag" />
            <input type="hidden" name="saveId" value={saveId} />
            <input type="hidden" name="tagId" value={tag.id} />
            <input type="hidden" name="next" value={next} />
            <span className="inline-flex items-center gap-1 rounded-full bg-amber-100 py-0.5 pl-2.5 pr-1 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
              <Link
                href={`/saved?${new URLSearchParams({ tag: tag.name })}`}
                className="hover:underline"
              >
                #{tag.name}
              </Link>
              <button
                type="submit"
                aria-label={`Remove tag ${tag.name}`}
                className="rounded-full px-1.5 leading-5 hover:bg-amber-200 focus-visible:outline-2 focus-visible:outline-amber-600 dark:hover:bg-amber-800"
              >
                ×
              </button>
            </span>
          </form>
        ))}
      </div>
      <form action={action} className="flex gap-2">
        <input type="hidden" name="intent" value="addTag" />
        <input type="hidden" name="saveId" value={saveId} />
        <input type="hidden" name="next" value={next} />
        <label htmlFor={`add-${listId}`} className="sr-only">
          Add a tag
        </label>
        <input
          id={`add-${listId}`}
          name="name"
          list={listId}
          required
          maxLength={40}
          placeholder="Add a tag, e.g. to-try"
          className={`${inputClass} py-1.5 text-sm`}
        />
        <datalist id={listId}>
          {allTags.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <button type="submit" className={quietButtonClass}>
          Add tag
        </button>
      </form>
      <form action={action} className="space-y-2">
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="saveId" value={saveId} />
        <input type="hidden" name="next" value={next} />
        <label htmlFor={`note-${saveId}`} className="block text-sm font-medium">
          Note
        </label>
        <textarea
          id={`note-${saveId}`}
          name="note"
          rows={2}
          maxLength={2000}
          defaultValue={note ?? ""}
          placeholder="Why it matters to you, what to try"
          className={`${inputClass} text-sm`}
        />
        <button type="submit" className={quietButtonClass}>
          Save note
        </button>
      </form>
    </div>
  );
}
