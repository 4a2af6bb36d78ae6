// GET /api/v1/briefs — the reader's daily briefs, newest first
import { apiRoute } from "@/app/api/v1/with-token";
import { API_ROUTES } from "@/lib/api/routes";
import { readApiBriefs } from "@/lib/views/api-briefs";

export const GET = apiRoute(API_ROUTES.listBriefs, ({ reader, query }) =>
  readApiBriefs({ reader, cursor: query.cursor }),
);
