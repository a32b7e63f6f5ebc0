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

export async function readJson(req: Request, requestId: string): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError(errorResponse("bad_request", "The request body is not valid JSON.", { requestId }));
  }
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
