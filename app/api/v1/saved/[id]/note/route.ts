// PUT /api/v1/saved/{id}/note — write or clear a saved insight's note
import { acted, apiRoute } from "@/app/api/v1/with-token";
import { insightNoteAction } from "@/lib/actions/saved";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/errors";
import { readApiSave } from "@/lib/views/api-saved";

export const PUT = apiRoute(API_ROUTES.setNote, async ({ reader, params, body }) => {
  acted(await insightNoteAction(reader, { insightId: params.id, note: body.note ?? "" }));
  const saved = await readApiSave({ reader, insightId: params.id });
  if (!saved) throw new AppError("not_found:save", "You have not saved that insight.");
  return saved;
});
