// GET /api/v1/topics — every topic, and which the reader follows
import { apiRoute } from "@/app/api/v1/with-token";
import { API_ROUTES } from "@/lib/api/routes";
import { readApiTopics } from "@/lib/views/api-briefs";

export const GET = apiRoute(API_ROUTES.listTopics, ({ reader }) => readApiTopics({ reader }));
