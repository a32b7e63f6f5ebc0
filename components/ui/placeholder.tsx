export function ComingSoon({ title, issue, what }: { title: string; issue: number; what: string }) {
  return (
    <section aria-labelledby="page-title" className="space-y-3">
      <h1 id="page-title" className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="max-w-prose text-slate-600 dark:text-slate-400">{what}</p>
      <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        Not built yet: this page comes with issue {issue}. The navigation, sign-in and permissions around it
        already work.
      </p>
    </section>
  );
}
