// PUT /api/v1/saved/{id} saves an insight; DELETE removes the save
import { acted, apiRoute } from "@/app/api/v1/with-token";
import { saveAction, unsaveAction } from "@/lib/actions/library";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/errors";
import { readApiSave } from "@/lib/views/api-saved";

export const PUT = apiRoute(API_ROUTES.saveInsight, async ({ reader, params }) => {
  acted(await saveAction(reader, { insightId: params.id }));
  const saved = await readApiSave({ reader, insightId: params.id });
  if (!saved) throw new AppError("not_found:insight", "There is no such insight.");
  return saved;
});

export const DELETE = apiRoute(API_ROUTES.unsaveInsight, async ({ reader, params }) => {
  acted(await unsaveAction(reader, { insightId: params.id }));
  return { id: params.id, saved: false as const };
});
