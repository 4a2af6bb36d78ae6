// GET /api/v1/saved/readwise — the library in Readwise's highlight import shape
import { apiRoute } from "@/app/api/v1/with-token";
import { API_ROUTES } from "@/lib/api/routes";
import { readReadwise } from "@/lib/views/api-saved";

export const GET = apiRoute(API_ROUTES.exportReadwise, ({ reader }) => readReadwise({ reader }));
