import type { Metadata } from "next";
import Link from "next/link";
import { TokenManager } from "@/components/tokens/token-manager";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "API tokens" };

export default async function AccountTokensPage() {
  const user = await getSessionUser();
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        title="API tokens"
        subtitle="Personal tokens let scripts and CI call the SageDeck API as you, with your current role. Send one as Authorization: Bearer <token>."
      />
      {user?.provider === "oidc" ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          You sign in with single sign-on, whose role SageDeck learns only at sign-in, so personal tokens are
          not available; ask an admin for a service token.
        </p>
      ) : (
        <TokenManager kind="personal" />
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A token stops working when you revoke it, when it expires, when your account is disabled or your
        password changes. What you do with it is on the audit record as “via token”.
        {user && can(user.role, "users.manage") ? (
          <>
            {" "}
            Automation that should not act as a person uses{" "}
            <Link href="/settings/service-tokens" className="text-sky-700 hover:underline dark:text-sky-400">
              service tokens
            </Link>
            .
          </>
        ) : null}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        What a token can call:{" "}
        <Link href={routes.apiDocs} className="text-sky-700 hover:underline dark:text-sky-400">
          the API reference
        </Link>{" "}
        (OpenAPI 3.1 at /api/openapi.json).
      </p>
    </section>
  );
}
