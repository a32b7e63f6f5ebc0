import { conflict } from "./errors";
import { stableStringify, type JsonObject } from "./json";
import { defineCollection } from "./state";
import type { Ctx } from "./context";

interface TokenRecord {
  request: string;
  response: JsonObject;
  at: number;
}

const tokens = defineCollection<TokenRecord>("idempotencyTokens");

/**
 * `ClientRequestToken` / `ClientToken` semantics: the same token with the same input returns the first
 * response without doing anything again; the same token with different input is refused.
 * `input` should be the request without the token itself.
 */
export async function idempotent(
  ctx: Ctx,
  operation: string,
  token: string | undefined,
  input: JsonObject,
  run: () => Promise<JsonObject> | JsonObject,
): Promise<JsonObject> {
  if (!token) return run();
  const key = `${operation}:${token}`;
  const request = stableStringify(input);
  const seen = tokens(ctx.state).get(key);
  if (seen) {
    if (seen.request !== request)
      throw conflict(
        `The client token ${token} was already used for a ${operation} request with different parameters. Use a new ClientRequestToken.`,
      );
    return seen.response;
  }
  const response = await run();
  tokens(ctx.state).set(key, { request, response, at: ctx.now() });
  return response;
}
