// GET /api/v1/insights/{id} — one insight, the reader's save of it, and related insights
import { apiRoute } from "@/app/api/v1/with-token";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/errors";
import { readApiInsight } from "@/lib/views/api-insights";

export const GET = apiRoute(API_ROUTES.getInsight, async ({ reader, params }) => {
  const found = await readApiInsight({ reader, id: params.id });
  if (!found) throw new AppError("not_found:insight", "There is no such insight.");
  return found;
});
