// PUT /api/v1/saved/{id}/tags — replace a saved insight's tags
import { acted, apiRoute } from "@/app/api/v1/with-token";
import { replaceTagsAction } from "@/lib/actions/saved";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/errors";
import { readApiSave } from "@/lib/views/api-saved";

export const PUT = apiRoute(API_ROUTES.setTags, async ({ reader, params, body }) => {
  acted(await replaceTagsAction(reader, { insightId: params.id, tags: body.tags }));
  const saved = await readApiSave({ reader, insightId: params.id });
  if (!saved) throw new AppError("not_found:save", "You have not saved that insight.");
  return saved;
});
