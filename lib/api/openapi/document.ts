import pkg from "@/package.json";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { components, errorResponseRef, idempotencyKeyParameter } from "./components";
import { fieldsOf, jsonSchemaOf, type JsonSchema } from "./schema";
import { routeSpecOf, type RouteSpec } from "./spec";

/** A route module and the path of its folder under app/ ("/api/models/[group]"). */
export interface ApiRouteModule {
  path: string;
  module: Readonly<Record<string, unknown>>;
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  "x-permission"?: Permission;
  security: Record<string, string[]>[];
  parameters: Parameter[];
  requestBody?: { required: boolean; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, unknown>;
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

const SEGMENT_PARAM = /^\[([A-Za-z_]\w*)\]$/;

/** "/api/models/[group]" → "/api/models/{group}" and the names of its path parameters. */
export function openApiPath(folderPath: string): { path: string; names: string[] } {
  const names: string[] = [];
  const path = folderPath
    .split("/")
    .map((segment) => {
      const name = SEGMENT_PARAM.exec(segment)?.[1];
      if (segment.startsWith("[") && !name)
        throw new Error(`${folderPath}: catch-all segments are not documented`);
      if (!name) return segment;
      names.push(name);
      return `{${name}}`;
    })
    .join("/");
  return { path, names };
}

const pascal = (word: string) =>
  word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");

function operationId(method: string, folderPath: string): string {
  const words = folderPath
    .split("/")
    .slice(2)
    .map((segment) => pascal(segment));
  return method.toLowerCase() + words.join("");
}

function parametersOf(spec: RouteSpec, where: string, pathNames: string[]): Parameter[] {
  const declared = spec.params ? fieldsOf(spec.params, `${where} params`) : [];
  for (const field of declared) {
    if (!pathNames.includes(field.name)) throw new Error(`${where}: params.${field.name} is not in the path`);
  }
  const path = pathNames.map((name): Parameter => {
    const schema = declared.find((field) => field.name === name)?.schema ?? { type: "string" };
    return { name, in: "path", required: true, schema };
  });
  const query = (spec.query ? fieldsOf(spec.query, `${where} query`) : []).map((field): Parameter => ({
    name: field.name,
    in: "query",
    required: field.required,
    schema: field.schema,
  }));
  const header = spec.idempotent
    ? [idempotencyKeyParameter(spec.idempotent !== true && spec.idempotent.required === true) as Parameter]
    : [];
  return [...path, ...query, ...header];
}

function describe(spec: RouteSpec): string {
  if (!spec.permission) return "Public: no sign-in needed.";
  const roles = PERMISSIONS[spec.permission].join(", ");
  return `Needs the permission \`${spec.permission}\` (roles: ${roles}); a service token needs it in its scopes.`;
}

function responsesOf(method: string, spec: RouteSpec, hasPathParams: boolean): Record<string, unknown> {
  const mutating = method !== "GET";
  const statuses = [400];
  if (spec.permission) statuses.push(401);
  if (spec.permission || mutating) statuses.push(403);
  if (hasPathParams) statuses.push(404);
  if (mutating || spec.idempotent) statuses.push(409);
  statuses.push(422);
  const responses: Record<string, unknown> = {
    "2XX": {
      description:
        "Success: the answer as JSON (200; 201 when something is created, 202 while a change rolls out).",
      content: { "application/json": { schema: {} } },
    },
  };
  for (const status of statuses) responses[String(status)] = errorResponseRef(status);
  responses.default = {
    description: "Any other error (429, 500, 502, 503, 504): the same error body.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
  return responses;
}

function operationOf(method: string, folderPath: string, spec: RouteSpec, pathNames: string[]): Operation {
  const where = `${method} ${folderPath}`;
  if (!spec.summary) throw new Error(`${where}: give the route a summary (route({ summary, … }))`);
  const operation: Operation = {
    operationId: operationId(method, folderPath),
    summary: spec.summary,
    description: describe(spec),
    tags: [(folderPath.split("/")[2] ?? "api").replace(/\.json$/, "")],
    ...(spec.permission ? { "x-permission": spec.permission } : {}),
    security: spec.permission ? [{ bearerToken: [] }, { sessionCookie: [] }] : [],
    parameters: parametersOf(spec, where, pathNames),
    responses: responsesOf(method, spec, pathNames.length > 0),
  };
  if (spec.body) {
    const required = !spec.body.safeParse(undefined).success;
    operation.requestBody = {
      required,
      content: { "application/json": { schema: jsonSchemaOf(spec.body) } },
    };
  }
  return operation;
}

/**
 * The OpenAPI 3.1 document of SageDeck's API, generated from the declarations route()/publicRoute() attach
 * to each handler (the zod schemas the routes validate with): nothing here is a hand-written copy.
 */
export function buildOpenApiDocument(routes: readonly ApiRouteModule[]) {
  const paths: Record<string, Record<string, Operation>> = {};
  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path));
  for (const { path: folderPath, module } of sorted) {
    const { path, names } = openApiPath(folderPath);
    const item: Record<string, Operation> = {};
    for (const method of HTTP_METHODS) {
      const handler = module[method];
      if (handler === undefined) continue;
      const spec = routeSpecOf(handler);
      if (!spec) throw new Error(`${method} ${folderPath}: not made with route() or publicRoute()`);
      item[method.toLowerCase()] = operationOf(method, folderPath, spec, names);
    }
    if (Object.keys(item).length > 0) paths[path] = item;
  }
  const tags = [
    ...new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags))),
  ];
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "SageDeck API",
      version: pkg.version,
      description:
        "The API behind the SageDeck dashboard. Authenticate with a personal or service API token " +
        '(`Authorization: Bearer <token>`) or the browser session. Errors are `{ "error": { "code", "message" } }`.',
    },
    servers: [{ url: "/" }],
    tags: tags.sort().map((name) => ({ name })),
    paths,
    components: components(),
  };
}
