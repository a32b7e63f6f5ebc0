import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/types";
import type { DataSource } from "@/lib/sagemaker/health";
import { DataSourceBadge } from "./data-source-badge";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";

export function Shell({
  user,
  dataSource,
  children,
}: {
  user: SessionUser;
  dataSource: DataSource;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="text-lg font-semibold tracking-tight">SageDeck</span>
          <DataSourceBadge source={dataSource} />
          <div className="ml-auto">
            <UserMenu user={user} />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4">
          <MainNav />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
