/**
 * "Grant access" (admins): adds the stage accounts a model group's resource policy does not grant yet, merged
 * into the current policy. Intent → call → outcome like every verb: a registry_grants row (pending) is written
 * before PutModelPackageGroupPolicy; the outcome and its `model.share` audit row are one transaction. When the
 * answer is lost (timeout, 5xx, a crash) the row stays pending and the reconciler settles it by re-reading the
 * group's policy.
 */
import { randomUUID } from "node:crypto";
import type { AuditEventInput } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { finishGrant, insertGrantIntent, pendingGrant, unfinishedGrants } from "@/lib/db/registry-grants";
import type { RegistryGrantRow } from "@/lib/db/schema";
import { AppError, ConflictError, isAppError, NotFoundError, type AppErrorCode } from "@/lib/errors";
import { asActor } from "@/lib/sagemaker/accounts/context";
import { getGroupPolicy, putGroupPolicy } from "@/lib/sagemaker/registry/policy";
import { policyGrants, withGrant } from "@/lib/sagemaker/registry/sharing";
import type { VerbContext } from "@/lib/verb-context";
import { groupSharing, type GroupSharing } from "./sharing";

/** Errors that mean SageMaker did not (and will not) change the policy: the grant is failed, not left pending. */
const REFUSALS: AppErrorCode[] = [
  "bad_request",
  "forbidden",
  "not_found",
  "conflict",
  "unprocessable_entity",
  "rate_limited",
];
const isRefusal = (err: unknown) => isAppError(err) && REFUSALS.includes(err.code);

const named = (r: RegistryGrantRow) => r.accounts.map((a) => `${a.name} (${a.accountId})`);

/** The audit row of a finished grant (one per grant). */
export const grantAudit =
  (requestId?: string) =>
  (r: RegistryGrantRow): AuditEventInput => ({
    actor: r.actor,
    actorRole: r.actorRole,
    action: "model.share",
    target: `model-group/${r.groupName}`,
    outcome: r.state === "failed" ? "failed" : "ok",
    details: {
      grantId: r.id,
      actorName: r.actorName,
      group: r.groupName,
      accounts: named(r),
      to: "PutModelPackageGroupPolicy",
      message: r.outcome,
    },
    requestId: requestId ?? r.requestId ?? undefined,
  });

export type GrantContext = VerbContext & { idempotencyKey?: string | null };

/**
 * Grants the stage accounts the group's policy does not grant yet (or `only` those named). 404 for an account
 * that is not a stage account, 409 when every account is granted already or another grant is in progress.
 */
export async function grantAccess(ctx: GrantContext, group: string, only?: string[]): Promise<GroupSharing> {
  const before = await groupSharing(group, true);
  if (only?.some((n) => !before.accounts.some((a) => a.account === n)))
    throw new NotFoundError(
      `Only the stage accounts ${before.accounts.map((a) => a.account).join(", ") || "(none)"} can be granted.`,
    );
  const missing = before.accounts.filter((a) => !a.shared && (!only || only.includes(a.account)));
  if (missing.length === 0)
    throw new ConflictError(`Model group "${group}" already grants every stage account it deploys to.`);
  const busy = await pendingGrant(ctx.db, group);
  if (busy)
    throw new ConflictError(
      `${busy.actorName} is already granting access on "${group}" (started ${busy.createdAt.toISOString()}); reload in a minute.`,
    );
  const row = await insertGrantIntent(ctx.db, {
    id: randomUUID(),
    groupName: group,
    groupArn: before.groupArn,
    accounts: missing.map((a) => ({ name: a.account, accountId: a.accountId })),
    actor: ctx.user.username,
    actorName: ctx.user.name,
    actorRole: ctx.user.role,
    idempotencyKey: ctx.idempotencyKey ?? null,
    requestId: ctx.requestId ?? null,
  });
  const audit = grantAudit(ctx.requestId);
  try {
    const current = await getGroupPolicy(group, true);
    await putGroupPolicy(
      group,
      withGrant(
        current,
        row.groupArn,
        missing.map((a) => a.accountId),
      ),
    );
  } catch (err) {
    if (!isRefusal(err)) throw err; // unknown answer: stays pending; the reconciler reads the policy
    const message = isAppError(err) ? err.message : "SageMaker did not accept the policy.";
    await finishGrant(ctx.db, row.id, "failed", `Not applied: ${message}`, audit);
    throw err;
  }
  try {
    await finishGrant(
      ctx.db,
      row.id,
      "applied",
      `Granted ${named(row).join(", ")} access to the group's versions.`,
      audit,
    );
  } catch (err) {
    console.error(`[sharing] grant ${row.id}: could not record the outcome:`, err);
    throw new AppError(
      "internal_error",
      `SageMaker accepted the policy, but SageDeck could not record it yet; the record catches up within a minute. Reload then instead of granting again.`,
      { cause: err },
    );
  }
  return groupSharing(group, true);
}

/** A pending grant settled by the group's policy as SageMaker holds it now. */
async function reconcileGrant(db: Db, r: RegistryGrantRow): Promise<RegistryGrantRow["state"]> {
  const policy = await getGroupPolicy(r.groupName, true);
  const probe = `${r.groupArn.replace(":model-package-group/", ":model-package/")}/1`;
  const missing = r.accounts.filter((a) => !policyGrants(policy, a.accountId, probe));
  const row =
    missing.length === 0
      ? await finishGrant(
          db,
          r.id,
          "applied",
          `The group's policy grants ${named(r).join(", ")} (confirmed by the reconciler).`,
          grantAudit(),
        )
      : await finishGrant(
          db,
          r.id,
          "failed",
          `Not applied: the group's policy does not grant ${missing.map((a) => `${a.name} (${a.accountId})`).join(", ")}; the request was interrupted. Grant access again.`,
          grantAudit(),
        );
  return row?.state ?? r.state;
}

/** Settles grants left pending for longer than `pendingOlderThanMs` (a crash between the call and the outcome). */
export async function reconcileGrants(
  db: Db,
  opts: { pendingOlderThanMs?: number } = {},
): Promise<{ applied: number; failed: number; errors: number }> {
  const report = { applied: 0, failed: 0, errors: 0 };
  const rows = await unfinishedGrants(db, new Date(Date.now() - (opts.pendingOlderThanMs ?? 60_000)));
  for (const r of rows) {
    try {
      const state = await asActor(r.actor, () => reconcileGrant(db, r));
      if (state === "applied") report.applied += 1;
      else if (state === "failed") report.failed += 1;
    } catch (err) {
      report.errors += 1;
      console.error(`[reconciler] grant ${r.id}: ${(err as Error).message}`);
    }
  }
  return report;
}
