import { z } from "zod";
import { saveStates, setSaveNote } from "@/db/queries/saves";
import { replaceSaveTags } from "@/db/queries/tags";
import { readerAction } from "@/lib/actions/reader-action";
import { AppError } from "@/lib/errors";
import { tagName, typedText } from "@/lib/typed-text";

// A saved insight's tags and note by the insight's id, as the API and the MCP server name it
// (the pages' forms name the save: lib/actions/library).

const insightId = z.uuid();

/** Makes the given tags the save's whole tag set. */
export const replaceTagsAction = readerAction(
  "tagging the insight",
  z.object({ insightId, tags: z.array(tagName).max(50, "at most 50 tags") }),
  async ({ insightId, tags }, reader) => {
    if (!(await replaceSaveTags({ userId: reader.id, insightId, names: tags }))) {
      throw new AppError("not_found:save", "You have not saved that insight.");
    }
    return { insightId, tags };
  },
);

/** Writes the save's note; an empty note clears it. */
export const insightNoteAction = readerAction(
  "saving the note",
  z.object({ insightId, note: typedText(2000, "a note is at most 2000 characters") }),
  async ({ insightId, note }, reader) => {
    const save = (await saveStates({ userId: reader.id, insightIds: [insightId] })).get(insightId);
    if (
      !save ||
      !(await setSaveNote({ userId: reader.id, saveId: save.saveId, note: note || null }))
    ) {
      throw new AppError("not_found:save", "You have not saved that insight.");
    }
    return { insightId };
  },
);
