"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { activeNavHref, NAV_ITEMS } from "@/lib/routes";

export function MainNav() {
  const active = activeNavHref(usePathname());
  return (
    <nav aria-label="Main" className="-mb-px sm:overflow-x-auto">
      {/* wraps onto a second line on a phone instead of hiding sections off-screen */}
      <ul className="flex flex-wrap gap-x-1 sm:flex-nowrap">
        {NAV_ITEMS.map((item) => {
          const current = item.href === active;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block border-b-2 px-3 py-2 text-sm whitespace-nowrap ${
                  current
                    ? "border-sky-600 font-medium text-sky-700 dark:text-sky-400"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
