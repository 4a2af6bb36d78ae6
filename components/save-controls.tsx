import { CardActions } from "@/components/card-actions";
import { TagEditor } from "@/components/tag-editor";

// Under an insight the reader may keep (its own page, the library): the save button, and once
// saved, its tags and note.

export function SaveControls({
  insightId,
  save,
  allTags,
  signedIn,
  next,
}: {
  insightId: string;
  save: { saveId: string; tags: { id: string; name: string }[]; note: string | null } | null;
  allTags: string[];
  signedIn: boolean;
  next: string;
}) {
  return (
    <>
      <CardActions
        insightId={insightId}
        saved={Boolean(save)}
        signedIn={signedIn}
        next={next}
        feedback={false}
      />
      {save ? (
        <TagEditor
          saveId={save.saveId}
          tags={save.tags}
          allTags={allTags}
          note={save.note}
          next={next}
        />
      ) : null}
    </>
  );
}
