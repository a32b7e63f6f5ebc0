import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { signInMessage } from "@/components/auth/post-credentials";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { getConfig } from "@/lib/config";
import { DEMO_USERS } from "@/lib/db/seed";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const config = getConfig();
  const callbackUrl = safeCallbackPath(
    typeof params.callbackUrl === "string" ? params.callbackUrl : null,
    config.auth.url,
  );
  if (await getSessionUser()) redirect(callbackUrl);
  const errorKey = typeof params.error === "string" ? params.error : null;
  const demo = config.auth.demoUsers
    ? DEMO_USERS.map(({ username, password, role }) => ({ username, password, role }))
    : [];
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">Sign in to SageDeck</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The MLOps lifecycle on Amazon SageMaker.
          </p>
        </div>
        <LoginForm
          callbackUrl={callbackUrl}
          oidc={config.auth.oidc !== null}
          initialError={signInMessage(errorKey)}
        />
        {demo.length > 0 && (
          <section
            aria-labelledby="demo-title"
            className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-900"
          >
            <h2 id="demo-title" className="font-medium">
              Demo sign-ins (local mode)
            </h2>
            <ul className="mt-1 font-mono text-xs">
              {demo.map((u) => (
                <li key={u.username}>
                  {u.username} / {u.password} — {u.role}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
