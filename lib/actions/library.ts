import { z } from "zod";
import { setSaveNote } from "@/db/queries/saves";
import { attachTag, deleteTag, detachTag, ensureTag, renameTag } from "@/db/queries/tags";
import { readerAction } from "@/lib/actions/reader-action";
import { AppError } from "@/lib/errors";
import { saveInsight, unsaveInsight } from "@/lib/reader-changes";
import { tagName, typedText } from "@/lib/typed-text";

// Saves, notes and tags (tag names: lib/typed-text's tagName).

const id = z.uuid();

export const saveAction = readerAction(
  "saving the insight",
  z.object({ insightId: id }),
  async ({ insightId }, reader) => {
    const saved = await saveInsight({ userId: reader.id, insightId });
    if (!saved) throw new AppError("not_found:insight");
    return saved;
  },
);

export const unsaveAction = readerAction(
  "removing the save",
  z.object({ insightId: id }),
  async ({ insightId }, reader) => {
    if (!(await unsaveInsight({ userId: reader.id, insightId }))) {
      throw new AppError("not_found:save");
    }
    return { insightId };
  },
);

export const noteAction = readerAction(
  "saving the note",
  z.object({ saveId: id, note: typedText(2000, "a note is at most 2000 characters") }),
  async ({ saveId, note }, reader) => {
    if (!(await setSaveNote({ userId: reader.id, saveId, note: note || null }))) {
      throw new AppError("not_found:save");
    }
    return { saveId };
  },
);

export const addTagAction = readerAction(
  "tagging the insight",
  z.object({ saveId: id, name: tagName }),
  async ({ saveId, name }, reader) => {
    if (!(await attachTag({ userId: reader.id, saveId, name }))) {
      throw new AppError("not_found:save");
    }
    return { saveId, name };
  },
);

export const removeTagAction = readerAction(
  "removing the tag",
  z.object({ saveId: id, tagId: id }),
  async ({ saveId, tagId }, reader) => {
    if (!(await detachTag({ userId: reader.id, saveId, tagId }))) {
      throw new AppError("not_found:tag");
    }
    return { saveId, tagId };
  },
);

export const createTagAction = readerAction(
  "making the tag",
  z.object({ name: tagName }),
  async ({ name }, reader) => ensureTag({ userId: reader.id, name }),
);

export const renameTagAction = readerAction(
  "renaming the tag",
  z.object({ tagId: id, name: tagName }),
  async ({ tagId, name }, reader) => {
    const outcome = await renameTag({ userId: reader.id, tagId, name });
    if (outcome === "not_found") throw new AppError("not_found:tag");
    if (outcome === "taken") {
      throw new AppError("bad_request:tag", `You already have a tag named “${name}”.`);
    }
    return { tagId, name };
  },
);

export const deleteTagAction = readerAction(
  "deleting the tag",
  z.object({ tagId: id }),
  async ({ tagId }, reader) => {
    if (!(await deleteTag({ userId: reader.id, tagId }))) throw new AppError("not_found:tag");
    return { tagId };
  },
);
