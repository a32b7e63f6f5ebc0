import { and, count, desc, eq, gte, like, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { stageHistory } from "@/lib/db/decisions";
import { auditEvents, type AuditEventRow } from "@/lib/db/schema";
import { stageEndpointsForGroup } from "@/lib/sagemaker/endpoints/reads";
import { endpointConfigHistory } from "@/lib/sagemaker/endpoints/history";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";
import { homeAccount } from "@/lib/sagemaker/accounts/context";
import { AUDIT_OUTCOMES, outcomeLabel } from "@/lib/audit/outcome";
import { viaLabel, type TokenRef } from "@/lib/audit/via-token";
import { servedConfigAt } from "@/lib/audit/stages-at";

export const AuditQuery = z.object({
  actor: z.string().trim().min(1).optional(),
  action: z.string().trim().min(1).optional(),
  group: z.string().trim().min(1).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** An audit event as the page shows it. Times are epoch ms. */
export interface AuditItem {
  id: number;
  at: number;
  actor: string;
  actorRole: string;
  action: string;
  target: string;
  outcome: string;
  from?: string;
  to?: string;
  reason?: string;
  message?: string;
  /** "token ci-release (service)" when the change was made with an API token */
  via?: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

function toItem(r: AuditEventRow): AuditItem {
  const d = r.details;
  return {
    id: r.id,
    at: r.at.getTime(),
    actor: r.actor,
    actorRole: r.actorRole,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    from: str(d.from),
    to: str(d.to),
    reason: str(d.reason),
    message: str(d.message),
    via: viaOf(d.viaToken),
  };
}

function viaOf(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const t = v as Partial<TokenRef>;
  return typeof t.name === "string" && (t.kind === "personal" || t.kind === "service")
    ? viaLabel({ id: String(t.id), name: t.name, kind: t.kind, owner: String(t.owner) })
    : undefined;
}

/** A filter value matched literally inside LIKE: `%`, `_` and the escape character itself lose their meaning. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function where(q: AuditQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    q.actor ? eq(auditEvents.actor, q.actor) : undefined,
    q.action ? like(auditEvents.action, `${escapeLike(q.action)}%`) : undefined,
    q.outcome ? eq(auditEvents.outcome, q.outcome) : undefined,
    q.group
      ? or(
          like(auditEvents.target, `model-package/${escapeLike(q.group)}/%`),
          sql`${auditEvents.details}->>'group' = ${q.group}`,
        )
      : undefined,
    q.from ? gte(auditEvents.at, new Date(`${q.from}T00:00:00Z`)) : undefined,
    q.to ? lte(auditEvents.at, new Date(`${q.to}T23:59:59.999Z`)) : undefined,
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(
  db: Db,
  q: AuditQuery,
): Promise<{ items: AuditItem[]; page: number; total: number; pageSize: number }> {
  const w = where(q);
  const [rows, [{ n } = { n: 0 }]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(w)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((q.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditEvents).where(w),
  ]);
  return { items: rows.map(toItem), page: q.page, total: Number(n), pageSize: AUDIT_PAGE_SIZE };
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so spreadsheets do not run it as a formula. */
export function csvCell(v: string | number | undefined): string {
  let s = v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export async function auditCsv(db: Db, q: Omit<AuditQuery, "page">, max = 10_000): Promise<string> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where({ ...q, page: 1 }))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(max);
  const head = [
    "at",
    "actor",
    "role",
    "action",
    "target",
    "from",
    "to",
    "reason",
    "outcome",
    "message",
    "via",
  ];
  const lines = rows
    .map(toItem)
    .map((i) =>
      [
        new Date(i.at).toISOString(),
        i.actor,
        i.actorRole,
        i.action,
        i.target,
        i.from,
        i.to,
        i.reason,
        outcomeLabel(i.outcome),
        i.message,
        i.via,
      ]
        .map(csvCell)
        .join(","),
    );
  return [head.join(","), ...lines].join("\r\n") + "\r\n";
}

export interface StageAt {
  stage: "Staging" | "Production";
  /** the configured account whose endpoint served it */
  account?: string;
  version?: number;
  since?: number;
  by?: string;
  source: "sagedeck" | "sagemaker" | "none";
}

/**
 * What served Staging and Production of a group at time `at`: SageDeck's decisions (each names the account it
 * deployed to), else the endpoint configs of the stage's endpoint, read in the account that holds it.
 */
export async function stagesAt(db: Db, group: string, at: number): Promise<StageAt[]> {
  const history = await stageHistory(db, group);
  const g = (await listModelGroups()).find((x) => x.name === group);
  const endpoints = g ? await stageEndpointsForGroup(g.arn) : {};
  return Promise.all(
    (["Staging", "Production"] as const).map(async (stage): Promise<StageAt> => {
      const mine = history
        .filter((r) => r.targetStage === stage && (r.completedAt?.getTime() ?? Infinity) <= at)
        .pop();
      if (mine)
        return {
          stage,
          account: mine.account ?? homeAccount().name,
          version: mine.version,
          since: mine.completedAt?.getTime(),
          by: mine.actorName,
          source: "sagedeck",
        };
      const e = endpoints[stage];
      if (!e) return { stage, source: "none" };
      // the old version until the endpoint is InService on the new config (stages-at.ts)
      const last = servedConfigAt(await endpointConfigHistory(e.name, e.account), e.configName, at, group);
      if (!last) return { stage, source: "none" };
      return {
        stage,
        account: e.account,
        version: Number(last.servedArn?.split("/").pop()),
        since: last.createdAt,
        source: "sagemaker",
      };
    }),
  );
}
