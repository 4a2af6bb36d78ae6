import { z } from "zod";
import { readerAction } from "@/lib/actions/reader-action";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/reader-changes";

// "More like this", "less like this" and "dismiss" on a card: events the feed ranks by.

export const feedbackAction = readerAction(
  "recording your feedback",
  z.object({ insightId: z.uuid(), kind: z.enum(["more", "less", "dismiss"]) }),
  async ({ insightId, kind }, reader) => {
    if (!(await recordEvent({ userId: reader.id, insightId, kind }))) {
      throw new AppError("not_found:insight");
    }
    return { insightId, kind };
  },
);
