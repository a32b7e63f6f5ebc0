"use client";

import { useState } from "react";
import type { TokenKind } from "@/lib/auth/tokens/secret";
import type { NewTokenBody } from "@/lib/query-options/tokens";
import { Button } from "@/components/ui/button";

const field =
  "mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

const EXPIRY_CHOICES: { label: string; days: number | null }[] = [
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
  { label: "Never", days: null },
];

/** Name, expiry and (service tokens) the permissions the token carries. */
export function CreateTokenForm({
  kind,
  permissions,
  pending,
  error,
  onCreate,
}: {
  kind: TokenKind;
  /** service tokens: the permissions an admin may grant, with labels */
  permissions?: { id: string; label: string }[];
  pending: boolean;
  error: string | null;
  onCreate: (body: NewTokenBody) => void;
}) {
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [scopes, setScopes] = useState<string[]>(["read"]);
  const toggle = (p: string) => setScopes((s) => (s.includes(p) ? s.filter((x) => x !== p) : [...s, p]));
  return (
    <form
      aria-label={kind === "service" ? "Create a service token" : "Create a personal token"}
      className="space-y-3 rounded border border-slate-200 p-4 text-sm dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        const expiresInDays = days === "never" ? null : Number(days);
        onCreate({ name: name.trim(), expiresInDays, ...(kind === "service" ? { scopes } : {}) });
      }}
    >
      <label className="block">
        Name
        <input
          className={field}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={kind === "service" ? "release-pipeline" : "ci-laptop"}
          autoComplete="off"
        />
      </label>
      <label className="block">
        Expires after
        <select className={field} value={days} onChange={(e) => setDays(e.target.value)}>
          {EXPIRY_CHOICES.map((c) => (
            <option key={c.label} value={c.days === null ? "never" : String(c.days)}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {permissions ? (
        <fieldset>
          <legend>Permissions (scope)</legend>
          {permissions.map((p) => (
            <label key={p.id} className="mt-1 flex items-center gap-2">
              <input type="checkbox" checked={scopes.includes(p.id)} onChange={() => toggle(p.id)} />
              <span className="font-mono text-xs">{p.id}</span> — {p.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" pending={pending}>
        {pending ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
