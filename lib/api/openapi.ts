import { z } from "zod";
import { API_ROUTES, type ApiRoute } from "@/lib/api/routes";
import { apiError } from "@/lib/api/schemas";
import { API_LIMIT } from "@/lib/api-limits";

// The OpenAPI 3.1 document of /api/v1, generated from the route table and its zod schemas.

type JsonSchema = Record<string, unknown>;

const inputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
};
const outputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { unrepresentable: "any" });
  return rest;
};

const errorAnswer = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function parameters(schema: z.ZodObject | undefined, where: "query" | "path") {
  return Object.entries(schema?.shape ?? {}).map(([name, field]) => {
    const json = inputSchema(field as z.ZodType);
    const { description, ...rest } = json;
    return {
      name,
      in: where,
      required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
      ...(JSON.stringify(rest).includes(`"type":"array"`) ? { explode: true } : {}),
    };
  });
}

function operation(operationId: string, route: ApiRoute) {
  const errors = {
    ...(route.query || route.params || route.body
      ? { "400": errorAnswer("A parameter, cursor or body that is not valid") }
      : {}),
    ...(route.auth === false
      ? {}
      : {
          "401": errorAnswer("No token, or an unknown or revoked one"),
          "429": {
            ...errorAnswer(
              `More than ${API_LIMIT.limit} requests in ${API_LIMIT.windowSeconds} seconds with one token`,
            ),
            headers: { "Retry-After": { schema: { type: "integer" } } },
          },
        }),
    ...(route.params ? { "404": errorAnswer("Not found, or not the reader's") } : {}),
  };
  return {
    operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.auth === false ? { security: [] } : {}),
    parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: inputSchema(route.body) } },
          },
        }
      : {}),
    responses: {
      "200": {
        description: "OK",
        content: { "application/json": { schema: outputSchema(route.response) } },
      },
      ...errors,
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(API_ROUTES) as [string, ApiRoute][]) {
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: operation(operationId, route),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Podbrief API",
      version: "1",
      description:
        "A reader's insights, saves, tags, notes and briefs. Every call but this document's takes a reader token (made on /settings or by `npm run token`) as `Authorization: Bearer pb_…`, and sees exactly what its reader sees.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Error: outputSchema(apiError) },
    },
  };
}
