import { Badge } from "@/components/ui/badge";
import type { Kpi } from "@/lib/maturity/kpis";
import { hasTarget, type KpiWithTarget } from "@/lib/maturity-report/kpi-targets";

/** The target on a KPI tile (lead time, approval latency): "target ≤ 48 h · met", and where it comes from. */
export function KpiTarget({ kpi }: { kpi: Kpi | KpiWithTarget }) {
  if (!hasTarget(kpi)) return null;
  const t = kpi.target;
  const verdict = t.met === null ? "no sample" : t.met ? "met" : "missed";
  return (
    <p className="mt-1 flex flex-wrap items-center gap-1 text-xs" data-testid={`kpi-target-${kpi.id}`}>
      <Badge tone={t.met === null ? "neutral" : t.met ? "green" : "red"}>
        target ≤ {t.value} h · {verdict}
      </Badge>
      <span className="text-slate-500">
        {t.from === "solution" ? "this solution's target" : "organisation target"} (median)
      </span>
    </p>
  );
}
