import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

// The OpenAPI document lists every route file under app/api/v1 with each method it exports, and
// every operation says what it answers. A route added without its entry in lib/api/routes fails.

type Operation = {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  responses: Record<string, { content?: Record<string, { schema: unknown }>; headers?: object }>;
  security?: unknown[];
};

const root = path.join(import.meta.dirname, "../../app/api/v1");

/** Each route file's path in the document's form ("/saved/{id}/tags") and its methods. */
function routeFiles(): { path: string; methods: string[] }[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => {
      const folder = path.dirname(file) === "." ? "" : path.dirname(file);
      const apiPath = `/${folder.split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const source = readFileSync(path.join(root, file), "utf8");
      const methods = [
        ...source.matchAll(
          /export (?:const|async function|function) (GET|PUT|POST|PATCH|DELETE)\b/g,
        ),
      ].map((m) => (m[1] as string).toLowerCase());
      return { path: apiPath, methods };
    });
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (checked against the specification's own schema)", async () => {
    const doc = await GET().json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The checker itself refuses a broken document.
    const broken = await new Validator().validate({ ...doc, info: { title: 1 } });
    expect(broken.valid).toBe(false);
  });

  it("lists every route file and method, each operation with its responses", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0].url).toMatch(/\/api\/v1$/);

    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(11);
    const listed = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`),
    );
    const inFiles = files.flatMap((f) => f.methods.map((m) => `${m.toUpperCase()} ${f.path}`));
    expect(listed.sort()).toEqual(inFiles.sort());

    const ids = new Set<string>();
    for (const [apiPath, operations] of Object.entries(
      doc.paths as Record<string, Record<string, Operation>>,
    )) {
      for (const op of Object.values(operations)) {
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        expect(op.responses["200"]?.content?.["application/json"]?.schema).toBeTypeOf("object");
        // Every {name} in the path is a required path parameter, and no other is.
        const names = [...apiPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const pathParams = op.parameters.filter((p) => p.in === "path");
        expect(pathParams.map((p) => p.name)).toEqual(names);
        for (const p of pathParams) expect(p.required).toBe(true);
        if (op.security?.length === 0) continue;
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "401", "429"]));
        expect(op.responses["429"]?.headers).toHaveProperty("Retry-After");
      }
    }
    // Error answers point at a schema the document has.
    expect(doc.components.schemas.Error.properties.error).toBeDefined();
    const cursor = doc.paths["/insights"].get.parameters.find(
      (p: { name: string }) => p.name === "cursor",
    );
    expect(cursor).toMatchObject({ in: "query", required: false, schema: { type: "string" } });
    expect(
      doc.paths["/saved/{id}/tags"].put.requestBody.content["application/json"].schema,
    ).toMatchObject({
      type: "object",
      required: ["tags"],
    });
  });
});
