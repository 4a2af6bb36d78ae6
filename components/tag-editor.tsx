import Link from "next/link";
import { addTagForm, noteForm, removeTagForm } from "@/app/actions/reader";
import { inputClass, quietButtonClass } from "@/components/ui";

// Tags and a note on one saved insight. Plain forms: they work without JavaScript.

type Tag = { id: string; name: string };

export function TagEditor({
  saveId,
  tags,
  allTags,
  note,
  next,
}: {
  saveId: string;
  tags: Tag[];
  allTags: string[];
  note: string | null;
  next: string;
}) {
  return (
    <div className="mt-3 space-y-3 border-t border-stone-200 pt-3 dark:border-stone-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Tags</span>
        {tags.length === 0 ? (
          <span className="text-sm text-stone-600 dark:text-stone-300">none yet</span>
        ) : null}
        {tags.map((tag) => (
          <TagChip key={tag.id} saveId={saveId} tag={tag} next={next} />
        ))}
      </div>
      <AddTag saveId={saveId} allTags={allTags} next={next} />
      <NoteField saveId={saveId} note={note} next={next} />
    </div>
  );
}

/** A tag on the save, linking to the library filtered by it, with a button that removes it. */
function TagChip({ saveId, tag, next }: { saveId: string; tag: Tag; next: string }) {
  return (
    <form action={removeTagForm} className="inline-flex">
      <input type="hidden" name="saveId" value={saveId} />
      <input type="hidden" name="tagId" value={tag.id} />
      <input type="hidden" name="next" value={next} />
      <span className="inline-flex items-center gap-1 rounded-full bg-amber-100 py-0.5 pl-2.5 pr-1 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
        <Link href={`/saved?${new URLSearchParams({ tag: tag.name })}`} className="hover:underline">
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
  );
}

function AddTag({ saveId, allTags, next }: { saveId: string; allTags: string[]; next: string }) {
  const listId = `tags-${saveId}`;
  return (
    <form action={addTagForm} className="flex gap-2">
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
  );
}

function NoteField({ saveId, note, next }: { saveId: string; note: string | null; next: string }) {
  return (
    <form action={noteForm} className="space-y-2">
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
  );
}
