"use client";

import { signIn } from "next-auth/react";
import { postCredentials } from "./post-credentials";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

interface Props {
  callbackUrl: string;
  oidc: boolean;
  initialError: string | null;
}

function fieldValue(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export function LoginForm({ callbackUrl, oidc, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const res = await postCredentials(
      fieldValue(form, "username"),
      fieldValue(form, "password"),
      callbackUrl,
    );
    if (!res.ok) {
      setPending(false);
      setError(res.message);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  const input =
    "mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900";
  return (
    <div className="space-y-4">
      <form
        onSubmit={(e) => void onSubmit(e)}
        className="space-y-3"
        aria-describedby={error ? "login-error" : undefined}
      >
        <label className="block text-sm">
          Username
          <input name="username" autoComplete="username" required autoFocus className={input} />
        </label>
        <label className="block text-sm">
          Password
          <input name="password" type="password" autoComplete="current-password" required className={input} />
        </label>
        {error && (
          <p id="login-error" data-testid="login-error" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" size="lg" pending={pending} className="w-full">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidc && (
        <Button size="lg" className="w-full" onClick={() => void signIn("oidc", { callbackUrl })}>
          Sign in with single sign-on
        </Button>
      )}
    </div>
  );
}
