import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { apiRequest } from "@/tests/helpers/api-request";
import { callRoute } from "@/tests/helpers/route-call";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";
import { openApiDocument } from ".";
import { API_ROUTES } from "./routes";
import { validateOpenApi } from "./validate";

const ROOT = join(__dirname, "..", "..", "..");

/** Every route folder under app/api as "/api/…", next-auth's own excepted. */
function routeFoldersOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === "route.ts")
        found.push(`/${relative(join(ROOT, "app"), dir).split(sep).join("/")}`);
    }
  };
  walk(join(ROOT, "app", "api"));
  return found.filter((path) => path !== "/api/auth/[...nextauth]").sort();
}

describe("the OpenAPI document", () => {
  it("lists every route module on disk (lib/api/openapi/routes.ts)", () => {
    expect(API_ROUTES.map((route) => route.path).sort()).toEqual(routeFoldersOnDisk());
  });

  it("is the committed docs/openapi.json: a route's schema changed without it fails here", () => {
    const committed = JSON.parse(readFileSync(join(ROOT, "docs", "openapi.json"), "utf8")) as OpenApiDocument;
    const generated = JSON.parse(JSON.stringify(openApiDocument())) as OpenApiDocument;
    expect(generated, "docs/openapi.json is out of date with the routes: run `npm run openapi`").toEqual(
      committed,
    );
  });

  it("validates: OpenAPI 3.1.0, path parameters declared, $refs resolve, operationIds unique", () => {
    expect(validateOpenApi(openApiDocument())).toEqual([]);
  });

  it("documents the approve operation from the route's own schemas", () => {
    const op = openApiDocument().paths["/api/models/{group}/{version}/approve"]?.post;
    expect(op?.["x-permission"]).toBe("models.decide");
    expect(op?.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      "path:group:true",
      "path:version:true",
      "header:Idempotency-Key:false",
    ]);
    expect(op?.requestBody?.required).toBe(true);
    expect(op?.requestBody?.content["application/json"].schema.required).toEqual(["expectedStatus"]);
    const runs = openApiDocument().paths["/api/pipelines/{name}/executions"]?.post;
    expect(runs?.parameters.find((p) => p.name === "Idempotency-Key")?.required).toBe(true);
    expect(openApiDocument().paths["/api/health"]?.get?.security).toEqual([]);
  });

  it("refuses a handler that is not made with route() or publicRoute()", () => {
    const plain = { path: "/api/plain", module: { GET: () => Promise.resolve(new Response()) } };
    expect(() => buildOpenApiDocument([plain])).toThrow("not made with route() or publicRoute()");
  });

  it("the structural check finds what it looks for", () => {
    const broken = {
      openapi: "3.0.3",
      info: { title: "x", version: "1" },
      tags: [],
      paths: {
        "/a/{id}": {
          get: { operationId: "same", responses: { 200: { $ref: "#/components/responses/Missing" } } },
          post: { operationId: "same", responses: { 200: { description: "ok" } }, security: [{ nope: [] }] },
        },
      },
    };
    expect(validateOpenApi(broken)).toEqual([
      'openapi is "3.0.3", not "3.1.0"',
      "GET /a/{id}: path parameter {id} is not declared",
      "POST /a/{id}: operationId same is not unique",
      "POST /a/{id}: path parameter {id} is not declared",
      "POST /a/{id}: security scheme nope is not declared",
      '#/paths/~1a~1{id}/get/responses/200: $ref "#/components/responses/Missing" does not resolve',
    ]);
  });

  it("is served at /api/openapi.json without sign-in", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const res = await callRoute(GET, apiRequest("GET", "/api/openapi.json"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
