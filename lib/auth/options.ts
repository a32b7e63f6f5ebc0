import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";
import { authorizeCredentials } from "./credentials";
import { oidcProvider } from "./oidc";
import { isRole } from "./roles";
import { sessionUserOf } from "./session-token";
import { checkToken, endSession, SESSION_MAX_AGE_S, startSession } from "./session-events";

let cached: NextAuthOptions | undefined;

/** next-auth configuration, built lazily so `next build` never needs runtime configuration. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = getConfig();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "SageDeck account",
      credentials: {
        username: { label: "Username", type: "text" },
        password: { label: "Password", type: "password" },
      },
      authorize: (credentials, req) => authorizeCredentials(credentials, req.headers),
    }),
  ];
  if (config.auth.oidc) providers.push(oidcProvider(config.auth.oidc));

  cached = {
    secret: config.auth.secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login", error: "/login" },
    providers,
    callbacks: {
      signIn({ user }) {
        // OIDC users whose groups map to no role are refused here, with a reason the sign-in page explains
        return isRole(user.role) ? true : "/login?error=NoRole";
      },
      // sign-in creates a revocable session row (its id is the JWT's `sid`); every later read checks it
      jwt: ({ token, user, account }) => (user ? startSession(token, user, account) : checkToken(token)),
      session({ session, token }) {
        const user = sessionUserOf(token);
        if (user) session.user = user;
        return session;
      },
    },
    events: {
      signOut: ({ token }) => endSession(token),
      async signIn({ user, account }) {
        await recordAudit(await getDb(), {
          actor: user.username ?? user.email ?? user.id,
          actorRole: user.role ?? "none",
          action: "auth.sign_in",
          target: `user/${user.username ?? user.id}`,
          details: { provider: account?.provider ?? "unknown" },
        }).catch((err: unknown) => console.error("[auth] could not record sign-in:", err));
      },
    },
  };
  return cached;
}
