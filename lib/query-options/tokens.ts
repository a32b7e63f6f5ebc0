import { queryOptions } from "@tanstack/react-query";
import type { CreatedToken, TokenItem } from "@/lib/auth/tokens/manage";
import type { TokenKind } from "@/lib/auth/tokens/secret";
import { fetchJson } from "./fetcher";

/** Where each kind of token is managed: your own (`/api/me/tokens`) or, for admins, the service tokens. */
export const TOKEN_API: Record<TokenKind, string> = {
  personal: "/api/me/tokens",
  service: "/api/service-tokens",
};

export const tokenQueries = {
  all: ["tokens"] as const,
  list: (kind: TokenKind) =>
    queryOptions({
      queryKey: ["tokens", kind] as const,
      queryFn: () => fetchJson<{ tokens: TokenItem[] }>(TOKEN_API[kind]),
    }),
};

export interface NewTokenBody {
  name: string;
  expiresInDays: number | null;
  scopes?: string[];
}

export const createToken = (kind: TokenKind, body: NewTokenBody) =>
  fetchJson<CreatedToken>(TOKEN_API[kind], { method: "POST", body: JSON.stringify(body) });

export const revokeToken = (kind: TokenKind, id: string) =>
  fetchJson<{ token: TokenItem }>(`${TOKEN_API[kind]}/${encodeURIComponent(id)}`, { method: "DELETE" });
