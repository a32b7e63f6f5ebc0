/**
 * Setup shared by the reconciler tests (tests/reconcile-*.test.ts): a group whose Staging endpoint already serves
 * version 1, so the next promotion is an UpdateEndpoint; helpers to read a decision's rows and audit rows.
 */
import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { approveVersion } from "@/lib/approvals/decide";
import { promoteVersion } from "@/lib/approvals/promote";
import { followRollout } from "@/lib/approvals/rollout";
import { reconcileDecisions, type ReconcileReport } from "@/lib/approvals/reconcile";
import type { Db } from "@/lib/db/client";
import { auditEvents, decisions, type DecisionRow } from "@/lib/db/schema";
import { createGroup, registerVersion, user } from "./decisions-fixtures";
import { waitFor } from "./wait";

export const alex = user("alex");

/** Follows a deploying decision until it finishes (the emulator runs fast in these tests). */
export async function settle(db: Db, id: string, timeoutMs = 30_000): Promise<DecisionRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await followRollout(db, id);
    if (r && r.state !== "deploying" && r.state !== "pending") return r;
    if (Date.now() > deadline) throw new Error(`decision ${id} did not finish (${r?.state})`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

/**
 * Group `group` with approved versions 1 and 2 (registered by someone else than alex) and its Staging endpoint
 * `<group>-staging` serving version 1, InService.
 */
export async function groupOnStaging(emulatorUrl: string, db: Db, group: string): Promise<void> {
  await createGroup(emulatorUrl, group, `team-${group}`);
  for (const version of [1, 2]) {
    await registerVersion(emulatorUrl, group, "someone");
    await approveVersion({ db, user: alex }, { group, version, expectedStatus: "PendingManualApproval" });
  }
  const first = await promoteVersion(
    { db, user: alex },
    { group, version: 1, stage: "Staging", expectedStage: "Development" },
  );
  const done = await settle(db, first.id, 60_000);
  if (done.state !== "applied") throw new Error(`setup: version 1 did not reach Staging: ${done.outcome}`);
}

/** The promote decisions of `group`'s version, newest last. */
export const promotions = (db: Db, group: string, version: number) =>
  db
    .select()
    .from(decisions)
    .where(
      and(eq(decisions.groupName, group), eq(decisions.version, version), eq(decisions.action, "promote")),
    )
    .orderBy(decisions.createdAt);

/** The audit rows written for one decision. */
export const auditRowsOf = (db: Db, decisionId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(sql`${auditEvents.details} ->> 'decisionId' = ${decisionId}`);

export const emulatorFault = (emulatorUrl: string, body: unknown) =>
  fetch(`${emulatorUrl}/_emulator/faults`, { method: "POST", body: JSON.stringify(body) });

/**
 * Waits until a promotion of `version` has written its intent and its UpdateEndpoint (held by a one-shot
 * emulator fault) has reached the emulator; returns the intent. The moment to cut or pause the database.
 */
export async function intentWithUpdateInFlight(
  db: Db,
  emulatorUrl: string,
  group: string,
  version: number,
): Promise<DecisionRow> {
  const [intent] = await waitFor(
    async () => {
      const rows = await promotions(db, group, version);
      return rows.length ? rows : undefined;
    },
    { what: "the intent row" },
  );
  if (!intent) throw new Error("no intent");
  await waitFor(
    async () => {
      const faults = (await (await fetch(`${emulatorUrl}/_emulator/faults`)).json()) as unknown[];
      return JSON.stringify(faults).includes("UpdateEndpoint") ? undefined : true;
    },
    { what: "UpdateEndpoint to reach the emulator", intervalMs: 20 },
  );
  return intent;
}

/**
 * The reconciler's pass once a second for as long as `live` (a decision's request) runs: asserts after each pass
 * that the intent is still pending (the request's lease keeps the reconciler away), that no pass acted on it, and
 * that the passes covered at least `coverMs`. Returns what the request answered.
 */
export async function reconcileWhileAlive<T>(
  db: Db,
  intentId: string,
  live: Promise<T>,
  coverMs: number,
  options: Parameters<typeof reconcileDecisions>[1] = {},
): Promise<T> {
  let done = false;
  const tracked = live.finally(() => (done = true));
  const reports: ReconcileReport[] = [];
  while (!done) {
    reports.push(await reconcileDecisions(db, options));
    const [now] = await db.select().from(decisions).where(eq(decisions.id, intentId));
    if (!done) expect(now?.state).toBe("pending");
    await new Promise((r) => setTimeout(r, 1_000));
  }
  expect(reports.length).toBeGreaterThanOrEqual(coverMs / 1_000 - 2);
  expect(reports.every((r) => r.applied + r.failed + r.inFlight + r.errors === 0)).toBe(true);
  return tracked;
}
