/**
 * A real OpenID Connect provider (`oidc-provider`) for the single sign-on e2e test, started by playwright.config.ts.
 * Authorization code flow with PKCE required; the ID token carries `groups`. Its sign-in page is oidc-provider's
 * development login (any login, any password): the login is the account id, and the account's groups are what the
 * test set with `PUT /_test/users/<login>` (loopback only). Consent is granted for the one client.
 */
import crypto from "node:crypto";
import http from "node:http";
import Provider, { type Account, type KoaContextWithOIDC } from "oidc-provider";
import { OIDC } from "./oidc-settings";

interface TestUser {
  name?: string;
  email?: string;
  groups: string[];
}

const users = new Map<string, TestUser>();

function account(login: string): Account {
  return {
    accountId: login,
    claims: () => {
      const user = users.get(login) ?? { groups: [] };
      return {
        sub: login,
        preferred_username: login,
        name: user.name ?? login,
        email: user.email ?? `${login}@sso.example`,
        email_verified: true,
        groups: user.groups,
      };
    },
  };
}

const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });

const provider = new Provider(OIDC.issuer, {
  clients: [
    {
      client_id: OIDC.clientId,
      client_secret: OIDC.clientSecret,
      redirect_uris: [OIDC.redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", alg: "RS256", use: "sig" }] },
  cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "preferred_username", "groups"],
  },
  // the claims go into the ID token (next-auth reads the profile from it), not only into userinfo
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  features: { devInteractions: { enabled: true } },
  findAccount: (_ctx, id) => Promise.resolve(account(id)),
  // a first-party client: consent is implied, so the flow is login → back to SageDeck
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { client, session, result } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});
provider.on("server_error", (_ctx, err) => console.error("[oidc] server error:", err));

function isTestUser(value: unknown): value is TestUser {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.groups) && v.groups.every((g) => typeof g === "string");
}

/** `PUT /_test/users/<login>` `{ groups, name?, email? }` sets an account; loopback callers only. */
async function testApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const remote = req.socket.remoteAddress ?? "";
  const login = decodeURIComponent(req.url?.slice("/_test/users/".length) ?? "");
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (!["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(remote))
    return send(403, { error: "loopback only" });
  if (req.method !== "PUT" || !/^[\w.@-]{1,64}$/.test(login))
    return send(404, { error: "PUT /_test/users/<login>" });
  let text = "";
  for await (const chunk of req) text += String(chunk);
  const body: unknown = JSON.parse(text || "null");
  if (!isTestUser(body)) return send(400, { error: "expected { groups: string[], name?, email? }" });
  users.set(login, { groups: body.groups, name: body.name, email: body.email });
  send(200, { login, ...users.get(login) });
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url?.startsWith("/_test/")) {
    testApi(req, res).catch((err: unknown) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: String(err) }));
    });
    return;
  }
  callback(req, res);
});
server.listen(OIDC.port, "127.0.0.1", () => console.log(`[oidc] ${OIDC.issuer} ready`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
