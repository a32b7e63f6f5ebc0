import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";
import { authenticate } from "@/lib/db/users";
import { oidcProvider } from "./oidc";
import { refreshLocalToken } from "./refresh";
import { isRole } from "./roles";

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
      async authorize(credentials) {
        const username = credentials?.username?.trim().toLowerCase() ?? "";
        const password = credentials?.password ?? "";
        if (!username || !password) return null;
        const user = await authenticate(await getDb(), username, password);
        if (!user) return null;
        return { id: String(user.id), name: user.name, username: user.username, role: user.role };
      },
    }),
  ];
  if (config.auth.oidc) providers.push(oidcProvider(config.auth.oidc));

  cached = {
    secret: config.auth.secret,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers,
    callbacks: {
      signIn({ user }) {
        // OIDC users whose groups map to no role are refused here, with a reason the sign-in page explains
        return isRole(user.role) ? true : "/login?error=NoRole";
      },
      async jwt({ token, user, account }) {
        if (user) {
          token.role = user.role;
          token.username = user.username ?? user.email ?? user.id;
          token.provider = account?.provider === "credentials" ? "credentials" : "oidc";
          token.checkedAt = Date.now();
          return token;
        }
        return refreshLocalToken(token, getDb);
      },
      session({ session, token }) {
        if (!isRole(token.role)) return session;
        session.user = {
          id: token.provider === "oidc" ? `oidc:${token.sub ?? ""}` : (token.sub ?? ""),
          username: token.username ?? token.sub ?? "",
          name: token.name ?? token.username ?? "",
          role: token.role,
          provider: token.provider ?? "credentials",
        };
        return session;
      },
    },
    events: {
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
