/**
 * The process's life cycle as the health endpoints and the production server (scripts/serve.ts) share it. State
 * lives on globalThis: serve.js and the Next route bundles are separate module copies in one process.
 */
import type { DbHandle } from "@/lib/db";

const g = globalThis as unknown as {
  sagedeckShuttingDown?: number;
  /** set by lib/periodic.ts (kept out of this module's imports: serve.js bundles this file) */
  sagedeckStopPeriodic?: () => Promise<void>;
  sagedeckDb?: Promise<DbHandle>;
  sagedeckSnapshotScheduler?: { stop: () => void };
  sagedeckSnapshotInFlight?: Promise<unknown>;
  sagedeckInvalidationBus?: { close: () => Promise<void> } | null;
  /** set by scripts/serve.ts: it writes the TCP peer into X-SageDeck-Peer (clients cannot set that header) */
  sagedeckPeerHeader?: boolean;
};

/** The header the production server sets to the TCP peer's address (after dropping any the client sent). */
export const PEER_HEADER = "x-sagedeck-peer";

/** Readiness fails from here on (SIGTERM received); requests are still served until the server closes. */
export function beginShutdown(): void {
  g.sagedeckShuttingDown ??= Date.now();
}

export function shuttingDown(): boolean {
  return g.sagedeckShuttingDown !== undefined;
}

/** The peer address the production server recorded, or null when the app runs without it (`next start`). */
export function trustedPeer(headers: Headers): string | null {
  return g.sagedeckPeerHeader ? headers.get(PEER_HEADER) : null;
}

export function markPeerHeader(): void {
  g.sagedeckPeerHeader = true;
}

/**
 * Stops the background work of this process and closes its connections, in order: the reconcilers and the
 * snapshot scheduler (runs under way finish), the cache-invalidation listener, then the database pool.
 */
export async function stopBackground(): Promise<void> {
  g.sagedeckSnapshotScheduler?.stop();
  await Promise.all([g.sagedeckStopPeriodic?.(), g.sagedeckSnapshotInFlight?.catch(() => undefined)]);
  await g.sagedeckInvalidationBus?.close();
  const db = g.sagedeckDb;
  g.sagedeckDb = undefined;
  await db?.then((h) => h.close()).catch(() => undefined);
}
