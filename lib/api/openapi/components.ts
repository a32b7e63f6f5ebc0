import { STATUS_BY_CODE } from "../errors";
import { IDEMPOTENCY_KEY_FORMAT } from "../idempotency";
import { sessionCookieName } from "@/lib/auth/session-token";
import type { JsonSchema } from "./schema";

/** What each error status means for a client; the codes come from STATUS_BY_CODE (lib/api/errors.ts). */
const ERROR_MEANINGS: Record<number, string> = {
  400: "The request is malformed (bad JSON, a malformed %-escape, a missing required Idempotency-Key).",
  401: "No valid session cookie or bearer token: sign in, or send `Authorization: Bearer <token>`.",
  403: "Signed in, but the role (or a service token's scope) lacks the permission, or a cookie request failed the same-origin check.",
  404: "The resource does not exist.",
  405: "The method is not supported.",
  409: "The change conflicts with the current state, or the Idempotency-Key was used with another body.",
  422: "The input fails validation, or a governance rule refuses the change; the message names the field.",
  429: "Too many requests; wait for Retry-After seconds.",
  500: "Unexpected server error; the message names the request id that is logged.",
  502: "SageMaker answered with an error.",
  503: "SageMaker (or the database record) is unavailable right now; try again shortly.",
  504: "SageMaker did not answer in time.",
};

/** The error statuses, each with the codes that answer with it. */
export function errorStatuses(): Map<number, string[]> {
  const byStatus = new Map<number, string[]>();
  for (const [code, status] of Object.entries(STATUS_BY_CODE)) {
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

export const errorResponseRef = (status: number) => ({ $ref: `#/components/responses/Error${status}` });

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  description: "Every error answer: a stable code and a message that says what happened and what to do.",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string", enum: Object.keys(STATUS_BY_CODE) },
        message: { type: "string" },
      },
      required: ["code", "message"],
      additionalProperties: false,
    },
  },
  required: ["error"],
  additionalProperties: false,
};

/** The Idempotency-Key header of an `idempotent` route (inline: a $ref could not say whether it is required). */
export function idempotencyKeyParameter(required: boolean) {
  return {
    name: "Idempotency-Key",
    in: "header",
    description:
      "Any unique string per submission: a repeat with the same key gets the first answer back " +
      "(`Idempotent-Replayed: true`); the same key with another body is 409." +
      (required ? " Required: 400 without it." : ""),
    required,
    schema: { type: "string", pattern: IDEMPOTENCY_KEY_FORMAT.source },
  };
}

export function components() {
  const responses: Record<string, unknown> = {};
  for (const [status, codes] of errorStatuses()) {
    responses[`Error${status}`] = {
      description: `${ERROR_MEANINGS[status] ?? "Error."} Codes: ${codes.join(", ")}.`,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    schemas: { Error: ERROR_SCHEMA },
    responses,
    securitySchemes: {
      bearerToken: {
        type: "http",
        scheme: "bearer",
        description:
          "A personal API token (Account → API tokens) or an admin's service token: `Authorization: Bearer <token>`.",
      },
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: sessionCookieName(false),
        description:
          "The browser's sign-in session (`__Secure-next-auth.session-token` over HTTPS); changes also need a same-origin `Origin`.",
      },
    },
  };
}
