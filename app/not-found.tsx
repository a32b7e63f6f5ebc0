import { connection } from "next/server";
import { ButtonLink } from "@/components/ui/button";

// Rendered per request, so Next puts the CSP nonce of this request on its scripts (see proxy.ts).
export default async function NotFound() {
  await connection();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-sm space-y-3 text-center">
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-slate-600 dark:text-slate-400">
          There is no page at this address. Check the link, or start from the overview.
        </p>
        <ButtonLink href="/" variant="primary">
          Go to the overview
        </ButtonLink>
      </div>
    </main>
  );
}
