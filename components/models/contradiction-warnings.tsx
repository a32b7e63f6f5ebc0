import { Badge } from "@/components/ui/badge";
import type { Contradiction, VersionContradiction } from "@/lib/approvals/contradictions";

/** The version page: each contradiction between approval, stage and deployment, spelled out. */
export function ContradictionWarnings({ warnings }: { warnings: Contradiction[] }) {
  if (warnings.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="contradictions"
      className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 lg:col-span-2 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      <p className="font-semibold">Warning: approval, stage and deployment disagree</p>
      <ul className="mt-1 list-disc pl-5">
        {warnings.map((w) => (
          <li key={`${w.kind}:${w.stage}`}>{w.message}</li>
        ))}
      </ul>
      <p className="mt-1 text-xs">
        SageMaker shows these together now; check which is right before deciding (e.g. roll back, or fix the
        stage).
      </p>
    </div>
  );
}

/** A table cell's flag: "⚠ stage/deployment mismatch", the messages on hover and for screen readers. */
export function ContradictionFlag({ warnings }: { warnings: Contradiction[] }) {
  if (warnings.length === 0) return null;
  const text = warnings.map((w) => w.message).join(" ");
  return (
    <span title={text} data-testid="contradiction-flag">
      <Badge tone="amber">
        ⚠ {warnings.length === 1 ? "1 contradiction" : `${warnings.length} contradictions`}
      </Badge>
      <span className="sr-only"> {text}</span>
    </span>
  );
}

/** The models list: each served version that contradicts its deployment, by version. */
export function GroupContradictions({ warnings }: { warnings?: VersionContradiction[] }) {
  if (!warnings || warnings.length === 0) return <>—</>;
  return (
    <ul className="space-y-0.5 text-xs text-amber-800 dark:text-amber-300" data-testid="group-contradictions">
      {warnings.map((w) => (
        <li key={`${w.version}:${w.kind}:${w.stage}`}>
          ⚠ v{w.version}: {w.message}
        </li>
      ))}
    </ul>
  );
}
