// GET /api/v1/shows — the catalog's shows, and which the reader follows
import { apiRoute } from "@/app/api/v1/with-token";
import { API_ROUTES } from "@/lib/api/routes";
import { readApiShows } from "@/lib/views/api-briefs";

export const GET = apiRoute(API_ROUTES.listShows, ({ reader }) => readApiShows({ reader }));
