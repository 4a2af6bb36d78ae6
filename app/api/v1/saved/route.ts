// GET /api/v1/saved — the reader's saves with tags and notes, newest first
import { apiRoute } from "@/app/api/v1/with-token";
import { API_ROUTES } from "@/lib/api/routes";
import { readApiSaved } from "@/lib/views/api-saved";

export const GET = apiRoute(API_ROUTES.listSaved, ({ reader, query }) =>
  readApiSaved({ reader, query }),
);
