/**
 * Targets on KPIs, pure: the engine's KPIs stay target-free (lib/maturity/kpis.ts); the report passes the
 * effective targets in here and serves `KpiWithTarget`s.
 */
import type { EffectiveTarget, EffectiveTargets } from "@/lib/db/maturity-targets";
import type { Kpi } from "@/lib/maturity/kpis";

export interface KpiTarget extends EffectiveTarget {
  /** the headline value (the median) is at or under the target; null when there is no sample */
  met: boolean | null;
}

export type KpiWithTarget = Kpi & { target?: KpiTarget };

/** Which KPI each target applies to: both are "hours, lower is better" medians. */
const TARGET_OF: Partial<Record<Kpi["id"], keyof EffectiveTargets>> = {
  approvalLatency: "approvalSlaHours",
  leadTime: "leadTimeTargetHours",
};

export function withTargets(kpis: Kpi[], targets: EffectiveTargets | undefined): KpiWithTarget[] {
  return kpis.map((k) => {
    const field = TARGET_OF[k.id];
    const t = field && targets ? targets[field] : null;
    if (!t) return k;
    return { ...k, target: { ...t, met: k.value === null ? null : k.value <= t.value } };
  });
}

export function hasTarget(k: Kpi | KpiWithTarget): k is KpiWithTarget & { target: KpiTarget } {
  return "target" in k && k.target !== undefined;
}
