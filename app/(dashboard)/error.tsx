"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error("[ui] page failed:", error);
  }, [error]);
  return (
    <section role="status" className="max-w-prose space-y-3">
      <h1 className="text-2xl font-semibold">This page could not be shown</h1>
      <p className="text-slate-600 dark:text-slate-400">
        Something went wrong while loading it. Try again; if it keeps happening, report
        {error.digest ? ` error ${error.digest}` : " the time it happened"}.
      </p>
      <div className="flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800"
        >
          Try again
        </button>
        <Link href="/" className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-700">
          Overview
        </Link>
      </div>
    </section>
  );
}
