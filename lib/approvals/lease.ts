import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { DECISION_LEASE_RENEW_MS, releaseDecisionLease, renewDecisionLease } from "@/lib/db/decision-leases";
import { log } from "@/lib/log";

/** A fresh lease-holder token: `live:<uuid>` for a request, `reconciler:<uuid>` for a reconciler pass. */
export const leaseOwner = (kind: "live" | "reconciler") => `${kind}:${randomUUID()}`;

/**
 * Runs `work` on a decision while holding its lease: renewed every few seconds while it runs (a slow
 * UpdateEndpoint keeps the reconciler away), released when it ends — success or not — so what it left in flight is
 * the reconciler's at its next tick. A renewal or the release that fails (the database is down) is logged and the
 * lease simply lapses; a process that dies stops renewing and the lease lapses the same way.
 */
export async function holdingLease<T>(db: Db, id: string, owner: string, work: () => Promise<T>): Promise<T> {
  const renew = setInterval(() => {
    renewDecisionLease(db, id, owner).catch((err: unknown) =>
      log("warn", `decision ${id}: could not renew its lease: ${(err as Error).message}`),
    );
  }, DECISION_LEASE_RENEW_MS);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await releaseDecisionLease(db, id, owner).catch((err: unknown) =>
      log(
        "warn",
        `decision ${id}: could not release its lease (it lapses by itself): ${(err as Error).message}`,
      ),
    );
  }
}
