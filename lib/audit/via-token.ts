import { AsyncLocalStorage } from "node:async_hooks";

/** The API token a request authenticated with, as the audit record names it. */
export interface TokenRef {
  id: string;
  name: string;
  kind: "personal" | "service";
  /** the owner (personal) or the admin who created it (service) */
  owner: string;
}

interface Holder {
  token?: TokenRef;
}

const globalForVia = globalThis as unknown as { sagedeckViaToken?: AsyncLocalStorage<Holder> };
const storage = (globalForVia.sagedeckViaToken ??= new AsyncLocalStorage<Holder>());

/**
 * Runs one API request: once its bearer token is known (`actingVia`), every audit row written inside it —
 * the change, its outcome, a refusal — says "via token <name>" (lib/db/audit.ts reads `currentToken`).
 */
export function credentialScope<T>(fn: () => T): T {
  return storage.run({}, fn);
}

/**
 * Runs `fn` outside any request's credential scope: for timers of process-wide jobs (lib/periodic.ts), which
 * would otherwise keep the scope of the request that happened to start them and say "via token" forever.
 */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** Marks the current request as made with `token` (no-op outside `credentialScope`). */
export function actingVia(token: TokenRef): void {
  const holder = storage.getStore();
  if (holder) holder.token = token;
}

export function currentToken(): TokenRef | undefined {
  return storage.getStore()?.token;
}

/** "token ci-release (service)" — how the audit page and CSV show it. */
export function viaLabel(token: TokenRef): string {
  return `token ${token.name} (${token.kind})`;
}
