import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The top of every dashboard page: an optional way back, the `page-title` heading (pages label their
 * `<section>` with it), an optional badge and subtitle, and actions on the right.
 */
export function PageHeader({
  title,
  subtitle,
  badge,
  back,
  breadcrumb,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  badge?: ReactNode;
  /** "← label" link above the title */
  back?: { href: string; label: ReactNode };
  /** a breadcrumb trail above the title (instead of `back`) */
  breadcrumb?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        {back ? (
          <Link href={back.href} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            ← {back.label}
          </Link>
        ) : null}
        {breadcrumb ? <nav className="text-sm text-slate-500">{breadcrumb}</nav> : null}
        <h1 id="page-title" className="text-2xl font-semibold break-words">
          {title}
          {badge ? <span className="ml-2 align-middle text-base font-normal">{badge}</span> : null}
        </h1>
        {subtitle ? <p className="text-slate-600 dark:text-slate-400">{subtitle}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
