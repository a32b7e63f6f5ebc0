/**
 * Maturity governance: exemptions (grant, revoke, list) and targets (get, set). Managers and admins only
 * (`maturity.manage`); every change is audited in the same transaction and makes the report re-assess.
 */
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/types";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import {
  closeExpired,
  getExemption,
  insertExemption,
  isUniqueViolation,
  listExemptions,
  openExemption,
  revokeExemption as revokeRow,
} from "@/lib/db/maturity-exemptions";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { CHECKS } from "@/lib/maturity/assess";
import { getSolutionReport, invalidateMaturity, type SolutionReport } from "@/lib/maturity-report/report";
import { MAX_EXEMPTION_DAYS, REASON_MAX, REASON_MIN, type GrantInput } from "./schemas";
import { toExemptionView, utc, type ExemptionView } from "./views";
import type { VerbContext } from "@/lib/verb-context";

export interface GovernanceContext extends VerbContext {
  /** the solution's current report (default: the app's report); tests may pass one computed elsewhere */
  report?: (key: string) => Promise<SolutionReport>;
  now?: Date;
}

const DAY_MS = 86_400_000;

export function requireManage(user: SessionUser): void {
  if (!can(user.role, "maturity.manage"))
    throw new ForbiddenError(
      `Your role (${user.role}) may not set maturity targets or grant exemptions; ask a manager or an admin.`,
    );
}

function validateGrant(input: GrantInput, now: Date): void {
  if (!CHECKS.some((c) => c.id === input.checkId))
    throw new ValidationError(
      `There is no check "${input.checkId}". Use an id shown on the solution page (I-1 … S-3).`,
    );
  const reason = input.reason.trim();
  if (reason.length < REASON_MIN || reason.length > REASON_MAX)
    throw new ValidationError(`Give a reason of ${REASON_MIN}–${REASON_MAX} characters.`);
  const at = input.expiresAt.getTime();
  if (!Number.isFinite(at) || at <= now.getTime())
    throw new ValidationError("The expiry must be in the future; pick a later date.");
  if (at > now.getTime() + MAX_EXEMPTION_DAYS * DAY_MS)
    throw new ValidationError(
      `An exemption lasts at most ${MAX_EXEMPTION_DAYS} days; pick an expiry before ${utc(now.getTime() + MAX_EXEMPTION_DAYS * DAY_MS)}.`,
    );
}

const alreadyExempt = (key: string, r: { checkId: string; expiresAt: Date; grantedByName: string }) =>
  new ConflictError(
    `${r.checkId} is already exempt for ${key} until ${utc(r.expiresAt)} (granted by ${r.grantedByName}); revoke it first to grant a new one.`,
  );

/**
 * Grants an exemption from one check. Refused: an unknown check or solution, a bad reason or expiry (422);
 * a check that passes on its own or does not apply (409: exemptions are for checks that do not pass); a check
 * already exempt (409). An expired open exemption is closed first, in the same transaction. Two grants at
 * once: the unique index on open exemptions lets exactly one in, the other gets 409.
 */
export async function grantExemption(
  ctx: GovernanceContext,
  solutionKey: string,
  input: GrantInput,
): Promise<ExemptionView> {
  requireManage(ctx.user);
  const now = ctx.now ?? new Date();
  validateGrant(input, now);
  const report = await (ctx.report ?? getSolutionReport)(solutionKey);
  const check = report.assessment.checks.find((c) => c.id === input.checkId);
  if (check && !check.exemption && check.status === "pass")
    throw new ConflictError(
      `${check.id} already passes for ${solutionKey}; exemptions are only for checks that do not pass.`,
    );
  if (check?.status === "na")
    throw new ConflictError(
      `${check.id} does not apply to ${solutionKey} (n/a); there is nothing to exempt.`,
    );
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const closed = await closeExpired(tx, solutionKey, input.checkId, now);
      const open = await openExemption(tx, solutionKey, input.checkId);
      if (open) throw alreadyExempt(solutionKey, open);
      const inserted = await insertExemption(
        tx,
        {
          solutionKey,
          checkId: input.checkId,
          reason: input.reason.trim(),
          grantedBy: ctx.user.username,
          grantedByName: ctx.user.name,
          expiresAt: input.expiresAt,
        },
        now,
      );
      await recordAudit(tx, {
        actor: ctx.user.username,
        actorRole: ctx.user.role,
        action: "maturity.exemption.grant",
        target: `maturity/${solutionKey}/${input.checkId}`,
        details: {
          exemptionId: inserted.id,
          solution: solutionKey,
          checkId: input.checkId,
          statusBefore: check?.status,
          reason: inserted.reason,
          expiresAt: inserted.expiresAt.toISOString(),
          closedExpired: closed?.id,
        },
        requestId: ctx.requestId,
      });
      return inserted;
    });
    invalidateMaturity();
    return toExemptionView(row, now.getTime());
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await openExemption(ctx.db, solutionKey, input.checkId);
    if (winner) throw alreadyExempt(solutionKey, winner);
    throw new ConflictError(
      `Someone granted an exemption for ${input.checkId} at the same moment; reload to see it.`,
      { cause: err },
    );
  }
}

/** Revokes an open exemption (404 when unknown for this solution, 409 when it was already revoked). */
export async function revokeExemption(
  ctx: GovernanceContext,
  solutionKey: string,
  id: string,
): Promise<ExemptionView> {
  requireManage(ctx.user);
  const now = ctx.now ?? new Date();
  const row = await ctx.db.transaction(async (tx) => {
    const revoked = await revokeRow(tx, solutionKey, id, ctx.user.username, now);
    if (!revoked) {
      const existing = await getExemption(tx, id);
      if (!existing || existing.solutionKey !== solutionKey)
        throw new NotFoundError(
          `No exemption ${id} on ${solutionKey}; reload the page to see the current ones.`,
        );
      throw new ConflictError(
        `This exemption was already ended (${existing.revokedBy === "system:expired" ? "it expired" : `revoked by ${existing.revokedBy ?? "someone"}`} at ${utc(existing.revokedAt ?? now)}); reload the page.`,
      );
    }
    await recordAudit(tx, {
      actor: ctx.user.username,
      actorRole: ctx.user.role,
      action: "maturity.exemption.revoke",
      target: `maturity/${solutionKey}/${revoked.checkId}`,
      details: {
        exemptionId: revoked.id,
        solution: solutionKey,
        checkId: revoked.checkId,
        reason: revoked.reason,
        grantedBy: revoked.grantedBy,
        expiresAt: revoked.expiresAt.toISOString(),
      },
      requestId: ctx.requestId,
    });
    return revoked;
  });
  invalidateMaturity();
  return toExemptionView(row, now.getTime());
}

/** A solution's exemptions, open first, then past ones, newest grant first. */
export async function exemptionsOf(db: Db, solutionKey: string, now = Date.now()): Promise<ExemptionView[]> {
  const views = (await listExemptions(db, solutionKey)).map((r) => toExemptionView(r, now));
  const rank = { active: 0, expired: 1, revoked: 2 } as const;
  return views.sort((a, b) => rank[a.state] - rank[b.state] || b.grantedAt - a.grantedAt);
}
