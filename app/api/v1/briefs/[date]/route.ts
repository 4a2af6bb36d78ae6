// GET /api/v1/briefs/{date} — the brief of one local date
import { apiRoute } from "@/app/api/v1/with-token";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/errors";
import { readApiBrief } from "@/lib/views/api-briefs";

export const GET = apiRoute(API_ROUTES.getBrief, async ({ reader, params }) => {
  const brief = await readApiBrief({ reader, date: params.date });
  if (!brief) throw new AppError("not_found:brief", "You had no brief that day.");
  return brief;
});
