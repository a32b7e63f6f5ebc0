/** The e2e OpenID Connect provider's fixed address and client, shared by playwright.config.ts, the provider and the spec. */
const port = Number(process.env.E2E_OIDC_PORT ?? 3199);
const appPort = Number(process.env.E2E_PORT ?? 3100);

export const OIDC = {
  port,
  issuer: `http://127.0.0.1:${port}`,
  clientId: "sagedeck-e2e",
  clientSecret: "sagedeck-e2e-client-secret-not-for-production",
  redirectUri: `http://127.0.0.1:${appPort}/api/auth/callback/oidc`,
  groupsClaim: "groups",
  roleMap: "ml-admins=admin,ml-approvers=approver,ml-scientists=scientist",
} as const;
