import type { z } from "zod";
import { errorResponse, describeZodError } from "./errors";
import { controlCharMessage, findControlChar } from "./control-chars";

export type AnySchema = z.ZodType;
export type Out<S> = S extends AnySchema ? z.output<S> : undefined;

/** A refusal of the input, answered as is (400/422). */
export class InputError extends Error {
  constructor(readonly response: Response) {
    super("invalid input");
  }
}

export function refuseControlChars(
  value: unknown,
  where: string,
  requestId: string,
  allowWhitespace = false,
): void {
  const hit = findControlChar(value, where, allowWhitespace);
  if (hit)
    throw new InputError(errorResponse("unprocessable_entity", controlCharMessage(hit), { requestId }));
}

export function parse<S extends AnySchema | undefined>(
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

/** No API takes more than this much JSON; larger bodies are refused before parsing. */
export const MAX_BODY_CHARS = 1_000_000;

export async function readJson(req: Request, requestId: string): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  const text = declared > MAX_BODY_CHARS ? "" : await req.text();
  if (declared > MAX_BODY_CHARS || text.length > MAX_BODY_CHARS) {
    throw new InputError(
      errorResponse("bad_request", "The request body is too large (over 1 MB); send less.", { requestId }),
    );
  }
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError(errorResponse("bad_request", "The request body is not valid JSON.", { requestId }));
  }
}

const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The dotted path of the first object key that could pollute a prototype (`__proto__`, …), or null. */
function findPrototypeKey(value: unknown, where: string, depth = 0): string | null {
  if (depth > 64 || typeof value !== "object" || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (PROTOTYPE_KEYS.has(key)) return `${where}.${key}`;
    const hit = findPrototypeKey(inner, `${where}.${key}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * The body of a mutating request before validation: a route without a body schema takes no body (empty or
 * `{}`), so stray input never rides along with an action; prototype keys are refused everywhere.
 */
export function refuseBodyShape(body: unknown, hasSchema: boolean, requestId: string): void {
  const empty = body === undefined || (isPlainObject(body) && Object.keys(body).length === 0);
  if (!hasSchema && !empty) {
    throw new InputError(
      errorResponse("unprocessable_entity", "body: this action takes no body; send none (or {}).", {
        requestId,
      }),
    );
  }
  const hit = findPrototypeKey(body, "body");
  if (hit) {
    throw new InputError(
      errorResponse("unprocessable_entity", `${hit}: this name is not allowed as a field; remove it.`, {
        requestId,
      }),
    );
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The dynamic path segments; a malformed percent-encoding is the client's mistake (400), not a crash. */
export async function readParams(
  params: Promise<Record<string, string | string[] | undefined>>,
  requestId: string,
): Promise<Record<string, string | string[] | undefined>> {
  try {
    return await params;
  } catch {
    throw new InputError(
      errorResponse("bad_request", "The address contains a malformed %-escape; check the link.", {
        requestId,
      }),
    );
  }
}

/** The path of the request, even when its percent-encoding is malformed. */
export function pathOf(req: Request): string {
  try {
    return new URL(req.url).pathname;
  } catch {
    return req.url;
  }
}
