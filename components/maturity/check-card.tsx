import Link from "next/link";
import { Timestamp } from "@/components/ui/timestamp";
import type { CheckResult } from "@/lib/maturity/types";
import { ExemptionActions } from "./exemption-actions";
import { refHref } from "./links";
import { StatusBadge } from "./status";

/**
 * One check: status, observed value against the threshold, evidence with links, what to do, and its exemption
 * (or "Grant exemption" for managers when it does not pass).
 */
export function CheckCard({
  check,
  solutionKey,
  canManage = false,
}: {
  check: CheckResult;
  solutionKey: string;
  canManage?: boolean;
}) {
  return (
    <li
      data-testid={`check-${check.id}`}
      className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-xs text-slate-500">{check.id}</span>
        <h4 className="font-medium">{check.title}</h4>
        <StatusBadge status={check.status} />
        {!check.required ? <span className="text-xs text-slate-500">advisory</span> : null}
        {check.exemption ? <span className="text-xs text-violet-700">exempt</span> : null}
      </div>
      <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">Observed</dt>
        <dd>{check.observed}</dd>
        <dt className="text-slate-500">Threshold</dt>
        <dd>{check.threshold}</dd>
        {check.status !== "pass" && check.status !== "na" ? (
          <>
            <dt className="text-slate-500">Next step</dt>
            <dd>{check.action}</dd>
          </>
        ) : null}
      </dl>
      <ExemptionActions solutionKey={solutionKey} check={check} canManage={canManage} />
      {check.evidence.length > 0 ? (
        <ul className="mt-2 space-y-0.5 text-sm" aria-label={`${check.id} evidence`}>
          {check.evidence.map((e, i) => {
            const href = e.ref ? refHref(e.ref) : undefined;
            return (
              <li key={`${e.label}-${i}`}>
                {href ? (
                  <Link href={href} className="text-sky-700 hover:underline">
                    {e.label}
                  </Link>
                ) : (
                  <span>{e.label}</span>
                )}
                {e.value ? <span className="text-slate-500"> · {e.value}</span> : null}
                {e.at ? (
                  <span className="text-slate-500">
                    {" "}
                    · <Timestamp at={e.at} />
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}
