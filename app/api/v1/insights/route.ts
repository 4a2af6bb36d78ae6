// GET /api/v1/insights — the reader's ranked feed, a page at a time
import { apiRoute } from "@/app/api/v1/with-token";
import { API_ROUTES } from "@/lib/api/routes";
import { readApiFeed } from "@/lib/views/api-insights";

export const GET = apiRoute(API_ROUTES.listInsights, ({ reader, query }) =>
  readApiFeed({ reader, query }),
);
