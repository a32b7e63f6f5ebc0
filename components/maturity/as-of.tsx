import { Timestamp } from "@/components/ui/timestamp";
import type { Freshness } from "@/lib/maturity-report/report";

/**
 * How old the figures are: the maturity pages read the latest background collection, never collect on a
 * page view. A failed later collection is shown as such, next to the figures it did not replace.
 */
export function AsOf({
  generatedAt,
  refreshMinutes,
  collectionFailure,
}: Freshness & { generatedAt: number }) {
  return (
    <div className="space-y-1 text-xs" data-testid="maturity-as-of">
      <p className="text-slate-500">
        As of <Timestamp at={generatedAt} /> · collected from SageMaker in the background every{" "}
        {refreshMinutes} min, so the figures may be up to {refreshMinutes} min old.
      </p>
      {collectionFailure ? (
        <p
          role="alert"
          className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900 dark:bg-amber-950"
        >
          The latest collection, at <Timestamp at={collectionFailure.at} />, failed:{" "}
          {collectionFailure.message}. These figures are from the collection before it; it is retried in the
          background.
        </p>
      ) : null}
    </div>
  );
}
