"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";

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
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
        <ButtonLink href="/">Overview</ButtonLink>
      </div>
    </section>
  );
}
