"use client";

import type { ReactNode } from "react";
import { useHydrated } from "./lazy";

/**
 * Form controls that stay disabled until their code is live in the browser. A part loaded apart
 * (components/ui/lazy.tsx) is in the server's HTML before its code arrives: text typed into it then is reset when
 * React hydrates the controlled inputs, and a click does nothing, so a person (or a test) would send the old
 * values. Disabled controls say "not yet" instead, and Playwright's fill/click wait for them.
 */
export function LiveFieldset({ children, className }: { children: ReactNode; className?: string }) {
  const live = useHydrated();
  return (
    <fieldset disabled={!live} aria-busy={live ? undefined : true} className={className}>
      {children}
    </fieldset>
  );
}
