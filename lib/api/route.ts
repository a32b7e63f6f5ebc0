import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { can, PERMISSION_LABELS, type Permission } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { errorResponse, describeZodError, handleApiError } from "./errors";

type AnySchema = z.ZodType;
type Out<S> = S extends AnySchema ? z.output<S> : undefined;

export interface RouteInput<P, Q, B> {
  params?: P;
  query?: Q;
  body?: B;
}

export interface RouteContext<P, Q, B, U> {
  req: Request;
  user: U;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  requestId: string;
}

type SegmentContext = { params: Promise<Record<string, string | string[] | undefined>> };

class InputError extends Error {
  constructor(readonly response: Response) {
    super("invalid input");
  }
}

function parse<S extends AnySchema | undefined>(
  schema: S,
  value: unknown,
  where: string,
  requestId: string,
): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      errorResponse("unprocessable_entity", describeZodError(result.error, where), { requestId }),
    );
  }
  return result.data as Out<S>;
}

async function readJson(req: Request, requestId: string): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError(errorResponse("bad_request", "The request body is not valid JSON.", { requestId }));
  }
}

function wrap<
  P extends AnySchema | undefined,
  Q extends AnySchema | undefined,
  B extends AnySchema | undefined,
  U,
>(
  permission: Permission | null,
  input: RouteInput<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B, U>) => Promise<unknown>,
) {
  return async function handle(req: Request, segment: SegmentContext): Promise<Response> {
    const requestId = randomUUID();
    const label = `${req.method} ${new URL(req.url).pathname}`;
    try {
      const user = permission ? await getSessionUser() : null;
      if (permission) {
        if (!user) throw new UnauthorizedError("Sign in to use this API.");
        if (!can(user.role, permission)) {
          throw new ForbiddenError(
            `Your role (${user.role}) may not ${PERMISSION_LABELS[permission]}. Ask an admin if you need it.`,
          );
        }
      }
      const url = new URL(req.url);
      const params = parse<P>(input.params as P, await segment.params, "params", requestId);
      const query = parse<Q>(input.query as Q, Object.fromEntries(url.searchParams), "query", requestId);
      const body = input.body
        ? parse(input.body, await readJson(req, requestId), "body", requestId)
        : (undefined as Out<B>);
      const result = await handler({ req, user: user as U, params, query, body, requestId });
      const response = result instanceof Response ? result : Response.json(result);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (err) {
      if (err instanceof InputError) return err.response;
      return handleApiError(err, requestId, label);
    }
  };
}

/**
 * The one wrapper for every app/api handler: session → 401, permission → 403, zod params/query/body → 422
 * (bad JSON → 400), typed errors → their statuses, anything else → 500 with a logged request id.
 * A handler returns a Response, or data that is sent as JSON with status 200.
 */
export function route<
  P extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  B extends AnySchema | undefined = undefined,
>(
  options: RouteInput<P, Q, B> & { permission: Permission },
  handler: (ctx: RouteContext<P, Q, B, SessionUser>) => Promise<unknown>,
) {
  return wrap<P, Q, B, SessionUser>(options.permission, options, handler);
}

/** Same contract without sign-in (health checks); the session is not read, `user` is null. */
export function publicRoute<
  P extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  B extends AnySchema | undefined = undefined,
>(options: RouteInput<P, Q, B>, handler: (ctx: RouteContext<P, Q, B, null>) => Promise<unknown>) {
  return wrap<P, Q, B, null>(null, options, handler);
}
