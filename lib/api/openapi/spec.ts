import type { Permission } from "@/lib/auth/permissions";
import type { IdempotentOption } from "../idempotency";
import type { AnySchema } from "../input";

/** What a handler made by route()/publicRoute() declares: the OpenAPI document is generated from it. */
export interface RouteSpec {
  /** null: a public route (no sign-in) */
  permission: Permission | null;
  summary?: string;
  params?: AnySchema;
  query?: AnySchema;
  body?: AnySchema;
  idempotent?: IdempotentOption;
}

// a global symbol, so the spec is found even when a bundle holds two copies of this module
const SPEC = Symbol.for("sagedeck.routeSpec");

/** Attaches the route's declaration to its handler (non-enumerable, read-only). */
export function attachRouteSpec<H extends object>(handler: H, spec: RouteSpec): H {
  Object.defineProperty(handler, SPEC, { value: spec, enumerable: false });
  return handler;
}

/** The declaration of a handler made by route()/publicRoute(), or undefined for anything else. */
export function routeSpecOf(handler: unknown): RouteSpec | undefined {
  if (typeof handler !== "function") return undefined;
  return (handler as unknown as Record<symbol, RouteSpec | undefined>)[SPEC];
}
