import { asActor } from "@/lib/sagemaker/accounts/context";
import { withReadBudget } from "@/lib/sagemaker/budget";
import { trackStaleness, withStaleHeader } from "@/lib/sagemaker/stale";
import { httpMethodOf, type RefusalAction } from "@/lib/audit/actions";
import { clientAddress } from "@/lib/auth/client-address";
import { credentialScope } from "@/lib/audit/via-token";
import type { Permission } from "@/lib/auth/permissions";
import { bearerOf } from "@/lib/auth/tokens/secret";
import { permissionRefusal } from "@/lib/auth/tokens/resolve";
import { requestUser } from "@/lib/auth/tokens/request-user";
import type { SessionUser } from "@/lib/auth/types";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { observeRoute } from "@/lib/metrics/http";
import { ForbiddenError, PolicyRefusalError, UnauthorizedError } from "@/lib/errors";
import { csrfRefusal, isMutating } from "./csrf";
import { handleApiError } from "./errors";
import { withApiHeaders } from "./headers";
import { idempotencyKeyOf, runIdempotent, type IdempotentOption } from "./idempotency";
import {
  InputError,
  parse,
  pathOf,
  readJson,
  readParams,
  refuseBodyShape,
  refuseControlChars,
  type AnySchema,
  type Out,
} from "./input";
import { attachRouteSpec } from "./openapi/spec";
import { recordRefusal } from "./refusals";

export interface RouteInput<P, Q, B> {
  params?: P;
  query?: Q;
  body?: B;
  /** Honour the Idempotency-Key header (`{ required: true }`: 400 without it); see ./idempotency.ts. */
  idempotent?: IdempotentOption;
  /** One line for the API reference (docs/openapi.json, /api-docs): what the operation does. */
  summary?: string;
}

export interface RouteContext<P, Q, B, U> {
  req: Request;
  user: U;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  requestId: string;
  /** The request's Idempotency-Key on `idempotent` routes, else null. */
  idempotencyKey: string | null;
}

type SegmentContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * 403 and 409 always, 401 on mutating routes, and a broken governance rule (PolicyRefusalError, 422) go on the
 * record (rate-limited, see refusals.ts).
 */
async function recordIfRefused(
  req: Request,
  res: Response,
  action: RefusalAction,
  user: SessionUser | null,
  requestId: string,
  policyRefusal: boolean,
): Promise<void> {
  const refused =
    policyRefusal ||
    res.status === 403 ||
    res.status === 409 ||
    (res.status === 401 && isMutating(req.method));
  if (!refused) return;
  let code = "unknown";
  let message = "";
  try {
    const body = (await res.clone().json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // a handler's own non-JSON answer: the status is enough
  }
  await recordRefusal({
    actor: user?.username ?? null,
    actorRole: user?.role ?? null,
    action,
    target: pathOf(req),
    status: res.status,
    code,
    message,
    requestId,
    // the same trusted address as the sign-in throttle (AUTH_TRUSTED_PROXY_HOPS), not the client's own claim
    address: clientAddress(req.headers, getConfig().auth.trustedProxyHops),
  });
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
  // credentialScope: once a bearer token is known, every audit row of the request names it
  const entry = (req: Request, segment: SegmentContext) =>
    credentialScope(() =>
      // counted and logged by route template (lib/metrics/http.ts)
      observeRoute(req, segment.params, (requestId, onUser) => handle(req, segment, requestId, onUser)),
    );
  // the declaration travels with the handler: the OpenAPI document is generated from it (./openapi)
  return attachRouteSpec(entry, {
    permission,
    summary: input.summary,
    params: input.params,
    query: input.query,
    body: input.body,
    idempotent: input.idempotent,
  });
  async function handle(
    req: Request,
    segment: SegmentContext,
    requestId: string,
    onUser: (username: string | null) => void,
  ): Promise<Response> {
    const label = `${req.method} ${pathOf(req)}`;
    let user: SessionUser | null = null;
    let response: Response;
    let policyRefusal = false;
    try {
      const bearer = bearerOf(req.headers);
      const csrf = csrfRefusal(req, bearer !== null);
      if (csrf) throw new ForbiddenError(csrf);
      user = permission ? await requestUser(req, bearer) : null;
      onUser(user?.username ?? null);
      if (permission) {
        if (!user) throw new UnauthorizedError("Sign in to use this API.");
        const refusal = permissionRefusal(user, permission);
        if (refusal) throw new ForbiddenError(refusal);
      }
      const url = new URL(req.url);
      const rawParams = await readParams(segment.params, requestId);
      const rawQuery = Object.fromEntries(url.searchParams);
      refuseControlChars(rawParams, "params", requestId);
      refuseControlChars(rawQuery, "query", requestId);
      const rawBody = input.body || isMutating(req.method) ? await readJson(req, requestId) : undefined;
      refuseControlChars(rawBody, "body", requestId, true);
      refuseBodyShape(rawBody, input.body !== undefined, requestId);
      const params = parse<P>(input.params as P, rawParams, "params", requestId);
      const query = parse<Q>(input.query as Q, rawQuery, "query", requestId);
      const body = parse<B>(input.body as B, rawBody, "body", requestId);
      const idempotencyKey = input.idempotent ? idempotencyKeyOf(req, input.idempotent) : null;
      const run = async () => {
        // a SageMaker read served stale from the cache (throttled, unavailable) is named in a header
        const call = () => handler({ req, user: user as U, params, query, body, requestId, idempotencyKey });
        // a read's SageMaker calls end together within SAGEMAKER_TIMEOUT_MS (504 after); changes are not cut short
        const { result, staleSince } = await trackStaleness(() =>
          req.method === "GET" ? withReadBudget(getConfig().sagemakerTimeoutMs, call) : call(),
        );
        return withStaleHeader(result instanceof Response ? result : Response.json(result), staleSince);
      };
      const answer = async () =>
        idempotencyKey && input.idempotent
          ? await runIdempotent(
              await getDb(),
              { key: idempotencyKey, actor: user?.id ?? "", route: `${req.method} ${url.pathname}` },
              rawBody,
              input.idempotent,
              run,
            )
          : await run();
      // a change is made as the person: in assumed roles their login is the session name (CloudTrail shows them)
      response = user && isMutating(req.method) ? await asActor(user.username, answer) : await answer();
    } catch (err) {
      policyRefusal = err instanceof PolicyRefusalError;
      response = err instanceof InputError ? err.response : handleApiError(err, requestId, label);
    }
    response = withApiHeaders(response, requestId);
    const action = permission ?? httpMethodOf(req.method);
    await recordIfRefused(req, response, action, user, requestId, policyRefusal);
    return response;
  }
}

/**
 * The one wrapper for every app/api handler: mutating requests must be same-origin JSON (CSRF → 403; bearer
 * token requests need JSON only), cookie session or `Authorization: Bearer` token → 401, permission (and a
 * service token's scope) → 403, permission → 403, control characters anywhere in params/query/body → 422, zod
 * params/query/body → 422 (bad JSON → 400), typed errors → their statuses, anything else → 500 with a logged
 * request id; `idempotent` routes run once per Idempotency-Key (./idempotency.ts). 401 (mutating), 403 and 409 answers are audited as refusals. Every answer is `no-store`.
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
