"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The new token's secret, shown this once: copy it now, SageDeck keeps only its hash. */
export function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      data-testid="new-token"
      className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm dark:bg-emerald-950"
    >
      <p className="font-medium">Token “{name}” created. Copy it now: it will not be shown again.</p>
      <code
        data-testid="new-token-value"
        className="block rounded bg-white p-2 font-mono break-all dark:bg-slate-900"
      >
        {token}
      </code>
      <div className="flex gap-2">
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(token).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
