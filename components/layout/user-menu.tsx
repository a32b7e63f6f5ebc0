"use client";

import Link from "next/link";
import { useState } from "react";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { routes } from "@/lib/routes";
import type { SessionUser } from "@/lib/auth/types";
import { Button } from "@/components/ui/button";

export function UserMenu({ user }: { user: SessionUser }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center gap-3 text-sm">
      <span data-testid="current-user">
        <span className="font-medium">{user.name}</span>{" "}
        <span
          data-testid="current-role"
          className="rounded-full bg-slate-200 px-2 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
        >
          {ROLE_LABELS[user.role]}
        </span>
      </span>
      {can(user.role, "settings.read") ? (
        <Link href={routes.settingsAccounts} className="text-sky-700 hover:underline dark:text-sky-400">
          Accounts
        </Link>
      ) : null}
      <Link href="/account/tokens" className="text-sky-700 hover:underline dark:text-sky-400">
        API tokens
      </Link>
      <Link href={routes.accountNotifications} className="text-sky-700 hover:underline dark:text-sky-400">
        Notifications
      </Link>
      <Button
        pending={pending}
        onClick={() => {
          setPending(true);
          // loaded on click: next-auth's client stays out of the JavaScript every page loads first (issue 18)
          void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }));
        }}
      >
        {pending ? "Signing out…" : "Sign out"}
      </Button>
    </div>
  );
}
